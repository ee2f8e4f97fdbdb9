import OpenSSLSupport
import Testing
import XMPPCore
import XMPPTestSupport

@Suite("Stream negotiation transcripts (RFC 6120 §4–§7)")
struct StreamNegotiationTests {
    static let tlsFeatures = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>"
    static let header = StreamEvent.opened(StreamHeader(id: "s1", from: "example.org"))

    private func machine(_ intent: StreamNegotiation.Intent, nonce: String = "rOprNGfwEbeRWgbNEkqO") -> StreamNegotiation {
        StreamNegotiation(
            configuration: .init(domain: "example.org", intent: intent, clientNonce: nonce, idPrefix: "t", crypto: OpenSSLCrypto()))
    }

    private func element(_ xml: String) -> StreamEvent { .element(XMLFixture.element(xml)) }

    private let noBinding = StreamNegotiation.TLSChannel(availableBindings: [], channelBindings: [:])

    /// Runs STARTTLS up to the second stream's features.
    private func negotiateTLS(_ machine: inout StreamNegotiation) {
        let opened = machine.start(directTLS: nil)
        #expect(opened == [.openStream(OutgoingStreamHeader(to: "example.org"), resetParser: false)])
        #expect(machine.receive(Self.header) == [])
        #expect(machine.receive(element(Self.tlsFeatures)) == [.send(Element("starttls", namespace: Namespace.tls))])
        #expect(machine.receive(element("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")) == [.startTLS])
        let reopened = machine.tlsEstablished(noBinding)
        guard case .openStream(_, resetParser: true)? = reopened.first else {
            Issue.record("expected a stream restart, got \(reopened)")
            return
        }
        #expect(machine.receive(Self.header) == [])
    }

    @Test("T10: no <starttls/> on a plaintext stream fails before anything else is sent")
    func startTLSNotOffered() {
        var machine = machine(.authenticate(.init(username: "user", password: "pencil")))
        _ = machine.start(directTLS: nil)
        _ = machine.receive(Self.header)
        let actions = machine.receive(element(
            "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>"))
        #expect(actions == [.close(.policyViolation)])
        guard case .failed(.tlsNotOffered) = machine.state else {
            Issue.record("state \(machine.state)")
            return
        }
    }

    @Test("T11: <starttls/> answered with <failure/> aborts")
    func startTLSFailure() {
        var machine = machine(.register)
        _ = machine.start(directTLS: nil)
        _ = machine.receive(Self.header)
        _ = machine.receive(element(Self.tlsFeatures))
        #expect(machine.receive(element("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")) == [.close(nil)])
        guard case .failed(.tlsRefused) = machine.state else {
            Issue.record("state \(machine.state)")
            return
        }
    }

    @Test("registration intent stops after TLS with the features")
    func registrationAfterStartTLS() {
        var machine = machine(.register)
        negotiateTLS(&machine)
        let actions = machine.receive(element("<stream:features><register xmlns='http://jabber.org/features/iq-register'/><register xmlns='urn:xmpp:ibr-token:0'/></stream:features>"))
        guard case .readyForRegistration(let features)? = actions.first else {
            Issue.record("actions \(actions)")
            return
        }
        #expect(features.offersRegistration)
        #expect(features.offersInviteTokenRegistration)
    }

    @Test("SCRAM-SHA-256 login with the RFC 7677 vector, then bind")
    func scramLoginAndBind() throws {
        var machine = machine(.authenticate(.init(username: "user", password: "pencil")))
        negotiateTLS(&machine)
        let authActions = machine.receive(element(
            "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism><mechanism>SCRAM-SHA-256</mechanism><mechanism>PLAIN</mechanism></mechanisms></stream:features>"))
        guard case .send(let auth)? = authActions.first else {
            Issue.record("actions \(authActions)")
            return
        }
        #expect(auth[attribute: "mechanism"] == "SCRAM-SHA-256")
        #expect(Base64.decode(auth.text).map { String(decoding: $0, as: UTF8.self) } == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")

        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let responseActions = machine.receive(element("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\(Base64.encode(Array(serverFirst.utf8)))</challenge>"))
        guard case .send(let response)? = responseActions.first else {
            Issue.record("actions \(responseActions)")
            return
        }
        #expect(Base64.decode(response.text).map { String(decoding: $0, as: UTF8.self) } == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")

        let success = machine.receive(element("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\(Base64.encode(Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8)))</success>"))
        guard case .openStream(let header, resetParser: true)? = success.first else {
            Issue.record("actions \(success)")
            return
        }
        #expect(header.from == "user@example.org")
        #expect(machine.receive(Self.header) == [])
        let bindActions = machine.receive(element("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session></stream:features>"))
        #expect(bindActions == [.send(IQ(type: .set, id: "t1", payload: Element("bind", namespace: Namespace.bind)).element)])
        let done = machine.receive(element("<iq type='result' id='t1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@example.org/abc</jid></bind></iq>"))
        let jid = try JID("user@example.org/abc")
        guard case .established(let bound, let selection)? = done.first else {
            Issue.record("actions \(done)")
            return
        }
        #expect(bound == jid)
        #expect(selection?.mechanism == .scram(.sha256, plus: false))
    }

    @Test("S9: a forged server signature fails the login")
    func forgedSignature() {
        var machine = machine(.authenticate(.init(username: "user", password: "pencil")))
        negotiateTLS(&machine)
        _ = machine.receive(element("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256</mechanism></mechanisms></stream:features>"))
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        _ = machine.receive(element("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\(Base64.encode(Array(serverFirst.utf8)))</challenge>"))
        let forged = machine.receive(element("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\(Base64.encode(Array("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8)))</success>"))
        #expect(forged == [.close(nil)])
        guard case .failed(.sasl) = machine.state else {
            Issue.record("state \(machine.state)")
            return
        }
    }

    @Test("SASL <failure/> with not-authorized is reported with its condition")
    func wrongPassword() {
        var machine = machine(.authenticate(.init(username: "user", password: "wrong")))
        negotiateTLS(&machine)
        _ = machine.receive(element("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"))
        _ = machine.receive(element("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/><text>bad</text></failure>"))
        guard case .failed(.sasl(let error)) = machine.state else {
            Issue.record("state \(machine.state)")
            return
        }
        #expect("\(error)".contains("notAuthorized"))
    }

    @Test("a stream error during negotiation fails with that error")
    func streamErrorDuringNegotiation() {
        var machine = machine(.register)
        _ = machine.start(directTLS: nil)
        _ = machine.receive(Self.header)
        _ = machine.receive(element("<stream:error><system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"))
        guard case .failed(.streamError(let error)) = machine.state else {
            Issue.record("state \(machine.state)")
            return
        }
        #expect(error.condition == .systemShutdown)
    }

    @Test("Direct TLS goes straight to authentication; no <starttls/> is ever sent")
    func directTLS() {
        var machine = machine(.register)
        _ = machine.start(directTLS: noBinding)
        _ = machine.receive(Self.header)
        let actions = machine.receive(element("<stream:features><register xmlns='http://jabber.org/features/iq-register'/></stream:features>"))
        guard case .readyForRegistration? = actions.first else {
            Issue.record("actions \(actions)")
            return
        }
    }
}
