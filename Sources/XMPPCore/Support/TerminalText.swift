/// Neutralizes text that came from a server, a file or a CSV before it reaches a terminal (CWE-150).
///
/// security.md §7.1: escape sequences, other C0/C1 controls and bidi overrides are replaced by visible
/// escapes, and the length is bounded.
public enum TerminalText {
    /// The default bound on displayed characters.
    public static let defaultMaximumLength = 1_000

    /// `text` with control and bidi characters replaced (`\u{1B}` → `\u{1B}` shown as `^[`-style `\u{…}`),
    /// newlines kept only when `allowNewlines`, and cut to `maximumLength` characters with `…`.
    public static func neutralized(
        _ text: String,
        allowNewlines: Bool = false,
        maximumLength: Int = defaultMaximumLength
    ) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maximumLength {
                result += "…"
                break
            }
            if scalar == "\n" && allowNewlines {
                result.unicodeScalars.append(scalar)
            } else if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }

    /// C0 and C1 controls (tab and newline included), DEL, bidi embeddings/overrides/isolates, and
    /// invisible line/paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x061C: true
        default: false
        }
    }
}
