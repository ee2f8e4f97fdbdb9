extension Element {
    /// The element as XML text, declaring `xmlns` where the namespace differs from `parentNamespace`.
    ///
    /// Escapes `& < > " '` in attribute values and `& < >` in text (RFC 6120 §11: well-formed, UTF-8,
    /// no entities other than the predefined ones). Attributes are quoted with `'`.
    public func serialized(parentNamespace: String? = nil) -> String {
        var output = ""
        write(to: &output, parentNamespace: parentNamespace)
        return output
    }

    /// Appends the serialization to `output` (see `serialized(parentNamespace:)`).
    public func write(to output: inout String, parentNamespace: String?) {
        output += "<"
        output += name
        if namespace != parentNamespace {
            output += " xmlns='"
            output += XMLEscaping.attribute(namespace)
            output += "'"
        }
        for attribute in attributes {
            output += " "
            output += attribute.name
            output += "='"
            output += XMLEscaping.attribute(attribute.value)
            output += "'"
        }
        if children.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        for child in children {
            switch child {
            case .element(let element): element.write(to: &output, parentNamespace: namespace)
            case .text(let text): output += XMLEscaping.text(text)
            }
        }
        output += "</"
        output += name
        output += ">"
    }
}

extension Element: CustomStringConvertible {
    /// The serialization, for diagnostics only. Never log elements that may carry secrets: use
    /// `Redaction.redacted(_:)` first.
    public var description: String { serialized() }
}

/// XML escaping for the five predefined entities (XML 1.0 §4.6).
public enum XMLEscaping {
    /// Escapes text content: `&`, `<`, `>`.
    public static func text(_ string: String) -> String { escape(string, quotes: false) }

    /// Escapes an attribute value: `&`, `<`, `>`, `"`, `'`.
    public static func attribute(_ string: String) -> String { escape(string, quotes: true) }

    /// Replaces `&`, `<`, `>` and, with `quotes`, `"` and `'` by their predefined entities.
    private static func escape(_ string: String, quotes: Bool) -> String {
        let needsEscaping: (Character) -> Bool = {
            $0 == "&" || $0 == "<" || $0 == ">" || (quotes && ($0 == "\"" || $0 == "'"))
        }
        guard string.contains(where: needsEscaping) else { return string }
        var result = ""
        result.reserveCapacity(string.utf8.count + 16)
        for character in string {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
