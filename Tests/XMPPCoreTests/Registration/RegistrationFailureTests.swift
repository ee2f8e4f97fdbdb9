import Testing
import XMPPCore

/// security.md §5.1 (Prosody), §5.2 (ejabberd) replies, classified per §5.3 — by condition, type and context.
@Suite("Registration error classification (security.md §5.3)")
struct RegistrationFailureTests {
    typealias Kind = RegistrationFailure.Kind

    struct Reply: Sendable, CustomTestStringConvertible {
        var server: String
        var type: StanzaError.ErrorType
        var condition: StanzaError.Condition
        var text: String?
        var context = RegistrationFailure.Context(phase: .submission)
        var expected: Kind

        var testDescription: String { "\(server): \(type.rawValue)/\(condition.rawValue) \(text ?? "") → \(expected.rawValue)" }
    }

    static let submission = RegistrationFailure.Context(phase: .submission)
    static let inviteServer = RegistrationFailure.Context(phase: .submission, offersInviteTokenRegistration: true)
    static let afterCaptcha = RegistrationFailure.Context(phase: .submission, afterCaptcha: true)

    static let replies: [Reply] = [
        // Prosody mod_register_ibr / mod_register_limits / mod_invites_register
        Reply(server: "prosody", type: .cancel, condition: .serviceUnavailable, expected: .registrationUnavailable),
        Reply(server: "prosody", type: .modify, condition: .policyViolation, text: "Encryption is required", expected: .other),
        Reply(server: "prosody", type: .modify, condition: .notAcceptable, text: "Username: Required value missing", expected: .notAcceptable),
        Reply(server: "prosody", type: .modify, condition: .notAcceptable, text: "The requested username is invalid.", expected: .notAcceptable),
        Reply(server: "prosody", type: .auth, condition: .forbidden, text: "Your IP address is blocklisted", expected: .forbidden),
        Reply(server: "prosody", type: .auth, condition: .forbidden, text: "Your IP address is not allowlisted", expected: .forbidden),
        Reply(server: "prosody", type: .wait, condition: .policyViolation, text: "Too many registrations from this IP address recently",
              expected: .rateLimited),
        Reply(server: "prosody", type: .cancel, condition: .conflict, text: "The requested username already exists.", expected: .conflict),
        Reply(server: "prosody", type: .wait, condition: .internalServerError, text: "Failed to write data to disk.", expected: .temporaryFailure),
        Reply(server: "prosody", type: .cancel, condition: .featureNotImplemented, expected: .registrationUnavailable),
        // Invite-only: the same not-acceptable is "needs an invite" only with the token stream feature (R4).
        Reply(server: "prosody invite-only", type: .modify, condition: .notAcceptable,
              text: "Registration on this server is through invitation only", context: inviteServer, expected: .inviteOnly),
        Reply(server: "prosody, no token feature", type: .modify, condition: .notAcceptable,
              text: "Registration on this server is through invitation only", expected: .notAcceptable),
        Reply(server: "prosody, token used", type: .modify, condition: .notAcceptable, text: "Registration on this server is through invitation only",
              context: .init(phase: .submission, offersInviteTokenRegistration: true, usedInviteToken: true), expected: .notAcceptable),
        Reply(server: "prosody invite-only, other language", type: .modify, condition: .notAcceptable,
              text: "Die Registrierung ist nur mit Einladung möglich", context: inviteServer, expected: .inviteOnly),
        Reply(server: "invite server, conflict stays conflict", type: .cancel, condition: .conflict, context: inviteServer, expected: .conflict),
        Reply(server: "invite server, rate limit stays rate limit", type: .wait, condition: .policyViolation, context: inviteServer,
              expected: .rateLimited),
        // ejabberd mod_register
        Reply(server: "ejabberd", type: .modify, condition: .jidMalformed, text: "Malformed username", expected: .invalidUsername),
        Reply(server: "ejabberd", type: .auth, condition: .forbidden, text: "Access denied by service policy", expected: .forbidden),
        Reply(server: "ejabberd", type: .wait, condition: .resourceConstraint, text: "Users are not allowed to register accounts so quickly",
              expected: .rateLimited),
        Reply(server: "ejabberd", type: .modify, condition: .notAcceptable, text: "The password is too weak", expected: .notAcceptable),
        Reply(server: "ejabberd", type: .modify, condition: .notAcceptable, text: "The password contains unacceptable characters",
              expected: .notAcceptable),
        Reply(server: "ejabberd", type: .cancel, condition: .notAllowed, text: "Not allowed", expected: .notAllowed),
        Reply(server: "ejabberd", type: .cancel, condition: .conflict, text: "User already exists", expected: .conflict),
        Reply(server: "ejabberd", type: .wait, condition: .internalServerError, text: "Database failure", expected: .temporaryFailure),
        Reply(server: "ejabberd", type: .wait, condition: .resourceConstraint, text: "Too many CAPTCHA requests",
              context: .init(phase: .formRequest), expected: .rateLimited),
        Reply(server: "ejabberd 23.01 wrong CAPTCHA", type: .cancel, condition: .notAllowed, text: "The CAPTCHA verification has failed",
              context: afterCaptcha, expected: .captchaFailed),
        Reply(server: "XEP-0158 wrong CAPTCHA", type: .modify, condition: .notAcceptable, context: afterCaptcha, expected: .notAcceptable),
        Reply(server: "XEP-0158 expired CAPTCHA", type: .cancel, condition: .serviceUnavailable, context: afterCaptcha, expected: .captchaFailed),
        Reply(server: "CAPTCHA form, rate limited", type: .wait, condition: .resourceConstraint, context: afterCaptcha, expected: .rateLimited),
        Reply(server: "form request not-allowed is not a CAPTCHA failure", type: .cancel, condition: .notAllowed,
              context: .init(phase: .formRequest, afterCaptcha: true), expected: .notAllowed),
        Reply(server: "any", type: .cancel, condition: .policyViolation, expected: .other),
        Reply(server: "any", type: .cancel, condition: .badRequest, expected: .other),
        Reply(server: "any", type: .cancel, condition: .registrationRequired, expected: .other),
        Reply(server: "any", type: .cancel, condition: .resourceConstraint, expected: .rateLimited),
    ]

    @Test("every reply maps to its class", arguments: replies)
    func classify(reply: Reply) {
        let error = StanzaError(type: reply.type, condition: reply.condition, text: reply.text)
        let failure = RegistrationFailure(classifying: error, context: reply.context)
        #expect(failure.kind == reply.expected)
        #expect(failure.condition == reply.condition)
        #expect(failure.errorType == reply.type)
        #expect(failure.text == reply.text)
        #expect(failure.phase == reply.context.phase)
    }

    @Test("correctable and temporary classes")
    func retryClasses() {
        let correctable = Kind.allCases.filter { RegistrationFailure(kind: $0, phase: .submission).isCorrectable }
        #expect(correctable == [.conflict, .notAcceptable, .invalidUsername, .captchaFailed])
        let temporary = Kind.allCases.filter { RegistrationFailure(kind: $0, phase: .submission).isTemporary }
        #expect(temporary == [.rateLimited, .temporaryFailure])
    }

    @Test("the submitted password is redacted from the text; display text is neutralized")
    func redaction() {
        let error = StanzaError(type: .modify, condition: .notAcceptable, text: "Password 'hunter2-xyz' is too weak\u{1B}[31m")
        let failure = RegistrationFailure(classifying: error, context: Self.submission, redacting: ["hunter2-xyz", ""])
        #expect(failure.text == "Password '[redacted]' is too weak\u{1B}[31m")
        #expect(failure.displayText?.contains("\u{1B}") == false)
        #expect(!String(describing: failure).contains("\u{1B}"))
        #expect(String(describing: failure).hasPrefix("registration submission failed: not-acceptable (modify/not-acceptable)"))
    }
}

/// Features that arrive after a pipelined form request still decide the invite-only classification.
@Suite("Registration flow: stream features after a pipelined form request")
struct RegistrationFlowFeatureTests {
    @Test("invite-token features received after requestForm() make a later refusal invite-only")
    func inviteTokenFeatures() throws {
        var flow = RegistrationFlow()
        _ = flow.requestForm()
        let features = try #require(StreamFeatures(parsing: TestXML.element(
            "<features xmlns='http://etherx.jabber.org/streams'><register xmlns='urn:xmpp:ibr-token:0'/>"
                + "<register xmlns='http://jabber.org/features/iq-register'/></features>")))
        flow.receiveStreamFeatures(features)
        #expect(flow.configuration.offersInviteTokenRegistration)
        let error = TestXML.iq(
            "<iq type='error' id='reg1'><error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        guard case .failed(let failure)? = flow.receive(error).first else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .inviteOnly)
    }
}
