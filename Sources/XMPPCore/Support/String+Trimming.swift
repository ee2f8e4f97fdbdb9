extension StringProtocol {
    /// The text without leading and trailing ASCII white space.
    ///
    /// Space, tab, CR and LF: the white space XML and XMPP allow around values (XML 1.0 §2.3 `S`). Written here
    /// because the core avoids Foundation.
    public func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
