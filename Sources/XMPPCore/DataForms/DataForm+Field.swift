extension DataForm {
    /// One `<field/>` of a data form (XEP-0004 §3.2).
    public struct Field: Sendable, Hashable {
        /// XEP-0004 §3.3 field types; raw values are the wire strings.
        public enum FieldType: String, Sendable, CaseIterable {
            case boolean
            case fixed
            case hidden
            case jidMulti = "jid-multi"
            case jidSingle = "jid-single"
            case listMulti = "list-multi"
            case listSingle = "list-single"
            case textMulti = "text-multi"
            case textPrivate = "text-private"
            case textSingle = "text-single"

            /// Whether the type allows several `<value/>` elements.
            public var allowsMultipleValues: Bool {
                switch self {
                case .jidMulti, .listMulti, .textMulti, .fixed: true
                default: false
                }
            }
        }

        /// One `<option/>` of a list field (XEP-0004 §3.2).
        public struct Option: Sendable, Hashable {
            public var label: String?
            public var value: String

            public init(label: String? = nil, value: String) {
                self.label = label
                self.value = value
            }
        }

        /// The `var` attribute; optional only for `fixed` fields.
        public var variable: String?
        /// The `type` attribute as sent, `nil` when absent or not a XEP-0004 type (see `effectiveType`).
        public var type: FieldType?
        /// The `label` attribute, unsanitized.
        public var label: String?
        /// The `<desc/>` child, unsanitized.
        public var descriptionText: String?
        /// `<required/>` present.
        public var isRequired: Bool
        /// `<option/>` children of list fields.
        public var options: [Option]
        /// `<value/>` children in order.
        public var values: [String]
        /// XEP-0221 `<media/>` children (CAPTCHA images, audio).
        public var media: [MediaElement]

        public init(
            variable: String? = nil,
            type: FieldType? = nil,
            label: String? = nil,
            descriptionText: String? = nil,
            isRequired: Bool = false,
            options: [Option] = [],
            values: [String] = [],
            media: [MediaElement] = []
        ) {
            self.variable = variable
            self.type = type
            self.label = label
            self.descriptionText = descriptionText
            self.isRequired = isRequired
            self.options = options
            self.values = values
            self.media = media
        }

        /// The type to process the field as: a missing or unknown `type` means `text-single` (XEP-0004 §3.3).
        public var effectiveType: FieldType { type ?? .textSingle }

        /// Whether the field carries a secret (text-private, or a `var` naming a password or token): its values
        /// never appear in descriptions.
        public var isSecret: Bool {
            if effectiveType == .textPrivate { return true }
            let name = (variable ?? "").lowercased()
            return name.contains("password") || name.contains("token") || name == "preauth"
        }

        /// The first value, or `nil`.
        public var value: String? { values.first }

        /// For `boolean` fields: the value read per XEP-0004 §3.3 (`1`/`true`, `0`/`false`), `nil` if absent or
        /// invalid.
        public var booleanValue: Bool? {
            guard let value = values.first else { return nil }
            return Self.boolean(value)
        }

        /// Reads a XEP-0004 boolean lexical value.
        static func boolean(_ text: String) -> Bool? {
            switch text {
            case "1", "true": true
            case "0", "false": false
            default: nil
            }
        }
    }
}

// MARK: - Diagnostics

extension DataForm.Field: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `var=type[values]`, secret values redacted.
    public var description: String {
        let shown = isSecret ? values.map { _ in "[redacted]" } : values
        return "\(variable ?? "-")=\(effectiveType.rawValue)\(shown)"
    }

    public var debugDescription: String { description }

    /// Reflection (`dump`) shows the redacted description only.
    public var customMirror: Mirror {
        Mirror(self, children: ["field": description], displayStyle: .struct)
    }
}
