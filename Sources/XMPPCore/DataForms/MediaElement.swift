/// XEP-0221 Data Forms Media Element: `<media xmlns='urn:xmpp:media-element' height width><uri type>…</uri></media>`.
///
/// Carried inside a data-form field, for example a CAPTCHA image (XEP-0158). URIs are kept as sent; decide
/// what to fetch with `ServerURL` (https only) and resolve `cid:` through Bits of Binary (XEP-0231).
public struct MediaElement: Sendable, Hashable {
    /// One `<uri/>`: the same media in one format at one location.
    public struct URI: Sendable, Hashable {
        /// The `type` attribute, a MIME type such as `image/png`.
        public var contentType: String?
        /// The URI text, unsanitized.
        public var value: String

        public init(contentType: String?, value: String) {
            self.contentType = contentType
            self.value = value
        }
    }

    /// Display height in pixels, if given and numeric.
    public var height: Int?
    /// Display width in pixels, if given and numeric.
    public var width: Int?
    public var uris: [URI]

    public init(height: Int? = nil, width: Int? = nil, uris: [URI]) {
        self.height = height
        self.width = width
        self.uris = uris
    }

    /// Reads `<media xmlns='urn:xmpp:media-element'/>`; `nil` for another element.
    public init?(parsing element: Element) {
        guard element.is("media", Namespace.mediaElement) else { return nil }
        height = element[attribute: "height"].flatMap { Int($0) }
        width = element[attribute: "width"].flatMap { Int($0) }
        uris = element.children("uri", namespace: Namespace.mediaElement).map {
            URI(contentType: $0[attribute: "type"], value: $0.text.trimmingASCIIWhitespace())
        }
    }

    /// The `<media/>` element.
    public var element: Element {
        var attributes: [Element.Attribute] = []
        if let height { attributes.append(Element.Attribute("height", String(height))) }
        if let width { attributes.append(Element.Attribute("width", String(width))) }
        var media = Element("media", namespace: Namespace.mediaElement, attributes: attributes)
        for uri in uris {
            var child = Element("uri", namespace: Namespace.mediaElement, text: uri.value)
            if let type = uri.contentType { child[attribute: "type"] = type }
            media.append(child)
        }
        return media
    }
}
