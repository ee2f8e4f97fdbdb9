/// A block of a CommonMark document (CommonMark spec 0.30 §4–§5), as read from cmark's tree.
public indirect enum MarkdownBlock: Sendable, Hashable {
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    /// A list; each item is a list of blocks. `isTight` lists have no blank lines between items (§5.3).
    case list(isOrdered: Bool, start: Int, isTight: Bool, items: [[MarkdownBlock]])
    case blockQuote([MarkdownBlock])
    /// A fenced or indented code block; `info` is the fence's info string.
    case codeBlock(info: String, text: String)
    case thematicBreak
    /// Raw HTML; never passed through to a terminal or to HTML output.
    case html(String)
}

/// Inline content of a CommonMark block (CommonMark spec 0.30 §6).
public indirect enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, [MarkdownInline])
    /// Raw inline HTML; never passed through.
    case html(String)

    /// The text a reader sees, without markup (link text, image description, code without backticks).
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
            children.plainText
        case .html: ""
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { map(\.plainText).joined() }
}
