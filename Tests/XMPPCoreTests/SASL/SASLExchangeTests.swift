import OpenSSLSupport
import Testing
import XMPPCore

/// The element-level exchange (RFC 6120 §6.4) and its ordering rules (security.md S10, S12, S13, S16, S17).
@Suite struct SASLExchangeTests {
    static let crypto = OpenSSLCrypto()
    static let clientNonce = "rOprNGfwEbeRWgbNEkqO"
    static let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
    static let serverFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    static let clientFinal =
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="

    static func sasl(_ name: String, _ payload: String? = nil) -> Element {
        Element(name, namespace: Namespace.sasl, text: payload.map { Base64.encode($0.bytes) } ?? "")
    }

    func makeExchange(
        _ selection: MechanismSelection = MechanismSelection(
            mechanism: .scram(.sha256, plus: false), binding: .notSupported),
        password: String = "pencil",
        bindingData: [UInt8]? = nil
    ) -> SASLExchange {
        SASLExchange(
            selection: selection, username: "user", password: password, clientNonce: Self.clientNonce,
            bindingData: bindingData, advertisedMechanisms: ["SCRAM-SHA-256"], advertisedChannelBindings: nil,
            crypto: Self.crypto
        )
    }

    /// An exchange that has sent client-final (RFC 7677 vector).
    func exchangeAwaitingFinal() throws -> SASLExchange {
        var exchange = makeExchange()
        _ = try exchange.start()
        _ = try exchange.receive(Self.sasl("challenge", Self.serverFirst))
        return exchange
    }

    @Test("SCRAM-SHA-256 transcript (RFC 7677 vector)")
    func transcript() throws {
        var exchange = makeExchange()
        let auth = try exchange.start()
        #expect(
            auth.serialized()
                == "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>"
                + Base64.encode("n,,n=user,r=rOprNGfwEbeRWgbNEkqO".bytes) + "</auth>")
        let response = try exchange.receive(Self.sasl("challenge", Self.serverFirst))
        let expected = Element("response", namespace: Namespace.sasl, text: Base64.encode(Self.clientFinal.bytes))
        #expect(response == .send(expected))
        #expect(try exchange.receive(Self.sasl("success", Self.serverFinal)) == .succeeded)
        #expect(exchange.isSucceeded)
    }

    @Test("S12: server-final as a challenge, then an empty success")
    func serverFinalAsChallenge() throws {
        var exchange = try exchangeAwaitingFinal()
        let outcome = try exchange.receive(Self.sasl("challenge", Self.serverFinal))
        #expect(outcome == .send(Element("response", namespace: Namespace.sasl)))
        #expect(!exchange.isSucceeded)
        #expect(try exchange.receive(Self.sasl("success")) == .succeeded)
    }

    @Test("S10: success without v= is refused", arguments: ["", "="])
    func successWithoutSignature(_ text: String) throws {
        var exchange = try exchangeAwaitingFinal()
        #expect(throws: SASLError.scram(.missingServerSignature)) {
            try exchange.receive(Element("success", namespace: Namespace.sasl, text: text))
        }
        #expect(!exchange.isSucceeded)
    }

    @Test("S9 through the exchange: wrong v= in success")
    func wrongSignature() throws {
        var exchange = try exchangeAwaitingFinal()
        #expect(throws: SASLError.scram(.serverSignatureMismatch)) {
            try exchange.receive(Self.sasl("success", "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="))
        }
    }

    @Test("S11 through the exchange: e= in success")
    func serverErrorInSuccess() throws {
        var exchange = try exchangeAwaitingFinal()
        #expect(throws: SASLError.scram(.serverError("other-error"))) {
            try exchange.receive(Self.sasl("success", "e=other-error"))
        }
    }

    @Test("S13: success before any challenge")
    func successBeforeChallenge() throws {
        var exchange = makeExchange()
        _ = try exchange.start()
        #expect(throws: SASLError.protocolViolation("success-before-challenge")) {
            try exchange.receive(Self.sasl("success", Self.serverFinal))
        }
    }

    @Test("S13: a duplicate challenge after server-final")
    func duplicateChallenge() throws {
        var exchange = try exchangeAwaitingFinal()
        _ = try exchange.receive(Self.sasl("challenge", Self.serverFinal))
        #expect(throws: SASLError.protocolViolation("challenge-after-final")) {
            try exchange.receive(Self.sasl("challenge", Self.serverFinal))
        }
    }

    @Test("S13: a challenge after success, and nothing after failure")
    func afterTheEnd() throws {
        var exchange = try exchangeAwaitingFinal()
        _ = try exchange.receive(Self.sasl("success", Self.serverFinal))
        #expect(throws: SASLError.protocolViolation("element-after-success")) {
            try exchange.receive(Self.sasl("challenge", "r=x"))
        }
        var failed = try exchangeAwaitingFinal()
        #expect(throws: SASLError.self) { try failed.receive(Self.sasl("success")) }
        #expect(throws: SASLError.protocolViolation("element-after-failure")) {
            try failed.receive(Self.sasl("success", Self.serverFinal))
        }
        #expect(!failed.isSucceeded)
    }

    @Test("a second server-first challenge is refused by the SCRAM client")
    func repeatedServerFirst() throws {
        var exchange = try exchangeAwaitingFinal()
        #expect(throws: SASLError.scram(.missingServerSignature)) {
            try exchange.receive(Self.sasl("challenge", Self.serverFirst))
        }
    }

    // MARK: S16

    /// RFC 6120 §6.5, in the order of the RFC.
    static let rfcConditions = [
        "aborted", "account-disabled", "credentials-expired", "encryption-required", "incorrect-encoding",
        "invalid-authzid", "invalid-mechanism", "malformed-request", "mechanism-too-weak", "not-authorized",
        "temporary-auth-failure",
    ]

    @Test("the condition enum is exactly RFC 6120 §6.5")
    func conditionList() {
        #expect(SASLFailure.Condition.allCases.map(\.rawValue) == Self.rfcConditions)
    }

    @Test("S16: every failure condition, with hostile text", arguments: SASLFailure.Condition.allCases)
    func failureCondition(_ condition: SASLFailure.Condition) throws {
        var exchange = try exchangeAwaitingFinal()
        let text = "\u{1B}[2J\u{1B}[31mPassword expired\u{202E}gnp.exe"
        var failure = Element("failure", namespace: Namespace.sasl)
        failure.append(Element(condition.rawValue, namespace: Namespace.sasl))
        failure.append(
            Element(
                "text", namespace: Namespace.sasl, attributes: [.init("xml:lang", "en")], children: [.text(text)]))
        #expect(throws: SASLError.failure(SASLFailure(condition, text: text))) { try exchange.receive(failure) }
        let parsed = try #require(SASLFailure(parsing: failure))
        let display = try #require(parsed.displayText)
        #expect(!display.unicodeScalars.contains("\u{1B}"))
        #expect(!display.unicodeScalars.contains("\u{202E}"))
        #expect(display.contains("Password expired"))
        #expect(SASLFailure(parsing: parsed.element) == parsed)
    }

    @Test("failure at each stage, and failures without a known condition")
    func failureStages() throws {
        var early = makeExchange()
        _ = try early.start()
        #expect(throws: SASLError.failure(SASLFailure(.notAuthorized))) {
            try early.receive(Element("failure", namespace: Namespace.sasl))
        }
        var unknown = makeExchange()
        _ = try unknown.start()
        let odd = Element("failure", namespace: Namespace.sasl, [:], [Element("bogus", namespace: Namespace.sasl)])
        #expect(throws: SASLError.failure(SASLFailure(.notAuthorized))) { try unknown.receive(odd) }
        #expect(SASLFailure(parsing: Element("failure", namespace: Namespace.tls)) == nil)
    }

    // MARK: S17 and encoding

    @Test("S17: a 1 MB challenge is refused before decoding")
    func hugeChallenge() throws {
        var exchange = makeExchange()
        _ = try exchange.start()
        let huge = Element("challenge", namespace: Namespace.sasl, text: String(repeating: "QUFB", count: 262_144))
        #expect(throws: SASLError.payloadTooLarge) { try exchange.receive(huge) }
    }

    @Test("a challenge that is not strict base64", arguments: ["!!!!", "cj1 4", "cj1", "cj1=eA=="])
    func incorrectEncoding(_ text: String) throws {
        var exchange = makeExchange()
        _ = try exchange.start()
        #expect(throws: SASLError.incorrectEncoding) {
            try exchange.receive(Element("challenge", namespace: Namespace.sasl, text: text))
        }
    }

    @Test("elements from other namespaces are protocol violations")
    func wrongNamespace() throws {
        var exchange = makeExchange()
        _ = try exchange.start()
        #expect(throws: SASLError.protocolViolation("unexpected-element")) {
            try exchange.receive(Element("challenge", namespace: Namespace.tls))
        }
    }

    // MARK: Start

    @Test("an invalid password is refused before anything is sent")
    func invalidPassword() {
        var exchange = makeExchange(password: "")
        #expect(throws: SASLError.invalidPassword(.empty)) { try exchange.start() }
    }

    @Test("p= without channel-binding data is refused at start")
    func missingBindingData() {
        var exchange = makeExchange(
            MechanismSelection(mechanism: .scram(.sha256, plus: true), binding: .bound(.tlsExporter)))
        #expect(throws: SASLError.scram(.channelBindingDataUnavailable)) { try exchange.start() }
    }

    @Test("PLAIN: authcid and OpaqueString-prepared password")
    func plain() throws {
        var exchange = makeExchange(
            MechanismSelection(mechanism: .plain, binding: .notSupported), password: "pen\u{3000}cil")
        let auth = try exchange.start()
        #expect(auth[attribute: "mechanism"] == "PLAIN")
        #expect(Base64.decode(auth.text) == [0] + "user".bytes + [0] + "pen cil".bytes)
        #expect(try exchange.receive(Self.sasl("success")) == .succeeded)

        var challenged = makeExchange(MechanismSelection(mechanism: .plain, binding: .notSupported))
        _ = try challenged.start()
        #expect(throws: SASLError.protocolViolation("challenge-to-plain")) {
            try challenged.receive(Self.sasl("challenge", "x"))
        }
    }

    @Test("SCRAM-SHA-512-PLUS with tls-exporter and XEP-0474 h=, end to end")
    func plusWithDowngradeProtection() throws {
        let bindingData = [UInt8](repeating: 0xAB, count: 32)
        let mechanisms = ["SCRAM-SHA-512-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256"]
        let selection = try MechanismSelection.select(
            offered: mechanisms, serverChannelBindings: [.tlsExporter, .tlsServerEndPoint],
            unknownServerBindingTypes: false, available: [.tlsExporter, .tlsServerEndPoint], isTLSVerified: true)
        #expect(selection == MechanismSelection(mechanism: .scram(.sha512, plus: true), binding: .bound(.tlsExporter)))
        var exchange = SASLExchange(
            selection: selection, username: "user", password: "pencil", clientNonce: "abc123",
            bindingData: bindingData, advertisedMechanisms: mechanisms,
            advertisedChannelBindings: [.tlsServerEndPoint, .tlsExporter], crypto: Self.crypto
        )
        let auth = try exchange.start()
        #expect(auth[attribute: "mechanism"] == "SCRAM-SHA-512-PLUS")
        #expect(Base64.decode(auth.text)?.string == "p=tls-exporter,,n=user,r=abc123")

        let advertised =
            "SCRAM-SHA-256\u{1E}SCRAM-SHA-512\u{1E}SCRAM-SHA-512-PLUS\u{1F}tls-exporter\u{1E}tls-server-end-point"
        let h = Base64.encode(Self.crypto.digest(.sha512, advertised.bytes))
        let server = SCRAMTestServer(hash: .sha512, password: "pencil", salt: [9, 8, 7, 6], iterations: 4096)
        let serverFirst = server.serverFirst(nonce: "abc123xyz", extra: ",h=" + h)
        guard case .send(let response) = try exchange.receive(Self.sasl("challenge", serverFirst)) else {
            Issue.record("expected a response")
            return
        }
        let clientFinal = try #require(Base64.decode(response.text)).string
        #expect(clientFinal.hasPrefix("c=" + Base64.encode("p=tls-exporter,,".bytes + bindingData) + ","))
        let serverFinal = try #require(
            server.serverFinal(clientFirstBare: "n=user,r=abc123", serverFirst: serverFirst, clientFinal: clientFinal))
        #expect(try exchange.receive(Self.sasl("success", serverFinal)) == .succeeded)
    }

    @Test("abort element and redacted description")
    func abortAndDescription() {
        #expect(SASLExchange.abortElement.serialized() == "<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")
        let exchange = makeExchange(password: "hunter2")
        #expect(!"\(exchange)".contains("hunter2"))
        var dumped = ""
        dump(exchange, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }
}
