/// The header entry of a PO file (`msgid ""`): `Name: value` lines such as `Language` and `Plural-Forms`.
///
/// GNU gettext manual §12.3 "Header Entry" and §12.6 "Additional functions for plural forms".
public struct POHeader: Sendable, Hashable {
    /// The fields in file order.
    public var fields: [Field]
    /// `Plural-Forms`, if present and valid.
    public var pluralForms: PluralForms?

    /// One `Name: value` line.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(fields: [Field], pluralForms: PluralForms?) {
        self.fields = fields
        self.pluralForms = pluralForms
    }

    /// The value of the field `name` (compared case-insensitively).
    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// `Language`, for example `pt_BR`.
    public var language: String? { self["Language"] }

    /// The charset named in `Content-Type`, lower-cased (`utf-8`).
    public var charset: String? {
        guard let lowered = self["Content-Type"]?.lowercased(), let range = lowered.firstRange(of: "charset=")
        else { return nil }
        return String(lowered[range.upperBound...].prefix { !($0 == ";" || $0 == " ") })
    }

    /// Parses the header's `msgstr`; `line` is the header entry's line, used for problems.
    static func parse(_ text: String, line: Int) -> (POHeader, [POProblem]) {
        var fields: [Field] = []
        for rawLine in text.split(separator: "\n") {
            guard let colon = rawLine.firstIndex(of: ":") else { continue }
            let name = rawLine[..<colon].trimmingSpaces()
            let value = rawLine[rawLine.index(after: colon)...].trimmingSpaces()
            fields.append(Field(name: name, value: value))
        }
        var header = POHeader(fields: fields, pluralForms: nil)
        var problems: [POProblem] = []
        if let charset = header.charset, charset != "utf-8", charset != "utf8" {
            problems.append(POProblem(line: line, kind: .unsupportedCharset(charset)))
        }
        if let pluralForms = header["Plural-Forms"] {
            do {
                header.pluralForms = try PluralForms(parsing: pluralForms)
            } catch {
                problems.append(POProblem(line: line, kind: .invalidPluralForms))
            }
        }
        return (header, problems)
    }
}
