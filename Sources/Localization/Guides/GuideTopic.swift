/// The longer guides in `locales/<lang>/guides/<topic>.md`, in the order `guide` lists them.
public enum GuideTopic: String, Sendable, Hashable, CaseIterable {
    /// What XMPP is: addresses like e-mail, providers, apps.
    case xmpp
    /// How to choose a provider.
    case providers
    /// Which app to use on each platform.
    case apps
    /// What OMEMO is and how to turn it on and verify it in each app (one `##` section per app).
    case omemo
    /// Keeping message history on the server (XEP-0313 MAM) or not.
    case history
    /// Running your own server (Prosody, ejabberd, Snikket).
    case server
    /// Bridges and gateways to other networks.
    case bridges

    /// The message key of the topic's short title.
    public var titleKey: MessageKey {
        switch self {
        case .xmpp: MessageKey("guide.topic.xmpp")
        case .providers: MessageKey("guide.topic.providers")
        case .apps: MessageKey("guide.topic.apps")
        case .omemo: MessageKey("guide.topic.omemo")
        case .history: MessageKey("guide.topic.history")
        case .server: MessageKey("guide.topic.server")
        case .bridges: MessageKey("guide.topic.bridges")
        }
    }

    /// The topic `guide --client NAME` shows when no topic is given: the per-app OMEMO instructions.
    public static let perAppDefault: GuideTopic = .omemo
}
