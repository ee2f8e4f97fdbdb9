extension DataForm {
    /// Something wrong with a filled form or with the answers meant for it (XEP-0004 §3.2, §3.3).
    public enum Problem: Sendable, Hashable {
        /// A `<required/>` field has no non-empty value.
        case missingRequiredValue(variable: String)
        /// A list field's value is not one of its options.
        case notAnOption(variable: String, value: String)
        /// A boolean field's value is not `0`, `1`, `false` or `true`.
        case invalidBoolean(variable: String, value: String)
        /// A single-valued field has several values.
        case tooManyValues(variable: String)
        /// An answer names a `var` the form does not have.
        case unknownField(variable: String)
        /// An answer tries to set a hidden or fixed field.
        case notAnswerable(variable: String)
        /// A field other than `fixed` has no `var` (a server mistake: it cannot be submitted).
        case fieldWithoutVariable(index: Int)

        /// The field `var` concerned, if any.
        public var variable: String? {
            switch self {
            case .missingRequiredValue(let variable), .notAnOption(let variable, _),
                .invalidBoolean(let variable, _), .tooManyValues(let variable), .unknownField(let variable),
                .notAnswerable(let variable):
                variable
            case .fieldWithoutVariable: nil
            }
        }
    }

    /// Every problem of the form as it is now filled, in field order (not just the first).
    /// O(fields × options).
    public var problems: [Problem] {
        var found: [Problem] = []
        for (index, field) in fields.enumerated() {
            guard let variable = field.variable else {
                if field.effectiveType != .fixed { found.append(.fieldWithoutVariable(index: index)) }
                continue
            }
            found += field.problems(variable: variable)
        }
        return found
    }

    /// Every problem of `answers` for this form: answers that name unknown, hidden or fixed fields, then the
    /// problems of `filled(with: answers)`.
    public func problems(answering answers: [String: [String]]) -> [Problem] {
        var found: [Problem] = []
        for variable in answers.keys.sorted() {
            guard let field = field(variable) else {
                found.append(.unknownField(variable: variable))
                continue
            }
            if !field.isAnswerable { found.append(.notAnswerable(variable: variable)) }
        }
        return found + filled(with: answers).problems
    }

    /// The required fields that have no non-empty value yet, in form order.
    public var missingRequiredFields: [Field] {
        fields.filter { $0.isRequired && !$0.hasValue }
    }
}

extension DataForm.Field {
    /// Whether at least one value is non-empty.
    public var hasValue: Bool { values.contains { !$0.isEmpty } }

    func problems(variable: String) -> [DataForm.Problem] {
        var found: [DataForm.Problem] = []
        if isRequired && !hasValue { found.append(.missingRequiredValue(variable: variable)) }
        let type = effectiveType
        if values.count > 1 && !type.allowsMultipleValues { found.append(.tooManyValues(variable: variable)) }
        switch type {
        case .boolean:
            for value in values where Self.boolean(value) == nil {
                found.append(.invalidBoolean(variable: variable, value: value))
            }
        case .listSingle, .listMulti:
            guard !options.isEmpty else { break }
            let allowed = Set(options.map(\.value))
            for value in values where !value.isEmpty && !allowed.contains(value) {
                found.append(.notAnOption(variable: variable, value: value))
            }
        default:
            break
        }
        return found
    }
}
