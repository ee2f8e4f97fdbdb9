extension XMPPURI {
    /// A query type (RFC 5122 §2.5). Unknown types are kept, so every URI round-trips.
    public struct Action: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public var description: String { rawValue }

        // MARK: Registered query types (XMPP Registrar, protocols.md §11)

        /// XEP-0147: open a chat with the JID (`subject`, `body`, `thread` keys).
        public static let message: Action = "message"
        /// XEP-0147 / XEP-0379: add the JID to the roster (`name`, `group`; `preauth`, `ibr`).
        public static let roster: Action = "roster"
        /// XEP-0147: remove the JID from the roster.
        public static let remove: Action = "remove"
        /// XEP-0147: subscribe to the JID's presence.
        public static let subscribe: Action = "subscribe"
        /// XEP-0147: cancel the subscription.
        public static let unsubscribe: Action = "unsubscribe"
        /// XEP-0077 / XEP-0445: register an account (`preauth`).
        public static let register: Action = "register"
        /// XEP-0077: cancel the registration.
        public static let unregister: Action = "unregister"
        /// XEP-0045: join the room (`password`).
        public static let join: Action = "join"
        /// XEP-0045: invite someone to the room (`jid`, `password`).
        public static let invite: Action = "invite"
        /// XEP-0050: execute a command (`node`, `action`).
        public static let command: Action = "command"
        /// XEP-0030: service discovery (`node`, `request`, `type`).
        public static let disco: Action = "disco"
        /// XEP-0060: publish-subscribe (`action`, `node`).
        public static let pubsub: Action = "pubsub"
        /// XEP-0054: vCard.
        public static let vcard: Action = "vcard"
        /// XEP-0096: receive a file.
        public static let recvfile: Action = "recvfile"
        /// XEP-0096: send a file.
        public static let sendfile: Action = "sendfile"
        /// XEP-0166: Jingle session.
        public static let jingle: Action = "jingle"

        // MARK: Conventions outside the registry

        /// Kaidan's login URI `?login;password=…` (protocols.md §9). **Not standard**: not a registered query
        /// type; QXmpp calls it "not formally specified. Used in the wild, e.g. by Kaidan."
        public static let login: Action = "login"
        /// XEP-0434 Trust Message URI. Not registered with the XMPP Registrar.
        public static let trustMessage: Action = "trust-message"

        /// The query types registered with the XMPP Registrar (protocols.md §11).
        public static let registered: Set<Action> = [
            .message, .roster, .remove, .subscribe, .unsubscribe, .register, .unregister, .join, .invite,
            .command, .disco, .pubsub, .vcard, .recvfile, .sendfile, .jingle,
        ]

        /// Whether the XMPP Registrar lists this query type. `login` and `trust-message` are not listed.
        public var isRegistered: Bool { Self.registered.contains(self) }
    }
}
