import FoundationEssentials
import XMPPCore

/// Google Play install links that carry an invitation (protocols.md §8.10): the app reads the `referrer`
/// parameter on first start through the Install Referrer API.
public enum StoreReferrer {
    /// `uri` as a query-parameter value: its IRI form (so non-ASCII is encoded once, not twice) with every
    /// character outside RFC 3986 `unreserved` percent-encoded (`:` → `%3A`, `;` → `%3B`, `+` → `%2B`…).
    public static func encodedReferrer(_ uri: XMPPURI) -> String {
        URIPercentEncoding.encode(uri.iriString, allowing: .unreservedOnly, keepingUnicode: false)
    }

    /// `<play page>&referrer=<encoded URI>`, or the app's own `magic_link_format` with `{uri}` replaced.
    public static func playLink(page: URL, magicLinkFormat: String? = nil, carrying uri: XMPPURI) -> URL? {
        let encoded = encodedReferrer(uri)
        if let magicLinkFormat, magicLinkFormat.contains("{uri}") {
            return URL(string: magicLinkFormat.replacing("{uri}", with: encoded))
        }
        var text = page.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        text += (text.contains("?") ? "&" : "?") + "referrer=" + encoded
        return URL(string: text)
    }
}
