/// What a server offers in `<stream:features/>` (RFC 6120 §4.3.2), as far as onboarding cares.
public struct StreamFeatures: Sendable, Hashable {
    /// STARTTLS offered (RFC 6120 §5.4.1).
    public var offersStartTLS: Bool
    /// SASL mechanism names in the server's order (RFC 6120 §6.4.1).
    public var mechanisms: [String]
    /// XEP-0440 channel-binding types, or `nil` when `<sasl-channel-binding/>` is absent.
    public var channelBindingTypes: [String]?
    /// Resource binding offered (RFC 6120 §7.4).
    public var offersBind: Bool
    /// RFC 3921 session establishment required (present without `<optional/>`).
    public var requiresSession: Bool
    /// In-band registration advertised (XEP-0077 §8).
    public var offersRegistration: Bool
    /// Token-based registration advertised (XEP-0445 `urn:xmpp:ibr-token:0` or legacy `urn:xmpp:invite`).
    public var offersInviteTokenRegistration: Bool
    /// Every feature element as `{namespace}name`, for reports.
    public var all: [String]

    /// Reads `<stream:features/>`; `nil` for another element.
    public init?(parsing element: Element) {
        guard element.is("features", Namespace.stream) else { return nil }
        offersStartTLS = element.child("starttls", namespace: Namespace.tls) != nil
        mechanisms = element.child("mechanisms", namespace: Namespace.sasl)?
            .children("mechanism", namespace: Namespace.sasl)
            .map { $0.text.trimmingASCIIWhitespace() }
            .filter { !$0.isEmpty } ?? []
        channelBindingTypes = element.child("sasl-channel-binding", namespace: Namespace.channelBinding)
            .map { $0.children("channel-binding").compactMap { $0[attribute: "type"] } }
        offersBind = element.child("bind", namespace: Namespace.bind) != nil
        if let session = element.child("session", namespace: Namespace.session) {
            requiresSession = session.child("optional") == nil
        } else {
            requiresSession = false
        }
        offersRegistration = element.child("register", namespace: Namespace.registerFeature) != nil
        offersInviteTokenRegistration =
            element.child("register", namespace: Namespace.ibrToken) != nil
            || element.child("register", namespace: Namespace.invite) != nil
        all = element.elements.map { "{\($0.namespace)}\($0.name)" }
    }
}
