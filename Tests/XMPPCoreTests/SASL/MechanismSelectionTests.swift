import Testing
import XMPPCore

/// Mechanism and gs2-flag choice (security.md §3.3 item 7, §3.4, §3.5; S1, S2, S14, S15, S18).
@Suite struct MechanismSelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var offered: [String]
        var serverTypes: [ChannelBindingType]? = nil
        var unknownTypes = false
        var available: [ChannelBindingType]
        var isTLSVerified = true
        var isSCRAMPinned = false
        var expected: Result<MechanismSelection, SASLPolicyError>
        var testDescription: String { name }
    }

    static let tls13: [ChannelBindingType] = [.tlsExporter, .tlsServerEndPoint]
    static let tls12: [ChannelBindingType] = [.tlsUnique, .tlsServerEndPoint]

    static func pick(_ hash: SCRAMHash, plus: Bool = false, _ binding: ChannelBindingChoice)
        -> Result<MechanismSelection, SASLPolicyError>
    {
        .success(MechanismSelection(mechanism: .scram(hash, plus: plus), binding: binding))
    }

    static let cases: [Case] = [
        Case(
            name: "strongest SCRAM; y when no -PLUS offered and we could bind",
            offered: ["SCRAM-SHA-1", "SCRAM-SHA-256", "PLAIN"], available: tls13,
            expected: pick(.sha256, .supportedButNotOffered)),
        Case(
            name: "SHA-512 beats SHA-256 and SHA-1",
            offered: ["SCRAM-SHA-1", "SCRAM-SHA-512", "SCRAM-SHA-256"], available: [],
            expected: pick(.sha512, .notSupported)),
        Case(
            name: "ejabberd 23.01 over TLS 1.3: -PLUS without XEP-0440 → non-PLUS with n",
            offered: ["SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "X-OAUTH2"], available: tls13,
            expected: pick(.sha1, .notSupported)),
        Case(
            name: "S14: -PLUS without XEP-0440 never yields y",
            offered: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], available: tls13,
            expected: pick(.sha256, .notSupported)),
        Case(
            name: "TLS 1.2 without XEP-0440: tls-unique, mandatory for -PLUS servers (RFC 5802 §6)",
            offered: ["SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"], available: tls12,
            expected: pick(.sha1, plus: true, .bound(.tlsUnique))),
        Case(
            name: "XEP-0440 with tls-exporter on TLS 1.3",
            offered: ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512-PLUS", "SCRAM-SHA-512"],
            serverTypes: [.tlsExporter, .tlsServerEndPoint], available: tls13,
            expected: pick(.sha512, plus: true, .bound(.tlsExporter))),
        Case(
            name: "prefer a binding stronger than tls-server-end-point whatever the order given",
            offered: ["SCRAM-SHA-256-PLUS"], serverTypes: [.tlsServerEndPoint, .tlsExporter],
            available: [.tlsServerEndPoint, .tlsExporter],
            expected: pick(.sha256, plus: true, .bound(.tlsExporter))),
        Case(
            name: "XEP-0440 listing only tls-server-end-point",
            offered: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], serverTypes: [.tlsServerEndPoint], available: tls13,
            expected: pick(.sha256, plus: true, .bound(.tlsServerEndPoint))),
        Case(
            name: "unknown types next to tls-server-end-point are fine",
            offered: ["SCRAM-SHA-1-PLUS"], serverTypes: [.tlsServerEndPoint], unknownTypes: true, available: tls13,
            expected: pick(.sha1, plus: true, .bound(.tlsServerEndPoint))),
        Case(
            name: "S18: server lists only tls-unique on TLS 1.3 → non-PLUS with n",
            offered: ["SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"], serverTypes: [.tlsUnique], available: tls13,
            expected: pick(.sha1, .notSupported)),
        Case(
            name: "-PLUS preferred over a stronger hash without binding",
            offered: ["SCRAM-SHA-512", "SCRAM-SHA-256-PLUS"], serverTypes: [.tlsExporter], available: tls13,
            expected: pick(.sha256, plus: true, .bound(.tlsExporter))),
        Case(
            name: "the same offer without a usable binding → strongest non-PLUS",
            offered: ["SCRAM-SHA-512", "SCRAM-SHA-256-PLUS"], available: tls13,
            expected: pick(.sha512, .notSupported)),
        Case(
            name: "no channel binding on this connection → n",
            offered: ["SCRAM-SHA-256"], available: [],
            expected: pick(.sha256, .notSupported)),
        Case(
            name: "S15: only unknown binding types and no tls-server-end-point → abort",
            offered: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], serverTypes: [], unknownTypes: true, available: tls13,
            expected: .failure(.channelBindingAbort(.onlyUnknownTypes))),
        Case(
            name: "binding types advertised but -PLUS stripped → abort",
            offered: ["SCRAM-SHA-256"], serverTypes: [.tlsExporter], available: tls13,
            expected: .failure(.channelBindingAbort(.typesWithoutPlusMechanism))),
        Case(
            name: "binding types without -PLUS, but we cannot bind → n",
            offered: ["SCRAM-SHA-256"], serverTypes: [.tlsExporter], available: [],
            expected: pick(.sha256, .notSupported)),
        Case(
            name: "only -PLUS offered and nothing usable → no acceptable mechanism",
            offered: ["SCRAM-SHA-256-PLUS"], available: tls13,
            expected: .failure(.noAcceptableMechanism(offered: ["SCRAM-SHA-256-PLUS"]))),
        Case(
            name: "S2: only PLAIN over verified TLS",
            offered: ["PLAIN"], available: tls13,
            expected: .success(MechanismSelection(mechanism: .plain, binding: .notSupported))),
        Case(
            name: "S1: only PLAIN without verified TLS → refuse",
            offered: ["PLAIN"], available: [], isTLSVerified: false,
            expected: .failure(.plainNotAllowed)),
        Case(
            name: "S2: only PLAIN after SCRAM was pinned → refuse",
            offered: ["PLAIN"], available: tls13, isSCRAMPinned: true,
            expected: .failure(.plainRefusedAfterSCRAM)),
        Case(
            name: "PLAIN is never chosen when SCRAM is offered",
            offered: ["PLAIN", "SCRAM-SHA-1"], available: [],
            expected: pick(.sha1, .notSupported)),
        Case(
            name: "nothing we implement",
            offered: ["DIGEST-MD5", "X-OAUTH2", "scram-sha-1"], available: tls13,
            expected: .failure(.noAcceptableMechanism(offered: ["DIGEST-MD5", "X-OAUTH2", "scram-sha-1"]))),
        Case(
            name: "empty offer",
            offered: [], available: tls13,
            expected: .failure(.noAcceptableMechanism(offered: []))),
    ]

    @Test("mechanism selection", arguments: cases)
    func select(_ example: Case) {
        let result = Result { () throws(SASLPolicyError) -> MechanismSelection in
            try MechanismSelection.select(
                offered: example.offered, serverChannelBindings: example.serverTypes,
                unknownServerBindingTypes: example.unknownTypes, available: example.available,
                isTLSVerified: example.isTLSVerified, isSCRAMPinned: example.isSCRAMPinned)
        }
        #expect(result == example.expected)
    }

    @Test(
        "mechanism names",
        arguments: [
            ("SCRAM-SHA-1", SASLMechanism.scram(.sha1, plus: false)),
            ("SCRAM-SHA-1-PLUS", .scram(.sha1, plus: true)),
            ("SCRAM-SHA-256", .scram(.sha256, plus: false)),
            ("SCRAM-SHA-256-PLUS", .scram(.sha256, plus: true)),
            ("SCRAM-SHA-512", .scram(.sha512, plus: false)),
            ("SCRAM-SHA-512-PLUS", .scram(.sha512, plus: true)),
            ("PLAIN", .plain),
        ])
    func names(_ name: String, _ mechanism: SASLMechanism) {
        #expect(mechanism.name == name)
        #expect(SASLMechanism(name: name) == mechanism)
        #expect(SASLMechanism(name: "\n  \(name)\n") == mechanism)
    }

    @Test("unknown mechanism names", arguments: ["SCRAM-SHA-384", "scram-sha-1", "SCRAM-SHA-1-PLUS-X", "", "EXTERNAL"])
    func unknownNames(_ name: String) {
        #expect(SASLMechanism(name: name) == nil)
    }

    @Test(
        "gs2 headers",
        arguments: [
            (ChannelBindingChoice.notSupported, "n,,"),
            (.supportedButNotOffered, "y,,"),
            (.bound(.tlsExporter), "p=tls-exporter,,"),
            (.bound(.tlsUnique), "p=tls-unique,,"),
            (.bound(.tlsServerEndPoint), "p=tls-server-end-point,,"),
        ])
    func gs2Headers(_ choice: ChannelBindingChoice, _ header: String) {
        #expect(choice.gs2Header == header)
    }
}
