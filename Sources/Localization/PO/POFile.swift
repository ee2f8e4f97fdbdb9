import FoundationEssentials

/// A parsed gettext PO file: its header, its entries and every problem found while reading it.
///
/// GNU gettext manual §3 "The Format of PO Files". Reading never fails: an invalid entry is left out and
/// reported in ``problems``; the rest of the file is still usable. A UTF-8 byte order mark and CRLF line ends
/// are accepted. Only UTF-8 files are supported (the header's `charset` must say so, or be absent).
public struct POFile: Sendable {
    /// The header entry (`msgid ""`), if the file has one.
    public var header: POHeader?
    /// All valid entries except the header, in file order, fuzzy ones included (see ``POEntry/isFuzzy``).
    public var entries: [POEntry]
    /// Everything wrong in the file, in line order.
    public var problems: [POProblem]

    public init(header: POHeader?, entries: [POEntry], problems: [POProblem]) {
        self.header = header
        self.entries = entries
        self.problems = problems
    }

    /// Parses PO text; a leading U+FEFF is ignored.
    public init(parsing text: String) {
        var parser = POParser()
        for (index, line) in Self.lines(of: text).enumerated() {
            parser.consume(line, number: index + 1)
        }
        self = parser.finish()
    }

    /// Parses the bytes of a PO file: skips a UTF-8 byte order mark and reports bytes that are not UTF-8
    /// (they are replaced by U+FFFD and parsing goes on).
    public init(data: Data) {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var invalidLine: Int?
        if String(validating: bytes, as: UTF8.self) == nil {
            invalidLine = Self.lineOfFirstInvalidByte(bytes)
        }
        self.init(parsing: String(decoding: bytes, as: UTF8.self))
        if let invalidLine {
            problems.insert(POProblem(line: invalidLine, kind: .invalidUTF8), at: 0)
        }
    }

    /// Reads and parses the file at `url`; `nil` when it cannot be read.
    public init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(data: data)
    }

    /// The entries that can be used for lookups: not fuzzy and translated.
    public var usableEntries: [POEntry] { entries.filter { !$0.isFuzzy && $0.isTranslated } }

    /// The usable entry for `id` in `context`, if any.
    public func entry(for id: String, context: String? = nil) -> POEntry? {
        usableEntries.first { $0.id == id && $0.context == context }
    }

    /// Splits on LF, CRLF or a lone CR, and drops a leading byte order mark.
    static func lines(of text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is a single Character in Swift, so CRLF is one break. Other Unicode line separators are text.
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// The 1-based line of the first byte sequence that is not UTF-8.
    private static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return line
            case .error: return line
            }
        }
    }
}
