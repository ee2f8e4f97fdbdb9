/// The client's `<stream:stream>` start tag (RFC 6120 §4.7).
public struct OutgoingStreamHeader: Sendable, Hashable {
    /// The server's domain (`to`).
    public var to: String
    /// The account's bare JID (`from`), sent only once the stream is encrypted (RFC 6120 §4.7.1).
    public var from: String?
    public var language: String

    public init(to: String, from: String? = nil, language: String = "en") {
        self.to = to
        self.from = from
        self.language = language
    }

    /// The XML declaration plus the open start tag, as bytes go on the wire.
    public var serialized: String {
        var text = "<?xml version='1.0'?><stream:stream xmlns='\(Namespace.client)' "
        text += "xmlns:stream='\(Namespace.stream)' to='\(XMLEscaping.attribute(to))' "
        if let from { text += "from='\(XMLEscaping.attribute(from))' " }
        text += "version='1.0' xml:lang='\(XMLEscaping.attribute(language))'>"
        return text
    }

    /// The stream close tag.
    public static let closing = "</stream:stream>"
}
