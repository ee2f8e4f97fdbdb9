/// Something wrong in a PO file, with the 1-based line where it was found.
///
/// The parser never stops at the first problem: it skips the bad entry and reports every problem it finds.
public struct POProblem: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. Raw values are stable identifiers for reports and tests, not user-facing text.
    public enum Kind: Sendable, Hashable {
        /// A string without its closing quote, or text after the closing quote.
        case malformedString
        /// A backslash escape that C and gettext do not define (the escape's character).
        case invalidEscape(Character)
        /// Bytes that are not UTF-8 (the file, or the result of `\x`/octal escapes).
        case invalidUTF8
        /// A line that is neither a comment, a keyword nor a continuation string.
        case unexpectedLine
        /// A keyword out of order, for example `msgstr` without `msgid` or `msgid` twice.
        case unexpectedKeyword(String)
        /// An entry without any `msgstr`.
        case missingTranslation
        /// `msgstr[n]` without `msgid_plural`, `msgstr` with it, or indices that are not 0, 1, 2, … in order.
        case pluralMismatch
        /// A second entry with the same context and key (the key).
        case duplicateEntry(String)
        /// The header names a charset other than UTF-8 (the charset).
        case unsupportedCharset(String)
        /// The `Plural-Forms` header cannot be parsed.
        case invalidPluralForms
    }

    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public var description: String { "line \(line): \(kind)" }
}
