/// What the XML stream layer reports to the protocol layer (RFC 6120 §4).
///
/// Produced by `StanzaAssembler` from parser events: depth 1 is the `<stream:stream>` root, an element that
/// closes back to depth 1 is a complete top-level element (stanza or nonza), depth 0 ends the stream.
public enum StreamEvent: Sendable, Hashable {
    /// The peer opened a stream; reported as soon as the start tag is parsed.
    case opened(StreamHeader)
    /// A complete top-level element (stanza or nonza).
    case element(Element)
    /// The peer closed the stream with `</stream:stream>`.
    case closed
}

/// The attributes of a received `<stream:stream>` start tag (RFC 6120 §4.7).
public struct StreamHeader: Sendable, Hashable {
    /// The stream element's namespace; must be `http://etherx.jabber.org/streams`.
    public var streamNamespace: String
    /// The default content namespace, `jabber:client` for clients.
    public var contentNamespace: String?
    public var id: String?
    public var from: String?
    public var to: String?
    public var version: String?
    public var language: String?

    public init(
        streamNamespace: String = Namespace.stream,
        contentNamespace: String? = Namespace.client,
        id: String? = nil,
        from: String? = nil,
        to: String? = nil,
        version: String? = "1.0",
        language: String? = nil
    ) {
        self.streamNamespace = streamNamespace
        self.contentNamespace = contentNamespace
        self.id = id
        self.from = from
        self.to = to
        self.version = version
        self.language = language
    }
}
