import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MarkdownDocument {
    /// The document as an HTML fragment, rendered by `cmark_render_html` in cmark's safe mode: raw HTML is
    /// replaced by a comment and `javascript:`, `vbscript:`, `file:` and most `data:` links are emptied
    /// (`CMARK_OPT_UNSAFE` is never set). Text is HTML-escaped by cmark.
    public func html() -> String {
        Self.withDocument(source) { root in
            guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }
}
