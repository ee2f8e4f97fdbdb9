/// Client-side stream negotiation (RFC 6120 §4–§7): STARTTLS, SASL, resource binding — or a stop before
/// SASL for in-band registration (XEP-0077).
///
/// A value: feed it stream events, perform the actions it returns. No sockets, clocks or randomness: ids
/// and nonces are injected. TLS is mandatory and decided here, in one place: a plaintext stream without
/// `<starttls/>` fails (security.md §2.4, T10), and nothing but `<starttls/>` is ever sent before TLS.
public struct StreamNegotiation: Sendable {
    /// What the negotiation is for.
    public enum Intent: Sendable, Hashable {
        /// Authenticate with these credentials and bind a resource.
        case authenticate(Credentials)
        /// Stop after TLS in `readyForRegistration`; `authenticate(with:)` may follow on the same stream.
        case register
    }

    /// The account's localpart and password (redacted in descriptions).
    public struct Credentials: Sendable, Hashable, CustomStringConvertible {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        public var description: String { "Credentials(username: \(username), password: <redacted>)" }
    }

    /// What the driver learned from the TLS layer once the handshake completed.
    public struct TLSChannel: Sendable, Hashable {
        /// Channel-binding data this connection can supply, strongest type first.
        public var channelBindings: [ChannelBindingType: [UInt8]]
        public var availableBindings: [ChannelBindingType]

        public init(availableBindings: [ChannelBindingType], channelBindings: [ChannelBindingType: [UInt8]]) {
            self.availableBindings = availableBindings
            self.channelBindings = channelBindings
        }
    }

    /// Fixed inputs.
    public struct Configuration: Sendable {
        /// The XMPP domain (A-label), the stream's `to`.
        public var domain: String
        public var intent: Intent
        /// Requested resource, or `nil` to let the server choose (RFC 6120 §7.6).
        public var resource: String?
        /// SCRAM client nonce (from a CSPRNG).
        public var clientNonce: String
        /// Prefix for the IQ ids this machine sends.
        public var idPrefix: String
        public var crypto: any CryptoPrimitives

        public init(
            domain: String, intent: Intent, resource: String? = nil, clientNonce: String, idPrefix: String,
            crypto: any CryptoPrimitives
        ) {
            self.domain = domain
            self.intent = intent
            self.resource = resource
            self.clientNonce = clientNonce
            self.idPrefix = idPrefix
            self.crypto = crypto
        }
    }

    /// Where the negotiation stands.
    public enum State: Sendable {
        /// Not started.
        case idle
        /// Sent our stream header; waiting for the server's.
        case awaitingStreamHeader(isAuthenticated: Bool)
        /// Waiting for `<stream:features/>` on a fresh stream.
        case awaitingFeatures(isAuthenticated: Bool)
        /// Sent `<starttls/>`; waiting for `<proceed/>` or `<failure/>`.
        case awaitingTLSProceed
        /// Received `<proceed/>`; the driver performs the TLS handshake.
        case awaitingTLSHandshake
        /// SASL exchange in progress.
        case authenticating(SASLExchange, MechanismSelection)
        /// Sent the bind IQ with this id.
        case binding(requestID: String, requiresSession: Bool)
        /// Sent the legacy session IQ with this id.
        case establishingSession(requestID: String, boundJID: JID)
        /// TLS is up and the intent was registration: the registration flow takes over.
        case readyForRegistration(StreamFeatures)
        /// Authenticated and bound.
        case established(boundJID: JID)
        /// Negotiation failed; terminal.
        case failed(NegotiationError)
    }

    /// What the driver must do.
    public enum Action: Sendable, Hashable {
        /// Send this stream header; when `resetParser`, first discard the parser and any buffered input.
        case openStream(OutgoingStreamHeader, resetParser: Bool)
        /// Send this element.
        case send(Element)
        /// Start the TLS handshake now; discard any plaintext received after `<proceed/>` (T12).
        case startTLS
        /// Ready for XEP-0077 on this stream.
        case readyForRegistration(StreamFeatures)
        /// Authenticated and bound; stanzas may flow.
        case established(JID, MechanismSelection?)
        /// Close the connection, sending this stream error first if any.
        case close(StreamError.Condition?)
    }

    public private(set) var state: State = .idle
    public let configuration: Configuration
    /// The features offered on the current stream (after TLS, after SASL).
    public private(set) var lastFeatures: StreamFeatures?
    /// The SASL mechanism used, once authenticated.
    public private(set) var mechanismUsed: MechanismSelection?
    private var tlsChannel: TLSChannel?
    private var nextID = 0

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    // MARK: - Events

    /// Opens the first stream. With Direct TLS (XEP-0368) the driver has already completed the handshake and
    /// passes its channel; with STARTTLS it passes `nil`.
    public mutating func start(directTLS: TLSChannel?) -> [Action] {
        guard case .idle = state else { preconditionFailure("start() called twice") }
        tlsChannel = directTLS
        state = .awaitingStreamHeader(isAuthenticated: false)
        return [.openStream(header(), resetParser: false)]
    }

    /// The TLS handshake after `<proceed/>` completed and the certificate was verified.
    public mutating func tlsEstablished(_ channel: TLSChannel) -> [Action] {
        guard case .awaitingTLSHandshake = state else { preconditionFailure("tlsEstablished in \(state)") }
        tlsChannel = channel
        state = .awaitingStreamHeader(isAuthenticated: false)
        return [.openStream(header(), resetParser: true)]
    }

    /// Starts SASL on a stream that was negotiated for registration (after the account was created).
    public mutating func authenticate(with credentials: Credentials) -> [Action] {
        guard case .readyForRegistration(let features) = state else {
            preconditionFailure("authenticate(with:) in \(state)")
        }
        return beginSASL(features: features, credentials: credentials)
    }

    /// A stream event from the parser.
    public mutating func receive(_ event: StreamEvent) -> [Action] {
        if case .failed = state { return [] }
        switch event {
        case .opened:
            guard case .awaitingStreamHeader(let authenticated) = state else {
                return fail(.unexpected("stream header"), close: .invalidXML)
            }
            state = .awaitingFeatures(isAuthenticated: authenticated)
            return []
        case .closed:
            return fail(.streamClosed, close: nil)
        case .element(let element):
            if let streamError = StreamError(parsing: element) {
                return fail(.streamError(streamError), close: nil)
            }
            return receive(element)
        }
    }

    // MARK: - Transitions

    private mutating func receive(_ element: Element) -> [Action] {
        switch state {
        case .awaitingFeatures(let authenticated):
            guard let features = StreamFeatures(parsing: element) else { return unexpected(element) }
            lastFeatures = features
            return receiveFeatures(features, authenticated: authenticated)
        case .awaitingTLSProceed:
            if element.is("proceed", Namespace.tls) {
                state = .awaitingTLSHandshake
                return [.startTLS]
            }
            if element.is("failure", Namespace.tls) { return fail(.tlsRefused, close: nil) }
            return unexpected(element)
        case .authenticating(var exchange, let selection):
            do {
                switch try exchange.receive(element) {
                case .send(let response):
                    state = .authenticating(exchange, selection)
                    return [.send(response)]
                case .succeeded:
                    mechanismUsed = selection
                    state = .awaitingStreamHeader(isAuthenticated: true)
                    return [.openStream(header(), resetParser: true)]
                }
            } catch {
                return fail(.sasl(error), close: nil)
            }
        case .binding(let requestID, let requiresSession):
            return receiveBindResult(element, requestID: requestID, requiresSession: requiresSession)
        case .establishingSession(let requestID, let boundJID):
            guard let iq = IQ(parsing: element), iq.id == requestID, iq.type == .result || iq.type == .error else {
                return unexpected(element)
            }
            if iq.type == .error { return fail(.sessionFailed(iq.error), close: nil) }
            state = .established(boundJID: boundJID)
            return [.established(boundJID, mechanismUsed)]
        case .idle, .awaitingStreamHeader, .awaitingTLSHandshake, .readyForRegistration, .established, .failed:
            return unexpected(element)
        }
    }

    private mutating func receiveFeatures(_ features: StreamFeatures, authenticated: Bool) -> [Action] {
        guard tlsChannel != nil else {
            guard features.offersStartTLS else { return fail(.tlsNotOffered, close: .policyViolation) }
            state = .awaitingTLSProceed
            return [.send(Element("starttls", namespace: Namespace.tls))]
        }
        if authenticated {
            guard features.offersBind else { return fail(.bindNotOffered, close: nil) }
            let id = makeID()
            var bind = Element("bind", namespace: Namespace.bind)
            if let resource = configuration.resource {
                bind.append(Element("resource", namespace: Namespace.bind, text: resource))
            }
            state = .binding(requestID: id, requiresSession: features.requiresSession)
            return [.send(IQ(type: .set, id: id, payload: bind).element)]
        }
        switch configuration.intent {
        case .register:
            state = .readyForRegistration(features)
            return [.readyForRegistration(features)]
        case .authenticate(let credentials):
            return beginSASL(features: features, credentials: credentials)
        }
    }

    private mutating func beginSASL(features: StreamFeatures, credentials: Credentials) -> [Action] {
        let channel = tlsChannel ?? TLSChannel(availableBindings: [], channelBindings: [:])
        let serverBindings = features.channelBindingTypes.map { $0.compactMap(ChannelBindingType.init(rawValue:)) }
        let hasUnknownTypes = features.channelBindingTypes.map { $0.contains { ChannelBindingType(rawValue: $0) == nil } } ?? false
        do {
            let selection = try MechanismSelection.select(
                offered: features.mechanisms,
                serverChannelBindings: serverBindings,
                unknownServerBindingTypes: hasUnknownTypes,
                available: channel.availableBindings,
                isTLSVerified: tlsChannel != nil
            )
            var bindingData: [UInt8]?
            if case .bound(let type) = selection.binding { bindingData = channel.channelBindings[type] }
            var exchange = SASLExchange(
                selection: selection,
                username: credentials.username,
                password: credentials.password,
                clientNonce: configuration.clientNonce,
                bindingData: bindingData,
                downgradeProtection: DowngradeProtectionInput(
                    mechanisms: features.mechanisms, channelBindingTypes: features.channelBindingTypes),
                crypto: configuration.crypto
            )
            let auth = try exchange.start()
            state = .authenticating(exchange, selection)
            return [.send(auth)]
        } catch let error as SASLPolicyError {
            return fail(.saslPolicy(error), close: nil)
        } catch let error as SASLError {
            return fail(.sasl(error), close: nil)
        } catch {
            return fail(.unexpected("SASL start"), close: nil)
        }
    }

    private mutating func receiveBindResult(_ element: Element, requestID: String, requiresSession: Bool) -> [Action] {
        guard let iq = IQ(parsing: element), iq.id == requestID, iq.type == .result || iq.type == .error else {
            return unexpected(element)
        }
        if iq.type == .error { return fail(.bindFailed(iq.error), close: nil) }
        let text = iq.payload?.child("jid", namespace: Namespace.bind)?.text.trimmingASCIIWhitespace() ?? ""
        guard let jid = try? JID(text), jid.resourcepart != nil else {
            return fail(.invalidBoundJID(TerminalText.neutralized(text, maximumLength: 100)), close: nil)
        }
        if requiresSession {
            let id = makeID()
            state = .establishingSession(requestID: id, boundJID: jid)
            return [.send(IQ(type: .set, id: id, payload: Element("session", namespace: Namespace.session)).element)]
        }
        state = .established(boundJID: jid)
        return [.established(jid, mechanismUsed)]
    }

    // MARK: - Helpers

    private func header() -> OutgoingStreamHeader {
        var from: String?
        if tlsChannel != nil, case .authenticate(let credentials) = configuration.intent {
            from = "\(credentials.username)@\(configuration.domain)"
        }
        return OutgoingStreamHeader(to: configuration.domain, from: from)
    }

    private mutating func makeID() -> String {
        nextID += 1
        return "\(configuration.idPrefix)\(nextID)"
    }

    private mutating func unexpected(_ element: Element) -> [Action] {
        fail(.unexpected("<\(element.name) xmlns='\(element.namespace)'>"), close: .unsupportedStanzaType)
    }

    private mutating func fail(_ error: NegotiationError, close condition: StreamError.Condition?) -> [Action] {
        state = .failed(error)
        return [.close(condition)]
    }
}
