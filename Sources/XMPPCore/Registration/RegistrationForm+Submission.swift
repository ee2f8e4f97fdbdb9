extension RegistrationForm {
    /// The `<query xmlns='jabber:iq:register'/>` to submit (XEP-0077 §3.1 step 3).
    ///
    /// Data forms: a `submit` form with every hidden field echoed unchanged, the username and password in the
    /// recognized fields (and any confirmation field), CAPTCHA answers, and the other answers; legacy forms:
    /// one element per field returned (`<key/>` echoed), never `<instructions/>`. Nothing is sent when a
    /// required value is missing, an answer does not fit the form, or the password or username is empty.
    public func makeQuery(answers: RegistrationAnswers) throws(RegistrationInputError) -> Element {
        if answers.password?.isEmpty == true, passwordVariable != nil { throw .emptyPassword }
        if answers.username?.isEmpty == true, usernameVariable != nil { throw .emptyUsername }
        let unknown = answers.fields.keys.sorted().compactMap { variable -> DataForm.Problem? in
            guard let field = fields.first(where: { $0.variable == variable }) else { return .unknownField(variable: variable) }
            return field.field.isAnswerable ? nil : .notAnswerable(variable: variable)
        }
        let values = resolvedValues(for: answers)
        let missing = missingFields(for: answers)
        var query = Element("query", namespace: Namespace.register)
        switch shape {
        case .dataForm(let form):
            let filled = form.filled(with: values)
            let invalid = unknown + filled.problems.filter {
                switch $0 {
                case .notAnOption, .invalidBoolean, .tooManyValues: true
                default: false  // missing values are reported below; var-less fields cannot be submitted
                }
            }
            guard invalid.isEmpty else { throw .invalidAnswers(invalid) }
            guard missing.isEmpty else { throw .missingAnswers(missing) }
            query.append(filled.makeSubmission().element)
        case .legacy(let legacyFields):
            guard unknown.isEmpty else { throw .invalidAnswers(unknown) }
            guard missing.isEmpty else { throw .missingAnswers(missing) }
            for legacyField in legacyFields {
                let value = values[legacyField.name]?.first ?? legacyField.value
                query.append(Element(legacyField.name, namespace: Namespace.register, text: value))
            }
        }
        return query
    }

    /// Field `var` → values to submit: carried answers, then `answers.fields`, then username / password (and
    /// confirmation) for the recognized fields. Hidden fields are never overridden.
    func resolvedValues(for answers: RegistrationAnswers) -> [String: [String]] {
        var values = carriedAnswers
        for (variable, answer) in answers.fields { values[variable] = answer }
        for item in fields {
            switch item.role {
            case .username: if let username = answers.username { values[item.variable] = [username] }
            case .password, .passwordConfirmation:
                if let password = answers.password { values[item.variable] = [password] }
            default: continue
            }
        }
        for item in fields where !item.field.isAnswerable {
            values[item.variable] = nil
        }
        return values
    }

    /// The values submitted for secret fields (`text-private`, or a password- or token-named `var`): the submit
    /// form carries no field types (XEP-0004 §3.2), so they cannot be recognized in the query afterwards.
    func secretAnswers(for answers: RegistrationAnswers) -> [String] {
        let values = resolvedValues(for: answers)
        return fields.filter { $0.field.isSecret }.flatMap { values[$0.variable] ?? [] }.filter { !$0.isEmpty }
    }

    /// The answers worth carrying to a fresh form after a failure: the `fields` answers minus CAPTCHA answers,
    /// hidden fields and secret-named fields (protocols.md §4.3).
    func answersToCarry(from answers: RegistrationAnswers) -> [String: [String]] {
        let captchaVariables = captcha?.variables ?? []
        var carried = carriedAnswers.merging(answers.fields) { _, new in new }
        for variable in carried.keys {
            let role = fields.first { $0.variable == variable }?.role
            if captchaVariables.contains(variable) || RegistrationAnswers.isSecretName(variable)
                || role == .hidden || role == .captchaAnswer || role == .username || role == .password
                || role == .passwordConfirmation || role == .oldPassword
            {
                carried[variable] = nil
            }
        }
        return carried
    }

    /// The username that `answers` submit, if any.
    func submittedUsername(for answers: RegistrationAnswers) -> String? {
        guard let variable = usernameVariable else { return answers.username }
        return resolvedValues(for: answers)[variable]?.first ?? fields.first { $0.variable == variable }?.field.value
    }
}
