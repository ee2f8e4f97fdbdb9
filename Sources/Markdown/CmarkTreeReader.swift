import CCmark

/// Converts a cmark node tree into ``MarkdownBlock`` values. The cmark tree is freed by the caller.
enum CmarkTreeReader {
    /// The top-level blocks of `document` with the 1-based source line where each starts.
    static func blocks(ofDocument document: OpaquePointer) -> [(block: MarkdownBlock, line: Int)] {
        children(of: document).compactMap { node in
            block(node).map { ($0, Int(cmark_node_get_start_line(node))) }
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in children(of: item).compactMap(block) }
            return .list(
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                isTight: cmark_node_get_list_tight(node) != 0,
                items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(children(of: node).compactMap(block))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, text: literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node))
        default:
            return nil  // custom blocks are never produced by the parser
        }
    }

    private static func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        children(of: node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> MarkdownInline? {
        let string = { (value: UnsafePointer<CChar>?) in value.map { String(cString: $0) } ?? "" }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                inlines(of: node))
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                inlines(of: node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        default: return nil
        }
    }
}
