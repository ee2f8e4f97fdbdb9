import NIOCore
import OpenSSLSupport

/// Puts the project's sans-I/O `TLSEngine` into a NIO pipeline: ciphertext below, plaintext above.
///
/// Writes from above are held until the handshake has completed (and the certificate was verified), then
/// encrypted in order. Used by `HTTPFetcher`; the XMPP connection drives its engine directly because
/// STARTTLS inserts TLS in the middle of a stream.
final class TLSClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var engine: TLSEngine?
    private var isHandshakeComplete = false
    private var heldWrites: [(ByteBuffer, EventLoopPromise<Void>?)] = []

    /// A handler whose engine verifies the server as `serverName` (never the connection's IP or a redirect).
    init(context: TLSContext, serverName: String, alpnProtocols: [String]) throws(TLSError) {
        self.engine = try TLSEngine(context: context, serverName: serverName, alpnProtocols: alpnProtocols)
    }

    func channelActive(context: ChannelHandlerContext) {
        do {
            if let hello = try engine?.start() { send(hello, context: context) }
        } catch {
            fail(error, context: context)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = Self.unwrapInboundIn(data)
        guard let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        let output: TLSOutput?
        do {
            output = try engine?.receive(bytes)
        } catch {
            fail(error, context: context)
            return
        }
        guard let output else { return }
        send(output.toSend, context: context)
        if output.handshakeCompleted {
            isHandshakeComplete = true
            let held = heldWrites
            heldWrites.removeAll()
            for (buffer, promise) in held { encryptAndWrite(buffer, promise: promise, context: context) }
            context.flush()
        }
        if !output.plaintext.isEmpty {
            context.fireChannelRead(Self.wrapInboundOut(ByteBuffer(bytes: output.plaintext)))
        }
        if output.peerClosed { context.close(promise: nil) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let buffer = Self.unwrapOutboundIn(data)
        if isHandshakeComplete {
            encryptAndWrite(buffer, promise: promise, context: context)
        } else {
            heldWrites.append((buffer, promise))
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if isHandshakeComplete, let notify = engine?.close(), !notify.isEmpty {
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(bytes: notify)), promise: nil)
        }
        context.close(mode: mode, promise: promise)
    }

    private func encryptAndWrite(_ buffer: ByteBuffer, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        var buffer = buffer
        let plaintext = buffer.readBytes(length: buffer.readableBytes) ?? []
        do {
            if let ciphertext = try engine?.encrypt(plaintext) {
                context.write(Self.wrapOutboundOut(ByteBuffer(bytes: ciphertext)), promise: promise)
            }
        } catch {
            promise?.fail(error)
            fail(error, context: context)
        }
    }

    private func send(_ bytes: [UInt8], context: ChannelHandlerContext) {
        guard !bytes.isEmpty else { return }
        context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        for (_, promise) in heldWrites { promise?.fail(error) }
        heldWrites.removeAll()
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }
}
