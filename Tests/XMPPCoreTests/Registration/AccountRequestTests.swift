import Testing
import XMPPCore

@Suite("Password change and account removal (XEP-0077 §3.2, §3.3)")
struct AccountRequestTests {
    // MARK: - Password change

    @Test("password change request (XEP-0077 Example 19)")
    func changeRequest() throws {
        let iq = try PasswordChange.makeRequest(username: "bill", newPassword: "newpass", server: "shakespeare.lit", id: "change1")
        #expect(iq.element.serialized() == "<iq xmlns='jabber:client' type='set' id='change1' to='shakespeare.lit'>"
            + "<query xmlns='jabber:iq:register'><username>bill</username><password>newpass</password></query></iq>")
        #expect(throws: RegistrationInputError.emptyPassword) { try PasswordChange.makeRequest(username: "bill", newPassword: "", id: "c") }
        #expect(throws: RegistrationInputError.emptyUsername) { try PasswordChange.makeRequest(username: "", newPassword: "x", id: "c") }
    }

    @Test("password change errors are classified (R10)", arguments: [
        ("modify", "bad-request", AccountRequestFailure.Kind.badRequest),
        ("cancel", "not-authorized", .notAuthorized),
        ("modify", "not-authorized", .notAuthorized),
        ("cancel", "not-allowed", .notAllowed),
        ("cancel", "unexpected-request", .notRegistered),
        ("wait", "internal-server-error", .temporaryFailure),
        ("wait", "policy-violation", .rateLimited),
        ("cancel", "service-unavailable", .unavailable),
        ("cancel", "item-not-found", .other),
    ])
    func changeErrors(type: String, condition: String, kind: AccountRequestFailure.Kind) {
        let reply = RegistrationFlowTests.error(id: "change1", type: type, condition: condition)
        guard case .failed(let failure) = PasswordChange.classify(reply) else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.kind == kind)
        #expect(failure.condition?.rawValue == condition)
        #expect(PasswordChange.classify(RegistrationFlowTests.result(id: "change1")) == .changed)
    }

    /// XEP-0077 Example 22: the server requires the changepassword form in the error.
    static let formRequired = """
        <iq type='error' from='shakespeare.lit' to='bill@shakespeare.lit/globe' id='change1'>
          <query xmlns='jabber:iq:register'>
            <x xmlns='jabber:x:data' type='form'>
              <title>Password Change</title>
              <instructions>Use this form to change your password.</instructions>
              <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register:changepassword</value></field>
              <field type='text-single' label='Username' var='username'><required/></field>
              <field type='text-private' label='Old Password' var='old_password'><required/></field>
              <field type='text-private' label='New Password' var='password'><required/></field>
              <field type='text-single' label='Mother&apos;s maiden name' var='x-mother'><required/></field>
            </x>
          </query>
          <error code='401' type='modify'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>
        </iq>
        """

    @Test("changepassword form variant: recognized, filled, resubmitted as a submit form (R10)")
    func changeForm() throws {
        guard case .formRequired(let form) = PasswordChange.classify(TestXML.iq(Self.formRequired)) else {
            Issue.record("expected a required form")
            return
        }
        #expect(form.formType == PasswordChange.formType)
        let extra = try #require(form.field("x-mother"))
        #expect(throws: RegistrationInputError.missingAnswers([RegistrationField(role: .other, field: extra)])) {
            try PasswordChange.makeFormSubmission(form, username: "bill", oldPassword: "Calliope", newPassword: "theglobe", id: "change2")
        }
        #expect(throws: RegistrationInputError.emptyPassword) {
            try PasswordChange.makeFormSubmission(form, username: "bill", oldPassword: "Calliope", newPassword: "", id: "change2")
        }
        let iq = try PasswordChange.makeFormSubmission(
            form, username: "bill", oldPassword: "Calliope", newPassword: "theglobe", answers: ["x-mother": ["Arden"]],
            server: "shakespeare.lit", id: "change2")
        #expect(iq.element.serialized() == "<iq xmlns='jabber:client' type='set' id='change2' to='shakespeare.lit'>"
            + "<query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register:changepassword</value></field>"
            + "<field var='username'><value>bill</value></field><field var='old_password'><value>Calliope</value></field>"
            + "<field var='password'><value>theglobe</value></field><field var='x-mother'><value>Arden</value></field></x></query></iq>")
    }

    @Test("a not-authorized error without a form is a failure, not a form request")
    func notAuthorizedWithoutForm() {
        let reply = RegistrationFlowTests.error(id: "c", type: "modify", condition: "not-authorized")
        #expect(PasswordChange.classify(reply) == .failed(AccountRequestFailure(kind: .notAuthorized, condition: .notAuthorized, errorType: .modify)))
    }

    @Test("passwords echoed in a password-change error are dropped and redacted")
    func changeEcho() {
        let echo = "<query xmlns='jabber:iq:register'><username>bill</username><password>n3w-Secret</password></query>"
        let reply = RegistrationFlowTests.error(id: "c", type: "modify", condition: "bad-request", text: "bad n3w-Secret", echo: echo)
        guard case .failed(let failure) = PasswordChange.classify(reply, redacting: ["n3w-Secret"]) else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.text == "bad [redacted]")
        #expect(!String(describing: failure).contains("n3w-Secret"))
    }

    // MARK: - Removal

    @Test("removal request: <remove/> only, no to/from (XEP-0077 Example 13)")
    func removalRequest() {
        #expect(AccountRemoval.makeRequest(id: "unreg1").element.serialized()
            == "<iq xmlns='jabber:client' type='set' id='unreg1'><query xmlns='jabber:iq:register'><remove/></query></iq>")
        #expect(AccountRemoval.classify(RegistrationFlowTests.result(id: "unreg1")) == .removed)
        #expect(AccountRemoval.confirmsRemoval(StreamError(.notAuthorized)))
        #expect(!AccountRemoval.confirmsRemoval(StreamError(.systemShutdown)))
    }

    @Test("removal errors are classified", arguments: [
        ("modify", "bad-request", AccountRequestFailure.Kind.badRequest),
        ("auth", "forbidden", .forbidden),
        ("cancel", "not-allowed", .notAllowed),
        ("auth", "registration-required", .notRegistered),
        ("cancel", "unexpected-request", .notRegistered),
    ])
    func removalErrors(type: String, condition: String, kind: AccountRequestFailure.Kind) {
        guard case .failed(let failure) = AccountRemoval.classify(RegistrationFlowTests.error(id: "unreg1", type: type, condition: condition))
        else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.kind == kind)
    }

    /// XEP-0077 Example 16: the server requires the cancel form.
    @Test("removal form variant: jabber:iq:register:cancel filled with username and password")
    func removalForm() throws {
        let reply = TestXML.iq(
            """
            <iq type='error' from='shakespeare.lit' to='bill@shakespeare.lit/globe' id='unreg1'>
              <query xmlns='jabber:iq:register'>
                <x xmlns='jabber:x:data' type='form'>
                  <title>Unregister</title>
                  <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register:cancel</value></field>
                  <field type='text-single' label='Username' var='username'><required/></field>
                  <field type='text-private' label='Password' var='password'><required/></field>
                </x>
              </query>
              <error code='401' type='modify'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>
            </iq>
            """)
        guard case .formRequired(let form) = AccountRemoval.classify(reply) else {
            Issue.record("expected a required form")
            return
        }
        #expect(form.formType == AccountRemoval.formType)
        #expect(PasswordChange.classify(reply) != .formRequired(form))  // a cancel form is not a changepassword form
        let iq = try AccountRemoval.makeFormSubmission(form, username: "bill", password: "Calliope", id: "unreg2")
        #expect(iq.element.serialized() == "<iq xmlns='jabber:client' type='set' id='unreg2'><query xmlns='jabber:iq:register'>"
            + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>jabber:iq:register:cancel</value></field>"
            + "<field var='username'><value>bill</value></field><field var='password'><value>Calliope</value></field></x></query></iq>")
    }
}
