/// Named placeholders in message text: `{provider}`, `{count}`.
///
/// A name is ASCII letters, digits, `_`, `-` or `.` between braces. Anything else in braces is literal text,
/// so a brace in a translation never breaks substitution.
public enum Placeholders {
    /// The placeholder names used in `template`.
    public static func names(in template: String) -> Set<String> {
        var names: Set<String> = []
        scan(template) { piece in
            if case .placeholder(let name) = piece { names.insert(name) }
        }
        return names
    }

    /// `template` with each `{name}` replaced by its value in one pass: values are never scanned again, so a
    /// value that itself contains `{other}` stays as it is. Unknown placeholders are kept verbatim.
    public static func substitute(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = ""
        scan(template) { piece in
            switch piece {
            case .literal(let text): result += text
            case .placeholder(let name): result += values[name] ?? "{\(name)}"
            }
        }
        return result
    }

    private enum Piece {
        case literal(Substring)
        case placeholder(String)
    }

    private static func scan(_ template: String, _ body: (Piece) -> Void) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            let nameEnd = rest[afterOpen...].firstIndex { !isNameCharacter($0) } ?? rest.endIndex
            if nameEnd > afterOpen, nameEnd < rest.endIndex, rest[nameEnd] == "}" {
                body(.literal(rest[..<open]))
                body(.placeholder(String(rest[afterOpen..<nameEnd])))
                rest = rest[rest.index(after: nameEnd)...]
            } else {
                body(.literal(rest[...open]))
                rest = rest[afterOpen...]
            }
        }
        body(.literal(rest))
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_-.".contains(character))
    }
}
