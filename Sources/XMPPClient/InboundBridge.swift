import NIOCore

/// Forwards bytes read from the socket into an `AsyncThrowingStream` owned by the connection actor.
final class InboundBridge: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// `TCP_QUICKACK` (linux/tcp.h: 12), which NIO does not name.
    static let quickAck = ChannelOptions.Types.SocketOption(level: .tcp, name: NIOBSDSocket.Option(rawValue: 12))

    private let continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation

    init(continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = Self.unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes) {
            continuation.yield(bytes)
        }
        // Acknowledge at once: a delayed ACK on our side holds back the server's next Nagle-buffered write
        // (about 40 ms on Linux), and XMPP negotiation is a chain of small request/response exchanges.
        // Linux clears TCP_QUICKACK after use, so it is set again after every read.
        try? context.channel.syncOptions?.setOption(Self.quickAck, value: 1)
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}
