/// Text attributes of the terminal renderer, written as ECMA-48 SGR sequences when styles are enabled.
struct TerminalStyle: OptionSet, Sendable, Hashable {
    let rawValue: Int

    static let bold = TerminalStyle(rawValue: 1 << 0)
    static let italic = TerminalStyle(rawValue: 1 << 1)
    static let underline = TerminalStyle(rawValue: 1 << 2)
    static let dim = TerminalStyle(rawValue: 1 << 3)
    static let code = TerminalStyle(rawValue: 1 << 4)

    /// The SGR parameters (ECMA-48 §8.3.117): 1 bold, 2 faint, 3 italic, 4 underline, 36 cyan.
    var parameters: [String] {
        var result: [String] = []
        if contains(.bold) { result.append("1") }
        if contains(.dim) { result.append("2") }
        if contains(.italic) { result.append("3") }
        if contains(.underline) { result.append("4") }
        if contains(.code) { result.append("36") }
        return result
    }

    /// `text` wrapped in the style's SGR sequence and a reset.
    func apply(to text: String) -> String {
        let parameters = self.parameters
        guard !parameters.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + parameters.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}
