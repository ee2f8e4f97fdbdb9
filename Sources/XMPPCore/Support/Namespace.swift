/// XML namespaces used on the wire, as static constants (never repeated as string literals elsewhere).
public enum Namespace {
    /// RFC 6120 §4.8.1
    public static let stream = "http://etherx.jabber.org/streams"
    /// RFC 6120 §4.8.2
    public static let client = "jabber:client"
    /// RFC 6120 §4.9.3
    public static let streamErrors = "urn:ietf:params:xml:ns:xmpp-streams"
    /// RFC 6120 §5
    public static let tls = "urn:ietf:params:xml:ns:xmpp-tls"
    /// RFC 6120 §6
    public static let sasl = "urn:ietf:params:xml:ns:xmpp-sasl"
    /// RFC 6120 §7
    public static let bind = "urn:ietf:params:xml:ns:xmpp-bind"
    /// RFC 6120 §8.3
    public static let stanzaErrors = "urn:ietf:params:xml:ns:xmpp-stanzas"
    /// RFC 3921 session establishment (optional, legacy)
    public static let session = "urn:ietf:params:xml:ns:xmpp-session"
    /// XEP-0440
    public static let channelBinding = "urn:xmpp:sasl-cb:0"
    /// XEP-0030
    public static let discoInfo = "http://jabber.org/protocol/disco#info"
    /// XEP-0030
    public static let discoItems = "http://jabber.org/protocol/disco#items"
    /// XEP-0077 stream feature
    public static let registerFeature = "http://jabber.org/features/iq-register"
    /// XEP-0077 query
    public static let register = "jabber:iq:register"
    /// XEP-0445
    public static let ibrToken = "urn:xmpp:ibr-token:0"
    /// Legacy name of the XEP-0445 feature
    public static let invite = "urn:xmpp:invite"
    /// XEP-0004
    public static let dataForms = "jabber:x:data"
    /// XEP-0066
    public static let outOfBand = "jabber:x:oob"
    /// XEP-0050
    public static let commands = "http://jabber.org/protocol/commands"
    /// XEP-0231
    public static let bitsOfBinary = "urn:xmpp:bob"
    /// XEP-0221
    public static let mediaElement = "urn:xmpp:media-element"
    /// XEP-0158
    public static let captcha = "urn:xmpp:captcha"
}
