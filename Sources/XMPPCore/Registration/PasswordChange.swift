/// XEP-0077 §3.3 password change: request builders and a response classifier.
///
/// Send only on an authenticated stream with TLS and a verified certificate (XEP-0077 §3.3, security.md §5.4).
/// Flow: `makeRequest` → `classify`: `.changed`, or `.formRequired(form)` (the server wants the
/// `jabber:iq:register:changepassword` form: `makeFormSubmission` → `classify` again), or `.failed`.
/// Prosody then closes the account's other streams with `<reset/>` "Password changed".
public enum PasswordChange {
    /// The `FORM_TYPE` of the form a server may require (XEP-0077 §3.3).
    public static let formType = "jabber:iq:register:changepassword"

    /// What the server answered.
    public enum Outcome: Sendable, Hashable {
        /// Empty result: the password is changed.
        case changed
        /// The server needs the `changepassword` form filled (error with the form, usually modify/not-authorized).
        case formRequired(DataForm)
        case failed(AccountRequestFailure)
    }

    /// `<iq type='set'><query xmlns='jabber:iq:register'><username/><password/></query></iq>` (XEP-0077 §3.3).
    /// Refuses an empty password (an empty `<password/>` must never change it) or username.
    public static func makeRequest(
        username: String,
        newPassword: String,
        server: String? = nil,
        id: String
    ) throws(RegistrationInputError) -> IQ {
        guard !newPassword.isEmpty else { throw .emptyPassword }
        guard !username.isEmpty else { throw .emptyUsername }
        let query = Element(
            "query", namespace: Namespace.register, [:],
            [
                Element("username", namespace: Namespace.register, text: username),
                Element("password", namespace: Namespace.register, text: newPassword),
            ])
        return IQ(type: .set, id: id, to: server, payload: query)
    }

    /// The `submit` form for a required `changepassword` form: `username`, `old_password`, `password` filled,
    /// hidden fields echoed, other required fields from `answers`.
    public static func makeFormSubmission(
        _ form: DataForm,
        username: String,
        oldPassword: String,
        newPassword: String,
        answers: [String: [String]] = [:],
        server: String? = nil,
        id: String
    ) throws(RegistrationInputError) -> IQ {
        let submission = try form.makeAccountSubmission(
            username: username, password: newPassword, oldPassword: oldPassword, answers: answers)
        let query = Element("query", namespace: Namespace.register, [:], [submission.element])
        return IQ(type: .set, id: id, to: server, payload: query)
    }

    /// Classifies the response to `makeRequest` or `makeFormSubmission`, redacting `secrets` (the passwords
    /// sent) from the error text. A required form is recognized by its `FORM_TYPE`, whatever the condition.
    public static func classify(_ response: IQ, redacting secrets: [String] = []) -> Outcome {
        switch response.type {
        case .result:
            return .changed
        case .error:
            if let form = requiredForm(in: response, formType: formType) { return .formRequired(form) }
            let error = response.error ?? StanzaError(type: .cancel, condition: .undefinedCondition)
            return .failed(AccountRequestFailure(classifying: error, redacting: secrets))
        case .get, .set:
            return .failed(AccountRequestFailure(kind: .malformedResponse))
        }
    }

    /// A `type='form'` data form with this `FORM_TYPE` inside the error's `<query/>`.
    static func requiredForm(in response: IQ, formType: String) -> DataForm? {
        guard let query = response.payload, query.is("query", Namespace.register),
            let element = query.child("x", namespace: Namespace.dataForms),
            let form = DataForm(parsing: element), form.type == .form, form.formType == formType
        else { return nil }
        return form
    }
}
