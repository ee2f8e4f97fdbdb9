import Foundation
import OpenSSLSupport
import Testing

/// Certificate, name, version and ALPN checks: test matrix T1–T9 and T15 (security.md §8.3).
@Suite struct TLSEngineVerificationTests {
    /// Runs a handshake and returns the client's error, or `nil` if it succeeded.
    private func handshakeError(
        serverName: String = "example.test", identity: KeyPath<TestPKI, TestPKI.Identity>,
        alpnProtocols: [String] = [], clientConfiguration: TLSConfiguration? = nil,
        configureServer: (inout TLSServerEngine.Configuration) -> Void = { _ in }
    ) throws -> TLSError? {
        var session = try TLSSession(
            serverName: serverName, identity: identity, alpnProtocols: alpnProtocols,
            clientConfiguration: clientConfiguration, configureServer: configureServer)
        do {
            try session.handshake()
            return nil
        } catch let error as TLSError {
            let info = session.client.connectionInfo
            #expect(info == nil)
            let available = session.client.availableChannelBindings
            #expect(available.isEmpty)
            return error
        }
    }

    @Test("T1: certificate for another name")
    func wrongName() throws {
        #expect(try handshakeError(identity: \.wrongName) == .hostnameMismatch)
    }

    @Test("T2: partial wildcard x*.example.test")
    func partialWildcard() throws {
        #expect(try handshakeError(serverName: "xmpp.example.test", identity: \.partialWildcard) == .hostnameMismatch)
    }

    @Test("T3: *.example.test does not cover a.b.example.test")
    func wildcardTwoLabels() throws {
        #expect(try handshakeError(serverName: "a.b.example.test", identity: \.wildcard) == .hostnameMismatch)
    }

    @Test("T4: CN-only certificate without subjectAltName (no CN fallback)")
    func commonNameOnly() throws {
        #expect(try handshakeError(identity: \.commonNameOnly) == .hostnameMismatch)
    }

    @Test("T6: expired certificate")
    func expired() throws {
        #expect(try handshakeError(identity: \.expired) == .certificateExpired)
    }

    @Test("T6: certificate not yet valid")
    func notYetValid() throws {
        #expect(try handshakeError(identity: \.notYetValid) == .certificateNotYetValid)
    }

    @Test("T7: self-signed certificate")
    func selfSigned() throws {
        #expect(try handshakeError(identity: \.selfSigned) == .selfSignedCertificate)
    }

    @Test("certificate from an untrusted CA")
    func untrustedIssuer() throws {
        let error = try handshakeError(identity: \.untrustedIssuer)
        #expect(error == .untrustedCertificate(reason: "unable to get local issuer certificate"))
    }

    @Test("without --ca-file the test CA is not trusted")
    func systemStoreOnly() throws {
        let error = try handshakeError(identity: \.example, clientConfiguration: TLSConfiguration())
        #expect(error == .untrustedCertificate(reason: "unable to get local issuer certificate"))
    }

    @Test("the self-signed certificate is accepted once it is a trust anchor")
    func selfSignedAsAnchor() throws {
        let pki = try TestPKI.get()
        let configuration = TLSConfiguration(additionalTrustAnchors: [pki.selfSigned.certificatePath])
        #expect(try handshakeError(identity: \.selfSigned, clientConfiguration: configuration) == nil)
    }

    @Test(
        "T8: invalid reference identities are refused before any TLS",
        arguments: [
            "", ".", "example..test", "example.test.", "-example.test", "example-.test", "exa mple.test",
            "exam_ple.test", "bücher.example", "192.0.2.1", "::1", "[::1]", "example.test:5222",
            String(repeating: "a", count: 64) + ".test", String(repeating: "abcdefghi.", count: 26) + "test",
        ])
    func invalidServerName(name: String) throws {
        let pki = try TestPKI.get()
        let context = try TLSContext(configuration: TLSConfiguration(additionalTrustAnchors: [pki.caCertificatePath]))
        #expect(throws: TLSError.invalidServerName) {
            _ = try TLSEngine(context: context, serverName: name, alpnProtocols: [])
        }
    }

    @Test("valid reference identities", arguments: ["localhost", "example.test", "xn--bcher-kva.example", "a1.b-2.c3"])
    func validServerName(name: String) throws {
        let context = try TLSContext(configuration: TLSConfiguration())
        _ = try TLSEngine(context: context, serverName: name, alpnProtocols: ["xmpp-client"])
    }

    @Test("invalid ALPN protocol names", arguments: ["", String(repeating: "x", count: 256)])
    func invalidALPN(name: String) throws {
        let context = try TLSContext(configuration: TLSConfiguration())
        #expect(throws: TLSError.invalidALPNProtocol(name)) {
            _ = try TLSEngine(context: context, serverName: "example.test", alpnProtocols: [name])
        }
    }

    @Test("T9: a server limited to TLS 1.1 is rejected")
    func tls11Server() throws {
        let error = try handshakeError(identity: \.example) {
            $0.minimumVersion = .tls11
            $0.maximumVersion = .tls11
        }
        #expect(error == .protocolVersionTooOld)
    }

    @Test("a TLS 1.3-only client rejects a TLS 1.2 server")
    func minimumTLS13() throws {
        let pki = try TestPKI.get()
        var configuration = TLSConfiguration(additionalTrustAnchors: [pki.caCertificatePath])
        configuration.minimumVersion = .tls13
        let error = try handshakeError(identity: \.example, clientConfiguration: configuration) {
            $0.maximumVersion = .tls12
        }
        #expect(error == .protocolVersionTooOld)
    }

    @Test("T15: the server selects xmpp-client")
    func alpnSelected() throws {
        var session = try TLSSession(alpnProtocols: ["xmpp-client"])
        try session.handshake()
        let info = session.client.connectionInfo
        #expect(info?.alpn == "xmpp-client")
    }

    @Test("T15: no ALPN selected is fine", arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func alpnNone(version: TLSServerEngine.ProtocolVersion) throws {
        var session = try TLSSession(alpnProtocols: ["xmpp-client"]) {
            $0.alpn = .selectNone
            $0.maximumVersion = version
        }
        try session.handshake()
        let isComplete = session.client.isHandshakeComplete
        #expect(isComplete)
        let info = session.client.connectionInfo
        #expect(info?.alpn == nil)
    }

    @Test(
        "T15: another ALPN protocol selected is rejected", arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func alpnOther(version: TLSServerEngine.ProtocolVersion) throws {
        let error = try handshakeError(identity: \.example, alpnProtocols: ["xmpp-client"]) {
            $0.alpn = .selectAlways("xmpp-server")
            $0.maximumVersion = version
        }
        #expect(error == .alpnMismatch(selected: "xmpp-server"))
    }

    @Test("STARTTLS offers no ALPN, so the server selects none")
    func alpnNotOffered() throws {
        var session = try TLSSession(alpnProtocols: []) { $0.alpn = .selectAlways("xmpp-server") }
        try session.handshake()
        let info = session.client.connectionInfo
        #expect(info?.alpn == nil)
    }

    @Test("an unreadable --ca-file is reported with its path")
    func caFileMissing() throws {
        let path = "/nonexistent/\(UUID().uuidString).pem"
        #expect(throws: TLSError.caFileUnreadable(path: path)) {
            _ = try TLSContext(configuration: TLSConfiguration(additionalTrustAnchors: [path]))
        }
    }

    @Test("a --ca-file without certificates is refused")
    func caFileEmpty() throws {
        let pki = try TestPKI.get()
        let path = pki.directory.appendingPathComponent("not-a-certificate-\(UUID().uuidString).pem").path
        try "hello\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TLSError.caFileUnreadable(path: path)) {
            _ = try TLSContext(configuration: TLSConfiguration(additionalTrustAnchors: [path]))
        }
    }
}
