/// Why the XML stream layer rejected what the peer sent. Every case is fatal for the stream: the driver sends
/// `<stream:error>` with `streamCondition` and closes (RFC 6120 §4.9).
public enum XMLStreamError: Error, Sendable, Hashable {
    /// A construct XMPP forbids (RFC 6120 §11.1).
    public enum RestrictedConstruct: String, Sendable, Hashable, CaseIterable {
        /// `<!DOCTYPE …>`, an internal or external subset, or other DTD markup (`<!ENTITY`, `<![INCLUDE[`).
        case documentTypeDeclaration = "doctype"
        /// `<!-- … -->`
        case comment
        /// `<?target …?>`, including an XML declaration anywhere but at the first byte.
        case processingInstruction = "processing-instruction"
        /// An entity reference other than the five predefined ones (`&amp; &lt; &gt; &quot; &apos;`).
        case entityReference = "entity-reference"
        /// An XML declaration with a version other than 1.0, `standalone="no"`, or that cannot be read
        /// (Prosody's `util/xmppstream.lua` rule, security.md §4.1).
        case xmlDeclaration = "xml-declaration"
    }

    /// RFC 6120 §11.1: DOCTYPE, comment, processing instruction, entity reference or a bad XML declaration.
    case restrictedXML(RestrictedConstruct)
    /// RFC 6120 §11.6: the stream is not UTF-8 (a UTF-16 or UTF-32 byte stream, or a declared non-UTF-8 encoding).
    case unsupportedEncoding
    /// The bytes violate XML 1.0 or Namespaces in XML well-formedness (including invalid UTF-8, `&#0;` and
    /// control characters). `parserCode` is libxml2's `xmlParserErrors` value for diagnostics, or 0 when the
    /// tool itself found the error.
    case notWellFormed(parserCode: Int)
    /// One of the tool's resource limits was exceeded (security.md §4.4.5).
    case limitExceeded(StreamLimits.Limit)
    /// RFC 6120 §4.8.1: the stream element is not qualified by `http://etherx.jabber.org/streams`. Carries the
    /// namespace received (at most 256 characters).
    case invalidStreamNamespace(String)
    /// RFC 6120 §4.8.2, §4.8.5: the stream header declares a default namespace other than `jabber:client`.
    /// Carries the namespace received (at most 256 characters).
    case invalidContentNamespace(String)
    /// RFC 6120 §4.7.5: the stream header has no `version` or a major version other than 1. Carries the value
    /// received (at most 256 characters).
    case unsupportedVersion(String?)
    /// The root element is not `<stream:stream>`. Carries its local name (at most 256 characters).
    case invalidStreamElement(String)
    /// A second `<stream:stream>` start tag inside an open stream, without a stream restart (security.md §8.3 X17).
    case unexpectedStreamHeader
    /// Non-whitespace character data between top-level elements (RFC 6120 §4.2 defines only elements there).
    case textOutsideStanza

    /// The RFC 6120 §4.9.3 condition to send when closing the stream because of this error.
    public var streamCondition: StreamError.Condition {
        switch self {
        case .restrictedXML: .restrictedXML
        case .unsupportedEncoding: .unsupportedEncoding
        case .notWellFormed: .notWellFormed
        case .limitExceeded: .policyViolation
        case .invalidStreamNamespace, .invalidContentNamespace: .invalidNamespace
        case .unsupportedVersion: .unsupportedVersion
        case .invalidStreamElement, .unexpectedStreamHeader, .textOutsideStanza: .invalidXML
        }
    }
}
