/// XEP-0077 §3.2 account removal (`<remove/>`): request builders and a response classifier.
///
/// Sent authenticated, without `from`/`to` (the home server). The server SHOULD then close all of the account's
/// streams with a `<not-authorized/>` stream error — possibly before or instead of the IQ result — so the driver
/// treats that stream error (`confirmsRemoval`) as success too; some servers do not answer at all (Kaidan
/// treats a 5 s silence as success; the driver decides).
public enum AccountRemoval {
    /// The `FORM_TYPE` of the form a server may require (XEP-0077 §3.2).
    public static let formType = "jabber:iq:register:cancel"

    /// What the server answered.
    public enum Outcome: Sendable, Hashable {
        /// Result: the account is removed.
        case removed
        /// The server needs the `jabber:iq:register:cancel` form filled (username, password).
        case formRequired(DataForm)
        case failed(AccountRequestFailure)
    }

    /// `<iq type='set'><query xmlns='jabber:iq:register'><remove/></query></iq>`, `<remove/>` the only child.
    public static func makeRequest(id: String) -> IQ {
        let query = Element(
            "query", namespace: Namespace.register, [:], [Element("remove", namespace: Namespace.register)])
        return IQ(type: .set, id: id, payload: query)
    }

    /// The `submit` form for a required `cancel` form: `username` and `password` filled, hidden fields echoed.
    public static func makeFormSubmission(
        _ form: DataForm,
        username: String,
        password: String,
        answers: [String: [String]] = [:],
        id: String
    ) throws(RegistrationInputError) -> IQ {
        let submission = try form.makeAccountSubmission(
            username: username, password: password, oldPassword: password, answers: answers)
        let query = Element("query", namespace: Namespace.register, [:], [submission.element])
        return IQ(type: .set, id: id, payload: query)
    }

    /// Classifies the IQ response, redacting `secrets` from the error text.
    public static func classify(_ response: IQ, redacting secrets: [String] = []) -> Outcome {
        switch response.type {
        case .result:
            return .removed
        case .error:
            if let form = PasswordChange.requiredForm(in: response, formType: formType) { return .formRequired(form) }
            let error = response.error ?? StanzaError(type: .cancel, condition: .undefinedCondition)
            return .failed(AccountRequestFailure(classifying: error, redacting: secrets))
        case .get, .set:
            return .failed(AccountRequestFailure(kind: .malformedResponse))
        }
    }

    /// Whether a stream error received after the removal request is the server closing the removed account's
    /// streams (XEP-0077 §3.2: `<not-authorized/>`).
    public static func confirmsRemoval(_ error: StreamError) -> Bool {
        error.condition == .notAuthorized
    }
}
