/// A XEP-0004 data form: `<x xmlns='jabber:x:data' type='…'>`.
///
/// One type for every use (registration, CAPTCHA, password change, ad-hoc commands): fields keep their wire
/// type, labels, descriptions, options, values and XEP-0221 media, and `element` writes back what `init(parsing:)`
/// read (XEP-0004 §3). Building a reply: `filled(with:)` then `makeSubmission()`; checking it: `problems`.
public struct DataForm: Sendable, Hashable {
    /// XEP-0004 §3.1 form types; raw values are the wire strings.
    public enum FormType: String, Sendable, CaseIterable {
        /// The form-processing entity asks for data.
        case form
        /// The form-submitting entity supplies data.
        case submit
        /// The form-submitting entity cancels the process.
        case cancel
        /// The form-processing entity returns data (results, reports).
        case result
    }

    /// The field `var` that names the form's namespace (XEP-0068 §2).
    public static let formTypeVariable = "FORM_TYPE"

    public var type: FormType
    /// `<title/>`, unsanitized.
    public var title: String?
    /// Every `<instructions/>` in order (XEP-0004 allows several), unsanitized.
    public var instructions: [String]
    /// Fields in document order.
    public var fields: [Field]
    /// `<reported/>` field definitions of a multi-item `result` form (XEP-0004 §3.4), empty otherwise.
    public var reportedFields: [Field]
    /// `<item/>` rows of a multi-item `result` form, each a list of fields.
    public var items: [[Field]]

    public init(
        type: FormType,
        title: String? = nil,
        instructions: [String] = [],
        fields: [Field] = [],
        reportedFields: [Field] = [],
        items: [[Field]] = []
    ) {
        self.type = type
        self.title = title
        self.instructions = instructions
        self.fields = fields
        self.reportedFields = reportedFields
        self.items = items
    }

    /// The `FORM_TYPE` hidden field's value (XEP-0068), for example `jabber:iq:register`.
    public var formType: String? {
        field(Self.formTypeVariable)?.values.first
    }

    /// The first field with this `var`.
    public func field(_ variable: String) -> Field? {
        fields.first { $0.variable == variable }
    }

    /// The index of the first field with this `var`.
    public func fieldIndex(_ variable: String) -> Int? {
        fields.firstIndex { $0.variable == variable }
    }

    /// The values of the field with this `var`, or `nil` if the form has no such field.
    public subscript(variable: String) -> [String]? {
        get { field(variable)?.values }
        set {
            guard let index = fieldIndex(variable) else { return }
            fields[index].values = newValue ?? []
        }
    }
}

// MARK: - Diagnostics

extension DataForm: CustomStringConvertible, CustomDebugStringConvertible {
    /// A summary for diagnostics; values of secret fields (text-private or named like a password) are
    /// replaced by `[redacted]`.
    public var description: String {
        let list = fields.map(\.description).joined(separator: ", ")
        return "DataForm(\(type.rawValue), formType: \(formType ?? "-"), fields: [\(list)])"
    }

    public var debugDescription: String { description }
}
