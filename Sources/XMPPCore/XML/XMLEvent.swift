/// One parser event on an XML stream, as the XML layer hands it to `StanzaAssembler`.
///
/// Events come from a namespace-aware parser (Namespaces in XML 1.0): prefixes are already resolved, adjacent
/// character data is already joined into one `.text`, and predefined entities and character references are
/// already decoded. An element without a prefix and without any default namespace in scope is in `jabber:client`
/// (RFC 6120 §4.8.2, the content namespace of a client stream).
public enum XMLEvent: Sendable, Hashable {
    /// A start tag.
    ///
    /// - Parameters:
    ///   - name: the local name, for example `stream` or `iq`.
    ///   - namespace: the resolved namespace URI; empty when the element is in no namespace (`xmlns=''`).
    ///   - attributes: attributes in document order, without namespace declarations; prefixed attributes keep
    ///     their prefix in the name (`xml:lang`).
    ///   - declaredDefaultNamespace: the value of an `xmlns='…'` declaration on this very tag, if any. For the
    ///     stream header this is the content namespace (RFC 6120 §4.8.2).
    case startElement(
        name: String,
        namespace: String,
        attributes: [Element.Attribute],
        declaredDefaultNamespace: String?
    )
    /// The end tag matching the most recent open start tag (or the end of an empty-element tag).
    case endElement
    /// A run of character data (text, decoded references and CDATA sections together).
    case text(String)
}
