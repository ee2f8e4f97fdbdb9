/// Renders a ``MarkdownDocument`` as text for a terminal, wrapped to a width.
///
/// Headings are underlined with `=` (level 1) or `-` (level 2); list items get `•` or `1.` markers with hanging
/// indentation; block quotes a `│` bar; code blocks are indented four spaces and never wrapped. Links show their
/// text followed by the URL in parentheses. With ``usesStyles``, headings and strong text are bold, emphasis
/// italic, code cyan and links underlined (ECMA-48 SGR); without it the output is plain text, with code spans
/// kept in backticks. Raw HTML is dropped, and control characters in the text never reach the terminal.
public struct MarkdownTerminalRenderer: Sendable {
    /// The number of columns to wrap to (at least 20 are used).
    public var width: Int
    /// Whether to emit bold, italic, underline and colour escape sequences.
    public var usesStyles: Bool

    public init(width: Int = 80, usesStyles: Bool = false) {
        self.width = width
        self.usesStyles = usesStyles
    }

    /// The rendered document, ending with a newline.
    public func render(_ document: MarkdownDocument) -> String {
        let lines = render(document.blocks, width: max(width, 20), isTight: false)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Blocks

    private func render(_ blocks: [MarkdownBlock], width: Int, isTight: Bool) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let rendered = render(block, width: width)
            if rendered.isEmpty { continue }
            if !lines.isEmpty, !isTight { lines.append("") }
            lines.append(contentsOf: rendered)
        }
        return lines
    }

    private func render(_ block: MarkdownBlock, width: Int) -> [String] {
        switch block {
        case .heading(let level, let inlines):
            let style: TerminalStyle = .bold
            var layout = TextLayout()
            add(inlines, to: &layout, style: style)
            let lines = layout.lines(width: width)
            var result = lines.map(text(of:))
            let rule: Character? = level == 1 ? "=" : level == 2 ? "-" : nil
            if let rule {
                let ruleWidth = lines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0
                result.append(String(repeating: rule, count: max(ruleWidth, 1)))
            }
            return result
        case .paragraph(let inlines):
            var layout = TextLayout()
            add(inlines, to: &layout, style: [])
            return layout.lines(width: width).map(text(of:))
        case .list(let isOrdered, let start, let isTight, let items):
            return renderList(isOrdered: isOrdered, start: start, isTight: isTight, items: items, width: width)
        case .blockQuote(let blocks):
            let bar = usesStyles ? TerminalStyle.dim.apply(to: "│") + " " : "│ "
            return render(blocks, width: width - 2, isTight: false).map { $0.isEmpty ? bar : bar + $0 }
        case .codeBlock(_, let code):
            var body = Substring(code)
            while body.last == "\n" { body = body.dropLast() }
            return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let clean = TextLayout.sanitized(String(line))
                return clean.isEmpty ? "" : "    " + (usesStyles ? TerminalStyle.code.apply(to: clean) : clean)
            }
        case .thematicBreak:
            return [String(repeating: "-", count: min(width, 40))]
        case .html:
            return []
        }
    }

    private func renderList(isOrdered: Bool, start: Int, isTight: Bool, items: [[MarkdownBlock]], width: Int)
        -> [String]
    {
        let markers = items.indices.map { isOrdered ? "\(start + $0)." : "•" }
        let markerWidth = (markers.map(\.count).max() ?? 1) + 1
        var lines: [String] = []
        for (marker, item) in zip(markers, items) {
            if !lines.isEmpty, !isTight { lines.append("") }
            let body = render(item, width: width - markerWidth, isTight: isTight)
            let padding = String(repeating: " ", count: markerWidth)
            for (index, line) in (body.isEmpty ? [""] : body).enumerated() {
                if index == 0 {
                    lines.append(marker + String(repeating: " ", count: markerWidth - marker.count) + line)
                } else {
                    lines.append(line.isEmpty ? "" : padding + line)
                }
            }
        }
        return lines
    }

    // MARK: - Inlines

    private func add(_ inlines: [MarkdownInline], to layout: inout TextLayout, style: TerminalStyle) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                layout.append(text, style: style)
            case .softBreak:
                layout.appendSpace()
            case .lineBreak:
                layout.appendLineBreak()
            case .code(let code):
                let shown = usesStyles ? code : "`" + code + "`"
                layout.appendUnbreakable(shown, style: style.union(.code), spaced: false)
            case .emphasis(let children):
                add(children, to: &layout, style: style.union(.italic))
            case .strong(let children):
                add(children, to: &layout, style: style.union(.bold))
            case .link(let destination, _, let children):
                addLink(children, destination: destination, to: &layout, style: style)
            case .image(let source, _, let children):
                addLink(children, destination: source, to: &layout, style: style)
            case .html:
                continue
            }
        }
    }

    private func addLink(
        _ children: [MarkdownInline], destination: String, to layout: inout TextLayout, style: TerminalStyle
    ) {
        let label = children.plainText
        if label.isEmpty || Self.isSameAddress(label, destination) {
            layout.appendUnbreakable(destination, style: style.union(.underline), spaced: false)
            return
        }
        add(children, to: &layout, style: style.union(.underline))
        layout.appendUnbreakable("(" + destination + ")", style: style.union(.dim), spaced: true)
    }

    /// Whether a link's text merely repeats its destination (`example.org` for `https://example.org/`, an
    /// address for `mailto:` it), so that the URL alone is shown.
    static func isSameAddress(_ label: String, _ destination: String) -> Bool {
        var bare = Substring(destination)
        for scheme in ["https://", "http://", "mailto:"] where bare.hasPrefix(scheme) {
            bare = bare.dropFirst(scheme.count)
        }
        if bare.hasSuffix("/") { bare = bare.dropLast() }
        return label == destination || label == bare
    }

    private func text(of line: [TextLayout.Piece]) -> String {
        line.map { usesStyles ? $0.style.apply(to: $0.text) : $0.text }.joined()
    }
}
