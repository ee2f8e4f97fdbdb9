import CCmark

/// A CommonMark document parsed by the reference library (cmark 0.30, Debian's `libcmark-dev`).
///
/// The tree is copied out of cmark into Swift values, so a document is a `Sendable` value; HTML is rendered by
/// cmark itself from ``source`` (see ``html()``). Invalid UTF-8 is replaced with U+FFFD while parsing.
public struct MarkdownDocument: Sendable, Hashable {
    /// The Markdown text.
    public let source: String
    /// The top-level blocks.
    public let blocks: [MarkdownBlock]
    /// The 1-based source line where each top-level block starts (parallel to ``blocks``).
    public let blockLines: [Int]

    /// Parses `source` with `cmark_parse_document`.
    public init(parsing source: String) {
        self.source = source
        let parsed = Self.withDocument(source) { CmarkTreeReader.blocks(ofDocument: $0) } ?? []
        self.blocks = parsed.map(\.block)
        self.blockLines = parsed.map(\.line)
    }

    /// Runs `body` on cmark's tree for `source` and frees the tree afterwards; `nil` if cmark could not
    /// allocate a tree (it returns NULL only when out of memory).
    static func withDocument<Result>(_ source: String, _ body: (OpaquePointer) -> Result) -> Result? {
        let options = CMARK_OPT_VALIDATE_UTF8
        let length = source.utf8.count
        guard let root = source.withCString({ cmark_parse_document($0, length, options) }) else { return nil }
        defer { cmark_node_free(root) }
        return body(root)
    }
}
