import OpenSSLSupport
import Testing
import XMPPCore

/// Conversation transcripts: the flow's IQs compared byte for byte, server replies from security.md §5.
@Suite("Registration flow transcripts (XEP-0077, XEP-0158)")
struct RegistrationFlowTests {
    static let formRequest = "<iq xmlns='jabber:client' type='get' id='reg1'><query xmlns='jabber:iq:register'/></iq>"

    /// Prosody 0.12 `mod_register_ibr`: legacy fields and the equivalent data form.
    static func prosodyForm(id: String) -> IQ {
        TestXML.iq(
            """
            <iq type='result' id='\(id)'><query xmlns='jabber:iq:register'>
              <instructions>Choose a username and password for use with this service.</instructions><username/><password/>
              <x xmlns='jabber:x:data' type='form'><title>Creating a new account</title>
                <instructions>Choose a username and password for use with this service.</instructions>
                <field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>
                <field var='username' type='text-single' label='Username'><required/></field>
                <field var='password' type='text-private' label='Password'><required/></field>
              </x></query></iq>
            """)
    }

    static func error(id: String, type: String, condition: String, text: String? = nil, echo: String = "") -> IQ {
        let textElement = text.map { "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>\($0)</text>" } ?? ""
        return TestXML.iq(
            "<iq type='error' id='\(id)'>\(echo)<error type='\(type)'><\(condition) xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\(textElement)</error></iq>")
    }

    static func result(id: String, payload: String = "") -> IQ {
        TestXML.iq("<iq type='result' id='\(id)'>\(payload)</iq>")
    }

    /// The XML of the single IQ among `actions`.
    static func sent(_ actions: [RegistrationFlow.Action]) -> String? {
        let sends = actions.compactMap { action -> IQ? in
            if case .send(let iq) = action { return iq }
            return nil
        }
        return sends.count == 1 ? sends[0].element.serialized() : nil
    }

    static func presentedForm(_ actions: [RegistrationFlow.Action]) -> RegistrationForm? {
        guard actions.count == 1, case .presentForm(let form) = actions[0] else { return nil }
        return form
    }

    // MARK: - Success paths

    @Test("Prosody data form: request, submit, registered")
    func prosodySuccess() throws {
        var flow = RegistrationFlow()
        #expect(Self.sent(flow.requestForm()) == Self.formRequest)
        let form = try #require(Self.presentedForm(flow.receive(Self.prosodyForm(id: "reg1"))))
        guard case .dataForm = form.shape else {
            Issue.record("a data form takes precedence over the legacy fields")
            return
        }
        #expect(form.usernameVariable == "username" && form.passwordVariable == "password")
        #expect(form.askedFields.isEmpty)
        #expect(form.captcha == nil)
        #expect(form.title == "Creating a new account")
        #expect(form.missingFields(for: RegistrationAnswers()).map(\.variable) == ["username", "password"])
        let submit = try flow.submit(RegistrationAnswers(username: "alice", password: "Pa55word-x"))
        #expect(Self.sent(submit) == "<iq xmlns='jabber:client' type='set' id='reg2'><query xmlns='jabber:iq:register'>"
            + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
            + "<field var='username'><value>alice</value></field><field var='password'><value>Pa55word-x</value></field></x></query></iq>")
        #expect(flow.receive(Self.result(id: "reg2")) == [.registered(username: "alice")])
        #expect(flow.state == .registered(username: "alice"))
    }

    /// XEP-0077 Example 2 / 4: legacy fields only, with a transaction key to echo.
    @Test("legacy fields: every element returned is required, the key echoed, instructions not sent")
    func legacy() throws {
        var flow = RegistrationFlow(configuration: .init(server: "shakespeare.lit"))
        #expect(Self.sent(flow.requestForm())
            == "<iq xmlns='jabber:client' type='get' id='reg1' to='shakespeare.lit'><query xmlns='jabber:iq:register'/></iq>")
        let reply = TestXML.iq(
            "<iq type='result' id='reg1' from='shakespeare.lit'><query xmlns='jabber:iq:register'><instructions>Choose a username and password.</instructions>"
                + "<username/><password/><email/><key>k-1</key></query></iq>")
        let form = try #require(Self.presentedForm(flow.receive(reply)))
        #expect(form.instructions == ["Choose a username and password."])
        #expect(form.askedFields.map(\.variable) == ["email"])
        #expect(form.hiddenFields.map(\.variable) == ["key"])
        let partial = RegistrationAnswers(username: "bill", password: "Calliope")
        #expect(throws: RegistrationInputError.missingAnswers(form.fields.filter { $0.variable == "email" })) {
            try flow.submit(partial)
        }
        #expect(flow.state == .formReceived(form))
        var answers = partial
        answers["email"] = "bard@shakespeare.lit"
        #expect(Self.sent(try flow.submit(answers)) == "<iq xmlns='jabber:client' type='set' id='reg2' to='shakespeare.lit'>"
            + "<query xmlns='jabber:iq:register'><username>bill</username><password>Calliope</password>"
            + "<email>bard@shakespeare.lit</email><key>k-1</key></query></iq>")
        #expect(flow.receive(Self.result(id: "reg2")) == [.registered(username: "bill")])
    }

    @Test("hidden and unknown fields: hidden echoed unchanged, unknown asked and never dropped (R7)")
    func hiddenAndUnknownFields() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let reply = TestXML.iq(
            """
            <iq type='result' id='reg1'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>
              <field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>
              <field var='nonce' type='hidden'><value>a&amp;b &lt;c&gt;</value></field>
              <field type='fixed'><value>Please read the rules.</value></field>
              <field var='username'><required/></field>
              <field var='password' type='text-private'><required/></field>
              <field var='password-verify' type='text-private'><required/></field>
              <field var='favourite-colour' type='list-single' label='Colour'><required/>
                <option label='Red'><value>red</value></option><option label='Blue'><value>blue</value></option></field>
              <field var='email' type='text-single'/>
              <field var='newsletter' type='boolean'><value>0</value></field>
            </x></query></iq>
            """)
        let form = try #require(Self.presentedForm(flow.receive(reply)))
        #expect(form.askedFields.map(\.variable) == ["favourite-colour", "email", "newsletter"])
        #expect(form.askedFields.map(\.role) == [.other, .email, .other])
        #expect(form.hiddenFields.map(\.variable) == ["FORM_TYPE", "nonce"])
        #expect(form.fields.first { $0.variable == "password-verify" }?.role == .passwordConfirmation)
        let base = RegistrationAnswers(username: "carol", password: "Secr3t-Secr3t")
        #expect(throws: RegistrationInputError.missingAnswers(form.fields.filter { $0.variable == "favourite-colour" })) {
            try flow.submit(base)
        }
        var wrong = base
        wrong.fields = ["favourite-colour": ["green"], "shoe-size": ["44"], "nonce": ["x"]]
        #expect(throws: RegistrationInputError.invalidAnswers([
            .notAnswerable(variable: "nonce"), .unknownField(variable: "shoe-size"), .notAnOption(variable: "favourite-colour", value: "green"),
        ])) { try flow.submit(wrong) }
        var right = base
        right["favourite-colour"] = "blue"
        let xml = try #require(Self.sent(try flow.submit(right)))
        #expect(xml.contains("<field var='nonce'><value>a&amp;b &lt;c&gt;</value></field>"))
        #expect(xml.contains("<field var='password-verify'><value>Secr3t-Secr3t</value></field>"))
        #expect(xml.contains("<field var='favourite-colour'><value>blue</value></field>"))
        #expect(xml.contains("<field var='newsletter'><value>0</value></field>"))
        #expect(!xml.contains("Please read the rules"))
        #expect(!xml.contains("email"))
    }

    // MARK: - CAPTCHA

    static func ejabberdForm(id: String) -> IQ {
        var iq = ServerFixtures.ejabberdCaptchaFormIQ
        iq.id = id
        return iq
    }

    static let ejabberdSubmission = "<x xmlns='jabber:x:data' type='submit'>"
        + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
        + "<field var='username'><value>alice</value></field><field var='password'><value>Str0ng-Passw0rd</value></field>"
        + "<field var='captcha-fallback-url'><value>http://localhost/captcha/12048431259047425252/image</value></field>"
        + "<field var='from'><value>captcha.localhost</value></field>"
        + "<field var='challenge'><value>12048431259047425252</value></field>"
        + "<field var='sid'><value>2c5fbed47e4d44f8a375c7af84679276</value></field>"

    @Test("ejabberd 23.01 CAPTCHA: wrong answer (cancel/not-allowed) → fresh form → right answer → registered")
    func ejabberdCaptcha() throws {
        var flow = RegistrationFlow(configuration: .init(crypto: OpenSSLCrypto()))
        _ = flow.requestForm()
        let form = try #require(Self.presentedForm(flow.receive(Self.ejabberdForm(id: "reg1"))))
        let captcha = try #require(form.captcha)
        #expect(captcha.questions.map(\.variable) == ["ocr"])
        #expect(form.askedFields.isEmpty)
        #expect(form.fields.map(\.role) == [.hidden, .username, .password, .fixed, .captchaInternal, .captchaInternal, .captchaInternal,
                                            .captchaInternal, .captchaAnswer])
        #expect(form.instructions == ["Choose a username and password to register with this server"])
        #expect(form.alternative?.instructions == "You need a client that supports x:data and CAPTCHA to register")
        #expect(form.alternative?.url == nil)
        var answers = RegistrationAnswers(username: "alice", password: "Str0ng-Passw0rd")
        #expect(form.missingFields(for: answers).map(\.variable) == ["ocr"])
        answers["ocr"] = "wrong"
        let first = try #require(Self.sent(try flow.submit(answers)))
        #expect(first == "<iq xmlns='jabber:client' type='set' id='reg2'><query xmlns='jabber:iq:register'>" + Self.ejabberdSubmission
            + "<field var='ocr'><value>wrong</value></field></x></query></iq>")

        let refused = Self.error(id: "reg2", type: "cancel", condition: "not-allowed", text: "The CAPTCHA verification has failed")
        let retry = flow.receive(refused)
        let failure = RegistrationFailure(kind: .captchaFailed, phase: .submission, condition: .notAllowed, errorType: .cancel,
                                          text: "The CAPTCHA verification has failed")
        #expect(retry == [.retry(failure, freshFormNeeded: true)])
        #expect(flow.state == .needsFreshForm(failure))
        #expect(flow.captchaFailures == 1)

        #expect(Self.sent(flow.requestForm()) == "<iq xmlns='jabber:client' type='get' id='reg3'><query xmlns='jabber:iq:register'/></iq>")
        let fresh = try #require(Self.presentedForm(flow.receive(Self.ejabberdForm(id: "reg3"))))
        #expect(fresh.carriedAnswers.isEmpty)  // the CAPTCHA answer is never carried over
        answers["ocr"] = "7xk2p"
        let second = try #require(Self.sent(try flow.submit(answers)))
        #expect(second.contains("id='reg4'") && second.contains("<field var='ocr'><value>7xk2p</value></field>"))
        #expect(flow.receive(Self.result(id: "reg4")) == [.registered(username: "alice")])
    }

    @Test("XEP-0158 wrong answer (modify/not-acceptable) and expired challenge (service-unavailable) need a fresh form",
          arguments: [("modify", "not-acceptable", RegistrationFailure.Kind.notAcceptable), ("cancel", "service-unavailable", .captchaFailed)])
    func captchaVariants(type: String, condition: String, kind: RegistrationFailure.Kind) throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.ejabberdForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "alice", password: "Str0ng-Passw0rd", fields: ["ocr": ["x"]]))
        let actions = flow.receive(Self.error(id: "reg2", type: type, condition: condition))
        guard case .retry(let failure, freshFormNeeded: true)? = actions.first, case .needsFreshForm = flow.state else {
            Issue.record("expected a fresh-form retry, got \(actions)")
            return
        }
        #expect(failure.kind == kind)
    }

    @Test("CAPTCHA media fetched by the driver is recorded in the form")
    func fetchedMedia() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(TestXML.iq(
            "<iq type='result' id='reg1'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>"
                + "<field var='username'><required/></field><field var='password' type='text-private'><required/></field>"
                + "<field var='ocr' label='Text'><media xmlns='urn:xmpp:media-element'><uri type='image/png'>cid:sha1+x@bob.xmpp.org</uri></media>"
                + "<required/></field></x></query></iq>"))
        guard case .formReceived(let before) = flow.state else {
            Issue.record("expected a form")
            return
        }
        #expect(before.captcha?.questions.first?.preferredMedia?.source == .unresolvedContentID("sha1+x@bob.xmpp.org"))
        let reply = TestXML.iq("<iq type='result' id='bob1'><data xmlns='urn:xmpp:bob' cid='sha1+x@bob.xmpp.org' type='image/png'>iVBORw0KGgo=</data></iq>")
        let data = try BitsOfBinaryData(parsing: try #require(reply.payload))
        flow.resolveCaptchaMedia(data)
        guard case .formReceived(let after) = flow.state else {
            Issue.record("expected a form")
            return
        }
        #expect(after.captcha?.questions.first?.preferredMedia?.source == .inline(data))
    }

    @Test("CAPTCHA failures are bounded")
    func captchaLimit() throws {
        var flow = RegistrationFlow(configuration: .init(maximumCaptchaAttempts: 2))
        for round in 0..<2 {
            let formID = "reg\(round * 2 + 1)"
            _ = flow.requestForm()
            _ = flow.receive(Self.ejabberdForm(id: formID))
            _ = try flow.submit(RegistrationAnswers(username: "a", password: "Str0ng-Passw0rd", fields: ["ocr": ["x"]]))
            _ = flow.receive(Self.error(id: "reg\(round * 2 + 2)", type: "cancel", condition: "not-allowed"))
        }
        guard case .failed(let failure) = flow.state else {
            Issue.record("expected failure after the second CAPTCHA failure, got \(flow.state)")
            return
        }
        #expect(failure.kind == .captchaFailed)
    }

    // MARK: - Errors

    @Test("conflict without CAPTCHA: the same form is resubmitted with another name, other answers kept (R1)")
    func conflict() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let reply = TestXML.iq(
            "<iq type='result' id='reg1'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>"
                + "<field var='username'><required/></field><field var='password' type='text-private'><required/></field>"
                + "<field var='email'/></x></query></iq>")
        _ = flow.receive(reply)
        _ = try flow.submit(RegistrationAnswers(username: "alice", password: "Pa55word-x", fields: ["email": ["a@example.net"]]))
        let actions = flow.receive(Self.error(id: "reg2", type: "cancel", condition: "conflict", text: "The requested username already exists."))
        guard case .retry(let failure, freshFormNeeded: false)? = actions.first, case .rejected(_, let form) = flow.state else {
            Issue.record("expected a retry with the same form, got \(actions)")
            return
        }
        #expect(failure.kind == .conflict)
        #expect(failure.text == "The requested username already exists.")
        #expect(form.carriedAnswers == ["email": ["a@example.net"]])
        let resubmit = try #require(Self.sent(try flow.submit(RegistrationAnswers(username: "alice42", password: "Pa55word-x"))))
        #expect(resubmit.contains("id='reg3'"))
        #expect(resubmit.contains("<field var='username'><value>alice42</value></field>"))
        #expect(resubmit.contains("<field var='email'><value>a@example.net</value></field>"))
        #expect(flow.receive(Self.result(id: "reg3")) == [.registered(username: "alice42")])
    }

    @Test("ejabberd conflict echoing the password: no description, reflection or failure shows it (R9)")
    func ejabberdEcho() throws {
        let password = "Tr0ub4dor&3-secret"
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.ejabberdForm(id: "reg1"))
        let submit = try flow.submit(RegistrationAnswers(username: "alice", password: password, fields: ["ocr": ["7xk2p"]]))
        let echo = "<query xmlns='jabber:iq:register'><username>alice</username><password>Tr0ub4dor&amp;3-secret</password></query>"
        let reply = Self.error(id: "reg2", type: "cancel", condition: "conflict", text: "User already exists", echo: echo)
        #expect(reply.payload != nil)  // the echo is really there
        let actions = flow.receive(reply)
        guard case .retry(let failure, freshFormNeeded: true)? = actions.first else {
            Issue.record("expected a retry, got \(actions)")
            return
        }
        #expect(failure.kind == .conflict)
        var dumped = ""
        dump(flow, to: &dumped)
        dump(actions, to: &dumped)
        dump(submit, to: &dumped)
        let texts = [String(describing: flow), String(reflecting: flow), String(describing: flow.state), String(describing: actions),
                     String(reflecting: actions), String(describing: submit), String(reflecting: submit), String(describing: failure), dumped]
        for text in texts {
            #expect(!text.contains("Tr0ub4dor"), "\(text)")
        }
    }

    @Test("a server text containing the submitted password is redacted")
    func passwordInText() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "alice", password: "weakling"))
        _ = flow.receive(Self.error(id: "reg2", type: "modify", condition: "not-acceptable", text: "weakling is too weak"))
        guard case .rejected(let failure, _) = flow.state else {
            Issue.record("expected rejected")
            return
        }
        #expect(failure.text == "[redacted] is too weak")
    }

    /// Submits `answers` to a form whose secret-ish third field is `field`, and returns the flow after the server
    /// rejected the submission with `text` (modify/not-acceptable), with the secrets it held while the submission
    /// was in flight.
    static func rejected(
        field: String, answers: RegistrationAnswers, text: String
    ) throws -> (flow: RegistrationFlow, secretsInFlight: [String]) {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let form = TestXML.iq(
            """
            <iq type='result' id='reg1'><query xmlns='jabber:iq:register'>
              <x xmlns='jabber:x:data' type='form'>
                <field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>
                <field var='username' type='text-single'><required/></field>
                <field var='password' type='text-private'><required/></field>
                \(field)
              </x></query></iq>
            """)
        _ = flow.receive(form)
        _ = try flow.submit(answers)
        let secretsInFlight = flow.submittedSecrets
        _ = flow.receive(Self.error(id: "reg2", type: "modify", condition: "not-acceptable", text: text))
        return (flow, secretsInFlight)
    }

    @Test("a server text echoing another secret field of the form (an invite token) is redacted too")
    func tokenInText() throws {
        let (flow, _) = try Self.rejected(
            field: "<field var='invite_token' type='text-single'><required/></field>",
            answers: RegistrationAnswers(username: "alice", password: "Pw-0123456789", fields: ["invite_token": ["TOK-secret-42"]]),
            text: "invite TOK-secret-42 is expired")
        guard case .rejected(let failure, _) = flow.state else {
            Issue.record("expected rejected, got \(flow.state)")
            return
        }
        #expect(failure.text == "invite [redacted] is expired")
    }

    /// A submit form carries no field types (XEP-0004 §3.2): the flow remembers which answers were secret.
    @Test("a server text echoing the answer to a text-private field with an ordinary name is redacted")
    func privateFieldInText() throws {
        let (flow, secretsInFlight) = try Self.rejected(
            field: "<field var='pin' type='text-private'><required/></field>",
            answers: RegistrationAnswers(username: "alice", password: "Pw-0123456789", fields: ["pin": ["4711-secret"]]),
            text: "PIN 4711-secret is wrong")
        #expect(secretsInFlight.contains("4711-secret"))
        guard case .rejected(let failure, _) = flow.state else {
            Issue.record("expected rejected, got \(flow.state)")
            return
        }
        #expect(failure.text == "PIN [redacted] is wrong")
    }

    @Test("invite-only Prosody: not-acceptable + token stream feature → needs an invite (R4)")
    func inviteOnly() throws {
        var flow = RegistrationFlow(configuration: .init(offersInviteTokenRegistration: true))
        _ = flow.requestForm()
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "dave", password: "Pa55word-x"))
        let actions = flow.receive(Self.error(id: "reg2", type: "modify", condition: "not-acceptable",
                                               text: "Registration on this server is through invitation only"))
        let failure = RegistrationFailure(kind: .inviteOnly, phase: .submission, condition: .notAcceptable, errorType: .modify,
                                          text: "Registration on this server is through invitation only")
        #expect(actions == [.failed(failure)])
        #expect(flow.state == .failed(failure))
    }

    @Test("rate limits end the attempt as temporary (R3)", arguments: [
        ("wait", "policy-violation", "Too many registrations from this IP address recently"),
        ("wait", "resource-constraint", "Users are not allowed to register accounts so quickly"),
    ])
    func rateLimited(type: String, condition: String, text: String) throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "erin", password: "Pa55word-x"))
        let actions = flow.receive(Self.error(id: "reg2", type: type, condition: condition, text: text))
        guard case .failed(let failure)? = actions.first else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.kind == .rateLimited && failure.isTemporary)
    }

    @Test("form request refused: IBR off, CAPTCHA rate limit, forbidden")
    func formRequestErrors() {
        for (type, condition, kind) in [("cancel", "service-unavailable", RegistrationFailure.Kind.registrationUnavailable),
                                        ("wait", "resource-constraint", .rateLimited), ("auth", "forbidden", .forbidden)] {
            var flow = RegistrationFlow()
            _ = flow.requestForm()
            let actions = flow.receive(Self.error(id: "reg1", type: type, condition: condition))
            guard case .failed(let failure)? = actions.first else {
                Issue.record("expected failure for \(condition)")
                continue
            }
            #expect(failure.kind == kind)
            #expect(failure.phase == .formRequest)
        }
    }

    @Test("wait/internal-server-error is a temporary failure (R5)")
    func temporary() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "frank", password: "Pa55word-x"))
        _ = flow.receive(Self.error(id: "reg2", type: "wait", condition: "internal-server-error", text: "Failed to write data to disk."))
        guard case .failed(let failure) = flow.state else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.kind == .temporaryFailure && failure.isTemporary)
    }

    // MARK: - Other shapes

    @Test("<registered/> in the form reply: already registered; payload in the submit result: still registered (R8)")
    func registered() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let actions = flow.receive(Self.result(id: "reg1", payload: "<query xmlns='jabber:iq:register'><registered/><username>juliet</username></query>"))
        #expect(actions == [.alreadyRegistered])
        #expect(flow.state == .alreadyRegistered)

        var second = RegistrationFlow()
        _ = second.requestForm()
        _ = second.receive(Self.prosodyForm(id: "reg1"))
        _ = try second.submit(RegistrationAnswers(username: "gina", password: "Pa55word-x"))
        #expect(second.receive(Self.result(id: "reg2", payload: "<query xmlns='jabber:iq:register'><registered/></query>"))
            == [.registered(username: "gina")])
    }

    @Test("a form reply without a query, or an empty query, is malformed")
    func malformed() {
        for payload in ["", "<query xmlns='jabber:iq:register'/>", "<query xmlns='jabber:iq:roster'/>"] {
            var flow = RegistrationFlow()
            _ = flow.requestForm()
            #expect(flow.receive(Self.result(id: "reg1", payload: payload)) == [.failed(RegistrationFailure(kind: .malformedResponse, phase: .formRequest))])
        }
    }

    @Test("web-only registration with a javascript: OOB URL: redirect, URL never offered as a link (R6)")
    func redirect() {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let actions = flow.receive(Self.result(id: "reg1", payload:
            "<query xmlns='jabber:iq:register'><instructions>Register on the web</instructions><x xmlns='jabber:x:oob'><url>javascript:alert(1)</url></x></query>"))
        guard case .redirect(let redirect)? = actions.first else {
            Issue.record("expected a redirect")
            return
        }
        #expect(flow.state == .redirected(redirect))
        #expect(redirect.webURL == nil)
        #expect(redirect.hasRejectedURL)
        #expect(redirect.url?.displayText == "javascript:alert(1)")
    }

    @Test("replies with other ids, requests from the server, and replies in terminal states are ignored")
    func ignored() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        #expect(flow.receive(Self.result(id: "other")).isEmpty)
        #expect(flow.receive(TestXML.iq("<iq type='get' id='reg1'><ping xmlns='urn:xmpp:ping'/></iq>")).isEmpty)
        #expect(flow.state == .awaitingForm(requestID: "reg1"))
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        _ = try flow.submit(RegistrationAnswers(username: "hal", password: "Pa55word-x"))
        _ = flow.receive(Self.result(id: "reg2"))
        #expect(flow.receive(Self.result(id: "reg2")).isEmpty)
        #expect(flow.state == .registered(username: "hal"))
    }

    @Test("empty password or username is refused before sending")
    func emptyInput() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        _ = flow.receive(Self.prosodyForm(id: "reg1"))
        #expect(throws: RegistrationInputError.emptyPassword) { try flow.submit(RegistrationAnswers(username: "ivy", password: "")) }
        #expect(throws: RegistrationInputError.emptyUsername) { try flow.submit(RegistrationAnswers(username: "", password: "x")) }
        guard case .formReceived = flow.state else {
            Issue.record("state must not change")
            return
        }
    }

    @Test("descriptions of answers never show the password")
    func answersDescription() {
        let answers = RegistrationAnswers(username: "jo", password: "hunter2-secret", fields: ["password-verify": ["hunter2-secret"], "email": ["j@x"]])
        var dumped = ""
        dump(answers, to: &dumped)
        for text in [String(describing: answers), String(reflecting: answers), dumped] {
            #expect(!text.contains("hunter2"))
            #expect(text.contains("j@x"))
        }
    }
}
