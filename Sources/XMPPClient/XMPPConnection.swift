import NIOCore
import NIOPosix
import OpenSSLSupport
import XMLStreamParser
import XMPPCore

/// One client connection to an XMPP server: the only code that does network I/O.
///
/// An actor owns the socket, the TLS engine and the XML reader, and drives the sans-I/O state machines of
/// `XMPPCore` (`StreamNegotiation`, `IQTracker`) by performing the actions they return.
public actor XMPPConnection {
    /// How to connect.
    public struct Configuration: Sendable {
        /// The XMPP domain as an A-label: stream `to`, SNI and the TLS reference identity (never the SRV target).
        public var domain: String
        /// `host[:port]` to connect to instead of resolving SRV records (`--host`).
        public var explicitHost: String?
        public var tlsMode: TLSMode
        public var tls: TLSConfiguration
        /// Deadline in seconds for each protocol step (connect, handshake, each reply).
        public var timeout: Double
        /// Test-only DNS server override (see `SRVResolver`).
        public var nameServer: (host: String, port: Int)?
        public var limits: StreamLimits
        /// Receives a redacted copy of the XML sent and received (`--verbose`).
        public var trace: (@Sendable (TraceDirection, String) -> Void)?

        public init(
            domain: String, explicitHost: String? = nil, tlsMode: TLSMode = .automatic,
            tls: TLSConfiguration = TLSConfiguration(), timeout: Double = 30,
            nameServer: (host: String, port: Int)? = nil, limits: StreamLimits = .default,
            trace: (@Sendable (TraceDirection, String) -> Void)? = nil
        ) {
            self.domain = domain
            self.explicitHost = explicitHost
            self.tlsMode = tlsMode
            self.tls = tls
            self.timeout = timeout
            self.nameServer = nameServer
            self.limits = limits
            self.trace = trace
        }
    }

    /// Direction of a traced chunk.
    public enum TraceDirection: Sendable {
        case sent, received
    }

    /// What negotiation produced.
    public enum NegotiationOutcome: Sendable {
        case established(JID)
        case readyForRegistration(StreamFeatures)
    }

    let configuration: Configuration
    let channel: any Channel
    /// The endpoint actually connected to.
    nonisolated public let endpoint: Endpoint
    var inbound: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
    let inboundContinuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    let tlsContext: TLSContext
    var tlsEngine: TLSEngine?
    /// Whether `tlsEngine` finished its handshake (application data may flow).
    var tlsHandshakeDone = false
    var reader: StreamReader
    var pendingEvents: [StreamEvent] = []
    var negotiation: StreamNegotiation?
    var tracker: IQTracker
    let idPrefix: String
    var nextID = 0
    var isClosed = false
    /// A request to send together with the stream header of the encrypted registration stream (see
    /// `negotiateForRegistration(crypto:pipelining:)`); sent once, then cleared.
    var pipelinedRequest: IQ?
    /// Secrets sent on this connection (passwords, tokens), scrubbed from the `--verbose` trace; kept only while
    /// tracing.
    var traceSecrets: [String] = []

    /// The TLS session details once TLS is up.
    public internal(set) var tlsInfo: TLSConnectionInfo?
    /// The SASL mechanism and channel binding used, once authenticated.
    public internal(set) var mechanism: MechanismSelection?
    /// The features of the last stream.
    public var features: StreamFeatures? { negotiation?.lastFeatures }

    init(
        configuration: Configuration, channel: any Channel, endpoint: Endpoint,
        stream: AsyncThrowingStream<[UInt8], any Error>, continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation,
        tlsContext: TLSContext
    ) {
        self.configuration = configuration
        self.channel = channel
        self.endpoint = endpoint
        self.inbound = stream.makeAsyncIterator()
        self.inboundContinuation = continuation
        self.tlsContext = tlsContext
        self.reader = StreamReader(limits: configuration.limits)
        self.tracker = IQTracker(accountDomain: configuration.domain)
        self.idPrefix = "xo" + String(UInt32.random(in: 0...UInt32.max), radix: 36) + "-"
    }

    // MARK: - Opening

    /// Resolves the domain, connects over TCP (Happy Eyeballs, IPv4 and IPv6) and, for Direct TLS, completes
    /// the TLS handshake. Endpoints are tried in order until one accepts the TCP connection.
    public static func open(_ configuration: Configuration) async throws -> XMPPConnection {
        let tlsContext: TLSContext
        do {
            tlsContext = try TLSContext(configuration: configuration.tls)
        } catch {
            throw ConnectionError.tls(error)
        }
        let endpoints = try await resolve(configuration)
        var lastError = ConnectionError.connectFailed(host: configuration.domain, port: 0, detail: "no endpoint")
        for endpoint in endpoints {
            let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            let channel: any Channel
            do {
                channel = try await ClientBootstrap(group: ClientThreads.eventLoopGroup)
                    .connectTimeout(.milliseconds(Int64(configuration.timeout * 1000)))
                    .channelOption(.socketOption(.tcp_nodelay), value: 1)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(InboundBridge(continuation: continuation))
                        }
                    }
                    .connect(host: endpoint.host, port: endpoint.port)
                    .get()
            } catch let error as ChannelError where error == .connectTimeout(.milliseconds(Int64(configuration.timeout * 1000))) {
                lastError = .timedOut(step: "connect")
                continue
            } catch {
                lastError = .connectFailed(host: endpoint.host, port: endpoint.port, detail: "\(error)")
                continue
            }
            let connection = XMPPConnection(
                configuration: configuration, channel: channel, endpoint: endpoint, stream: stream,
                continuation: continuation, tlsContext: tlsContext
            )
            if endpoint.directTLS {
                do {
                    try await connection.performTLSHandshake(alpn: ["xmpp-client"])
                } catch {
                    await connection.abort()
                    throw error
                }
            }
            return connection
        }
        throw lastError
    }

    private static func resolve(_ configuration: Configuration) async throws -> [Endpoint] {
        let resolver = EndpointResolver(resolver: SRVResolver(nameServer: configuration.nameServer))
        // res_nquery blocks: run it on NIO's thread pool, not on the cooperative pool.
        let result: Result<[Endpoint], EndpointResolver.ResolutionError> = try await ClientThreads.blockingPool.runIfActive {
            Result { () throws(EndpointResolver.ResolutionError) in
                try resolver.endpoints(
                    domain: configuration.domain, explicitHost: configuration.explicitHost, mode: configuration.tlsMode
                )
            }
        }
        switch result {
        case .success(let endpoints): return endpoints
        case .failure(let error): throw ConnectionError.resolution(error)
        }
    }

    // MARK: - Negotiation

    /// Runs stream negotiation (STARTTLS, SASL, bind — or up to registration) to completion.
    public func negotiate(
        _ intent: StreamNegotiation.Intent, resource: String? = nil, crypto: any CryptoPrimitives
    ) async throws -> NegotiationOutcome {
        if case .authenticate(let credentials) = intent { rememberForTrace([credentials.password]) }
        var machine = StreamNegotiation(
            configuration: .init(
                domain: configuration.domain, intent: intent, resource: resource,
                clientNonce: Self.makeNonce(), idPrefix: idPrefix + "n", crypto: crypto
            )
        )
        var directChannel: StreamNegotiation.TLSChannel?
        if tlsEngine != nil { directChannel = currentTLSChannel() }
        negotiation = machine
        var actions = machine.start(directTLS: directChannel)
        negotiation = machine
        while true {
            for action in actions {
                if let outcome = try await perform(action) { return outcome }
            }
            let event = try await nextEvent(step: "negotiation")
            guard var current = negotiation else { preconditionFailure("negotiation missing") }
            actions = current.receive(event)
            negotiation = current
        }
    }

    func perform(_ action: StreamNegotiation.Action) async throws -> NegotiationOutcome? {
        switch action {
        case .openStream(let header, let resetParser):
            if resetParser { resetReader() }
            if tlsHandshakeDone, let request = pipelinedRequest {
                // XEP-0077 on this stream needs no further negotiation: the form request travels with the header
                // (XEP-0305 pipelining); TLS is up and the certificate verified before anything is written.
                pipelinedRequest = nil
                tracker.register(request)
                let body = request.element.serialized(parentNamespace: Namespace.client)
                rememberForTrace(Redaction.secrets(in: request.element))
                let traced = configuration.trace == nil ? "" : header.serialized + Redaction.redacted(request.element).serialized(parentNamespace: Namespace.client)
                try await sendRaw(header.serialized + body, traced: traced)
            } else {
                try await sendRaw(header.serialized, traced: header.serialized)
            }
        case .send(let element):
            try await send(element)
        case .startTLS:
            // T12: whatever arrived after <proceed/> in plaintext is discarded, never parsed.
            resetReader()
            try await performTLSHandshake(alpn: [])
            guard var machine = negotiation else { preconditionFailure("negotiation missing") }
            let next = machine.tlsEstablished(currentTLSChannel())
            negotiation = machine
            for action in next {
                if let outcome = try await perform(action) { return outcome }
            }
        case .readyForRegistration(let features):
            return .readyForRegistration(features)
        case .established(let jid, let selection):
            mechanism = selection
            tracker.setAccount(bareJID: jid.bare.description)
            return .established(jid)
        case .close(let condition):
            if let condition { try? await send(StreamError(condition).element) }
            await abort()
            if case .failed(let error)? = negotiation?.state { throw ConnectionError.negotiation(error) }
            throw ConnectionError.closedByPeer
        }
        return nil
    }

    // MARK: - Requests

    /// A fresh IQ id, unique on this connection.
    public func makeID() -> String {
        nextID += 1
        return "\(idPrefix)\(nextID)"
    }

    /// Sends an IQ request and waits for its matching response (RFC 6120 §8.2.3). Unmatched results are
    /// ignored; requests from the server are answered `service-unavailable`. One deadline covers the whole
    /// wait, so a stream of unrelated stanzas cannot keep it open (security.md §8.3 X16).
    /// Secrets about to be sent that the element alone does not reveal (answers to `text-private` fields of a
    /// submit form): scrubbed from the `--verbose` trace from now on, the outgoing element included.
    public func rememberSecrets(_ secrets: [String]) {
        rememberForTrace(secrets)
    }

    public func request(_ iq: IQ, step: String = "iq") async throws -> IQ {
        tracker.register(iq)
        try await send(iq.element)
        return try await response(to: iq.id, step: step)
    }

    /// Waits for the response to a request already sent (pipelined, or by `request(_:step:)`), under one
    /// deadline for the whole wait (unrelated traffic does not extend it, security.md X13/X16).
    public func response(to id: String, step: String = "iq") async throws -> IQ {
        let deadline = stepDeadline()
        while true {
            let event = try await nextEvent(step: step, deadline: deadline)
            switch event {
            case .closed:
                throw ConnectionError.closedByPeer
            case .opened:
                throw ConnectionError.negotiation(.unexpected("stream header"))
            case .element(let element):
                if let streamError = StreamError(parsing: element) {
                    await abort()
                    throw ConnectionError.negotiation(.streamError(streamError))
                }
                guard let received = IQ(parsing: element) else { continue }
                switch tracker.receive(received) {
                case .response(let response) where response.id == id:
                    return response
                case .response, .unmatched:
                    continue
                case .request(let request):
                    var reply = IQ(type: .error, id: request.id, to: request.from)
                    reply.error = StanzaError(type: .cancel, condition: .serviceUnavailable)
                    try await send(reply.element)
                }
            }
        }
    }

    /// Closes the stream politely and the connection.
    public func close() async {
        guard !isClosed else { return }
        try? await sendRaw(OutgoingStreamHeader.closing, traced: OutgoingStreamHeader.closing)
        await abort()
    }

    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
