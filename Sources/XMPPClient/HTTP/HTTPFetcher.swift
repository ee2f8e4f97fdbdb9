// FoundationEssentials, not Foundation: Foundation brings _FoundationICU, whose ICU headers clash with the
// system ICU headers that libxml2 includes (CLibXML2, visible in this module through XMLStreamParser).
import FoundationEssentials
import NIOCore
import NIOHTTP1
import NIOPosix
import OpenSSLSupport

/// A small HTTP/1.1 GET client for documents (provider lists, provider files, CAPTCHA images).
///
/// TLS is the project's own engine (system OpenSSL, the host name as reference identity, no way to skip
/// verification); HTTP framing is NIOHTTP1's. Plain `http://` is refused unless the caller allows it (tests on
/// loopback). Bodies are bounded, redirects are not followed here (the caller checks each hop's policy).
public struct HTTPFetcher: Sendable {
    /// What the server answered.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// The first header value with this name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// Why a request failed.
    public enum FetchError: Error, Sendable {
        case invalidURL(String)
        case plainHTTPNotAllowed(String)
        case tooLarge(limit: Int)
        case timedOut
        case connectionFailed(String)
        case tls(TLSError)
        case malformedResponse
    }

    public var tls: TLSConfiguration
    public var timeout: Double
    public var maximumSize: Int

    public init(tls: TLSConfiguration = TLSConfiguration(), timeout: Double = 30, maximumSize: Int = 16 * 1024 * 1024) {
        self.tls = tls
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// GETs `url` with `headers` (Host, Connection: close and Accept-Encoding: identity are added).
    public func get(
        _ url: URL, headers: [(String, String)] = [], allowPlainHTTP: Bool = false
    ) async throws -> Response {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw FetchError.invalidURL(url.absoluteString)
        }
        let isTLS = scheme == "https"
        guard isTLS || (scheme == "http" && allowPlainHTTP) else {
            throw FetchError.plainHTTPNotAllowed(url.absoluteString)
        }
        let port = url.port ?? (isTLS ? 443 : 80)
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }

        // Handlers are made inside the channel initializer, on the channel's event loop (they are not Sendable).
        var tlsContext: TLSContext?
        if isTLS {
            do {
                tlsContext = try TLSContext(configuration: tls)
            } catch {
                throw FetchError.tls(error)
            }
        }
        let serverName = host.lowercased()
        let context = tlsContext
        let maximumSize = self.maximumSize
        let promise = ClientThreads.eventLoopGroup.any().makePromise(of: Response.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: ClientThreads.eventLoopGroup)
                .connectTimeout(.milliseconds(Int64(timeout * 1000)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        if let context {
                            try sync.addHandler(TLSClientHandler(context: context, serverName: serverName, alpnProtocols: []))
                        }
                        try sync.addHandler(HTTPRequestEncoder())
                        try sync.addHandler(ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .dropBytes)))
                        try sync.addHandler(ResponseCollector(promise: promise, maximumSize: maximumSize))
                    }
                }
                .connect(host: host, port: port)
                .get()
        } catch let error as TLSError {
            throw FetchError.tls(error)
        } catch {
            throw FetchError.connectionFailed("\(error)")
        }
        let deadline = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
            promise.fail(FetchError.timedOut)
            channel.close(promise: nil)
        }
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target)
        head.headers.add(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
        head.headers.add(name: "Connection", value: "close")
        head.headers.add(name: "Accept-Encoding", value: "identity")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        return try await promise.futureResult.get()
    }
}

/// Collects one response; fails on overflow, early close or errors (TLS errors keep their type).
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<HTTPFetcher.Response>
    private let maximumSize: Int
    private var response = HTTPFetcher.Response(status: 0, headers: [], body: [])
    private var isDone = false

    init(promise: EventLoopPromise<HTTPFetcher.Response>, maximumSize: Int) {
        self.promise = promise
        self.maximumSize = maximumSize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isDone else { return }
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            response.status = Int(head.status.code)
            response.headers = head.headers.map { (name: $0.name, value: $0.value) }
        case .body(var buffer):
            guard response.body.count + buffer.readableBytes <= maximumSize else {
                finish(.failure(HTTPFetcher.FetchError.tooLarge(limit: maximumSize)), context: context)
                return
            }
            response.body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            finish(.success(response), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(HTTPFetcher.FetchError.malformedResponse), context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let tlsError = error as? TLSError {
            finish(.failure(HTTPFetcher.FetchError.tls(tlsError)), context: context)
        } else if error is HTTPParserError {
            finish(.failure(HTTPFetcher.FetchError.malformedResponse), context: context)
        } else {
            finish(.failure(HTTPFetcher.FetchError.connectionFailed("\(error)")), context: context)
        }
    }

    private func finish(_ result: Result<HTTPFetcher.Response, any Error>, context: ChannelHandlerContext) {
        guard !isDone else { return }
        isDone = true
        promise.completeWith(result)
        context.close(promise: nil)
    }
}
