extension DataForm {
    /// The form with `answers` (field `var` → values) written into its fields (XEP-0004 §3.1).
    ///
    /// Hidden fields are never changed (they are echoed exactly as received, XEP-0004 §3.3) and fixed fields
    /// are display-only; answers for them, and for `var`s the form does not have, are ignored here and
    /// reported by `problems(answering:)`. Fields without an answer keep their current (default) values.
    public func filled(with answers: [String: [String]]) -> DataForm {
        var copy = self
        copy.fill(with: answers)
        return copy
    }

    /// Writes `answers` into the form in place; see `filled(with:)`.
    public mutating func fill(with answers: [String: [String]]) {
        for index in fields.indices {
            guard let variable = fields[index].variable, let values = answers[variable],
                fields[index].isAnswerable
            else { continue }
            fields[index].values = values
        }
    }

    /// The `submit` form for this (filled) form (XEP-0004 §3.1, §3.2).
    ///
    /// Contains every field that has a `var` and at least one value, except `fixed` fields; hidden fields are
    /// echoed unchanged, with `type='hidden'` kept on `FORM_TYPE` as XEP-0068 shows. Labels, descriptions,
    /// options and media are not sent back.
    public func makeSubmission() -> DataForm {
        var submission = DataForm(type: .submit)
        for field in fields where field.variable != nil && field.effectiveType != .fixed && !field.values.isEmpty {
            let isFormType = field.variable == Self.formTypeVariable && field.type == .hidden
            submission.fields.append(Field(variable: field.variable, type: isFormType ? .hidden : nil, values: field.values))
        }
        return submission
    }

    /// A `cancel` form (XEP-0004 §3.1): the submitting entity declines to fill the form.
    public static func makeCancellation() -> DataForm {
        DataForm(type: .cancel)
    }
}

extension DataForm.Field {
    /// Whether an answer may set this field: not hidden, not fixed, and it has a `var`.
    public var isAnswerable: Bool {
        variable != nil && effectiveType != .hidden && effectiveType != .fixed
    }

    /// Whether the field should be shown to a person filling the form (not hidden).
    public var isVisible: Bool { effectiveType != .hidden }
}
