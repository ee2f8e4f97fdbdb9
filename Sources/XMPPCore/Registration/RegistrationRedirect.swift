/// Web registration instead of (or besides) in-band registration (XEP-0077 §5, §6; protocols.md §4.5):
/// `<instructions/>` and/or a XEP-0066 `<x xmlns='jabber:x:oob'><url/></x>`.
///
/// The URL is classified by `ServerURL`: only `https:` may be opened, `http:` is shown with a warning, and
/// `javascript:` and other schemes are rejected — `url.displayText` shows them escaped, never as a link
/// (security.md R6).
public struct RegistrationRedirect: Sendable, Hashable {
    /// Where the URL came from.
    public enum Origin: String, Sendable, CaseIterable {
        /// A XEP-0066 `jabber:x:oob` `<url/>`.
        case outOfBand = "oob"
        /// The first `https://` (else `http://`) word in `<instructions/>`, as Kaidan does when no OOB element
        /// was sent.
        case instructions
    }

    /// The registration page, if the server named one.
    public var url: ServerURL?
    /// The `<desc/>` of the OOB element, unsanitized.
    public var urlDescription: String?
    /// The server's `<instructions/>`, unsanitized (neutralize before printing).
    public var instructions: String?
    public var origin: Origin?

    public init(url: ServerURL?, urlDescription: String? = nil, instructions: String?, origin: Origin?) {
        self.url = url
        self.urlDescription = urlDescription
        self.instructions = instructions
        self.origin = origin
    }

    /// The URL to open in a browser or encode in a QR code: https or http only, `nil` for rejected schemes.
    public var webURL: ServerURL? {
        guard let url, url.isWebURL else { return nil }
        return url
    }

    /// Whether the server sent a URL this client refuses to present as a link (`javascript:`, `data:`, …).
    public var hasRejectedURL: Bool { url?.kind == .rejected || url?.kind == .contentID }

    /// The instructions safe to print (controls escaped, newlines kept, length bounded).
    public var displayInstructions: String? {
        instructions.map { TerminalText.neutralized($0, allowNewlines: true) }
    }

    /// Reads the redirect parts of a `jabber:iq:register` query: the OOB URL, else a URL found in the
    /// instructions. `nil` when the query has neither instructions nor an OOB element.
    init?(oob: Element?, instructions: String?) {
        let oobURL = oob?.child("url", namespace: Namespace.outOfBand).map { ServerURL($0.text) }
        let oobDescription = oob?.child("desc", namespace: Namespace.outOfBand)?.text
        if let oobURL, !oobURL.text.isEmpty {
            self.init(url: oobURL, urlDescription: oobDescription, instructions: instructions, origin: .outOfBand)
        } else if let instructions {
            let found = Self.firstWebURL(in: instructions)
            self.init(url: found, instructions: instructions, origin: found == nil ? nil : .instructions)
        } else {
            return nil
        }
    }

    /// The first word of `text` that is an https URL, else the first http URL; trailing punctuation dropped.
    static func firstWebURL(in text: String) -> ServerURL? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let candidates = words.compactMap { word -> ServerURL? in
            var trimmed = Substring(word)
            while let last = trimmed.last, ".,;:!?)]>'\"".contains(last) { trimmed = trimmed.dropLast() }
            while let first = trimmed.first, "(<['\"".contains(first) { trimmed = trimmed.dropFirst() }
            let url = ServerURL(String(trimmed))
            return url.isWebURL ? url : nil
        }
        return candidates.first { $0.kind == .https } ?? candidates.first
    }
}
