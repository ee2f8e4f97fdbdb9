extension DataForm {
    /// Fills an account form a server required in an error — `jabber:iq:register:changepassword` (XEP-0077
    /// §3.3) or `jabber:iq:register:cancel` (§3.2) — and returns the `submit` form.
    ///
    /// Fields are recognized by `var` (`RegistrationField.Role`): `username`, `old_password`, `password` (and
    /// confirmations); other fields come from `answers`; hidden fields are echoed unchanged. Throws, so nothing
    /// is sent, when a required value is missing or an answer does not fit.
    func makeAccountSubmission(
        username: String,
        password: String?,
        oldPassword: String?,
        answers: [String: [String]]
    ) throws(RegistrationInputError) -> DataForm {
        if password?.isEmpty == true || oldPassword?.isEmpty == true { throw .emptyPassword }
        if username.isEmpty { throw .emptyUsername }
        var values = answers
        var roles: [RegistrationField] = []
        for field in fields {
            let role = RegistrationField.role(of: field, captcha: nil)
            roles.append(RegistrationField(role: role, field: field))
            guard let variable = field.variable else { continue }
            switch role {
            case .username: values[variable] = [username]
            case .password, .passwordConfirmation: if let password { values[variable] = [password] }
            case .oldPassword: if let oldPassword { values[variable] = [oldPassword] }
            default: continue
            }
        }
        let problems = problems(answering: values)
        let invalid = problems.filter {
            if case .missingRequiredValue = $0 { return false }
            if case .fieldWithoutVariable = $0 { return false }
            return true
        }
        guard invalid.isEmpty else { throw .invalidAnswers(invalid) }
        let missing = problems.compactMap { problem -> RegistrationField? in
            guard case .missingRequiredValue(let variable) = problem else { return nil }
            return roles.first { $0.variable == variable }
        }
        guard missing.isEmpty else { throw .missingAnswers(missing) }
        return filled(with: values).makeSubmission()
    }
}
