/// The resource limits the XML stream layer enforces on what the peer sends (security.md §4.4.5).
///
/// libxml2 2.9.14 does not protect a push/SAX parser by itself: its documented depth limit did not trigger, an
/// 11 MiB text node was accepted and attribute handling is quadratic (security.md §4.3). These limits are
/// therefore counted by the tool, on raw bytes before they reach libxml2 where possible. Exceeding any of them
/// is a `policy-violation` stream error (RFC 6120 §4.9.3.14).
public struct StreamLimits: Sendable, Hashable {
    /// Which limit a stream exceeded.
    public enum Limit: String, Sendable, Hashable, CaseIterable {
        /// `maximumStanzaBytes`
        case stanzaBytes = "stanza-bytes"
        /// `maximumDepth`
        case depth
        /// `maximumAttributes`
        case attributes
        /// `maximumTextBytes`
        case textBytes = "text-bytes"
    }

    /// Raw bytes allowed since the end of the previous top-level element (or of the stream header): one stanza
    /// or nonza plus any whitespace before it. The stream header itself, with an XML declaration, must fit too.
    ///
    /// Source: Prosody's `c2s_stanza_size_limit` default of 256 KiB, which overflows into `policy-violation`
    /// (security.md §4.1, §4.4.5).
    public var maximumStanzaBytes: Int

    /// Element nesting allowed inside a top-level element; the stanza itself is depth 1, its children depth 2.
    ///
    /// Source: security.md §4.4.5 ("depth (for example 32)"). libxml2's own limit of 256 did not trigger in the
    /// push/SAX path (security.md §4.3, 100 000 nested elements accepted). Real stanzas nest fewer than ten levels.
    public var maximumDepth: Int

    /// Attributes allowed on one element. Before libxml2 the count includes namespace declarations
    /// (`xmlns`, `xmlns:prefix`); after it, only attributes.
    ///
    /// Source: security.md §4.4.5 ("attributes per element (for example 64)"); libxml2's attribute handling is
    /// quadratic (20 000 attributes 0.11 s, 200 000 attributes 10.4 s, security.md §4.3).
    public var maximumAttributes: Int

    /// Decoded character data buffered for one top-level element (all its text nodes together), and for one run
    /// of text between top-level elements.
    ///
    /// Source: security.md §4.4.5 ("total buffered text"). Without entity expansion text can never be longer
    /// than the bytes that carried it, so the default equals `maximumStanzaBytes`; this limit is the backstop
    /// that caps delivered data if expansion ever happened (the 1 GB quadratic blow-up of security.md §4.3).
    public var maximumTextBytes: Int

    public init(
        maximumStanzaBytes: Int = 262_144,
        maximumDepth: Int = 32,
        maximumAttributes: Int = 64,
        maximumTextBytes: Int = 262_144
    ) {
        precondition(maximumStanzaBytes > 0 && maximumDepth > 0 && maximumAttributes >= 0 && maximumTextBytes >= 0)
        self.maximumStanzaBytes = maximumStanzaBytes
        self.maximumDepth = maximumDepth
        self.maximumAttributes = maximumAttributes
        self.maximumTextBytes = maximumTextBytes
    }

    /// 256 KiB per stanza, depth 32, 64 attributes, 256 KiB of text.
    public static let `default` = StreamLimits()
}
