import NIOCore
import OpenSSLSupport
import XMLStreamParser
import XMPPCore

extension XMPPConnection {
    /// Sends an element (traced after redaction).
    func send(_ element: Element) async throws {
        let text = element.serialized(parentNamespace: Namespace.client)
        try await sendRaw(text, traced: configuration.trace == nil ? "" : Redaction.redacted(element).serialized(parentNamespace: Namespace.client))
    }

    /// Sends text through TLS when active.
    func sendRaw(_ text: String, traced: String) async throws {
        configuration.trace?(.sent, traced)
        var bytes = Array(text.utf8)
        do {
            if let encrypted = try tlsEngine?.encrypt(bytes) { bytes = encrypted }
        } catch {
            throw ConnectionError.tls(error)
        }
        try await write(bytes)
    }

    func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
        } catch {
            throw ConnectionError.closedByPeer
        }
        // The reply follows at once: acknowledge it without the delayed-ACK wait, or a server that writes its
        // answer in several small TLS records with Nagle on (Prosody: NewSessionTicket, then stream header,
        // then features) stalls ~40 ms for our ACK. Linux clears the flag by itself, so it is set per request.
        #if os(Linux)
            try? await channel.setOption(Self.quickACK, value: 1).get()
        #endif
    }

    #if os(Linux)
        static let quickACK = ChannelOptions.Types.SocketOption(level: .tcp, name: .init(rawValue: 12))  // TCP_QUICKACK
    #endif

    /// The next stream event, reading from the socket under the step deadline as needed.
    func nextEvent(step: String) async throws -> StreamEvent {
        while pendingEvents.isEmpty {
            let chunk = try await receiveChunk(step: step)
            var plaintext = chunk
            let decrypted: TLSOutput?
            do {
                decrypted = try tlsEngine?.receive(chunk)
            } catch {
                throw ConnectionError.tls(error)
            }
            if let decrypted {
                try await write(decrypted.toSend)
                plaintext = decrypted.plaintext
            }
            guard !plaintext.isEmpty else { continue }
            do {
                let events = try reader.feed(plaintext)
                for case .element(let element) in events {
                    configuration.trace?(.received, Redaction.redacted(element).serialized(parentNamespace: Namespace.client))
                }
                pendingEvents.append(contentsOf: events)
            } catch {
                try? await send(StreamError(error.streamCondition).element)
                await abort()
                throw ConnectionError.xml(error)
            }
        }
        return pendingEvents.removeFirst()
    }

    /// Reads one chunk from the socket, failing with `timedOut` when the step deadline passes.
    func receiveChunk(step: String) async throws -> [UInt8] {
        let continuation = inboundContinuation
        let channel = self.channel
        let deadline = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(configuration.timeout * 1000))) {
            continuation.finish(throwing: ConnectionError.timedOut(step: step))
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        do {
            // The iterator wraps the stream's shared storage: advance a copy in this actor, then keep it.
            var iterator = inbound
            defer { inbound = iterator }
            guard let chunk = try await iterator.next(isolation: self) else {
                isClosed = true
                throw ConnectionError.closedByPeer
            }
            return chunk
        } catch let error as ConnectionError {
            isClosed = true
            throw error
        } catch {
            isClosed = true
            throw ConnectionError.closedByPeer
        }
    }

    /// Discards the XML reader and anything parsed but not yet consumed (stream restart, RFC 6120 §4.3.3).
    func resetReader() {
        reader = StreamReader(limits: configuration.limits)
        pendingEvents.removeAll()
    }

    /// Runs the TLS handshake over the socket with the XMPP domain as SNI and reference identity.
    func performTLSHandshake(alpn: [String]) async throws {
        let engine: TLSEngine
        do {
            engine = try TLSEngine(context: tlsContext, serverName: configuration.domain, alpnProtocols: alpn)
        } catch {
            throw ConnectionError.tls(error)
        }
        tlsEngine = consume engine
        tlsHandshakeDone = false
        do {
            if let hello = try tlsEngine?.start() { try await write(hello) }
        } catch let error as TLSError {
            throw ConnectionError.tls(error)
        }
        while !tlsHandshakeDone {
            let chunk = try await receiveChunk(step: "TLS handshake")
            let output: TLSOutput?
            do {
                output = try tlsEngine?.receive(chunk)
            } catch {
                if let alert = tlsEngine?.close() { try? await write(alert) }
                tlsEngine = nil
                throw ConnectionError.tls(error)
            }
            guard let output else { preconditionFailure("TLS engine missing during handshake") }
            try await write(output.toSend)
            if output.handshakeCompleted {
                tlsHandshakeDone = true
                tlsInfo = tlsEngine?.connectionInfo
                if !output.plaintext.isEmpty {
                    do {
                        pendingEvents.append(contentsOf: try reader.feed(output.plaintext))
                    } catch {
                        throw ConnectionError.xml(error)
                    }
                }
            }
        }
    }

    /// The channel-binding data the negotiation may use.
    func currentTLSChannel() -> StreamNegotiation.TLSChannel {
        let available = tlsEngine?.availableChannelBindings ?? []
        var data: [ChannelBindingType: [UInt8]] = [:]
        for type in available {
            if let bytes = tlsEngine?.channelBinding(type) { data[type] = bytes }
        }
        return .init(availableBindings: available, channelBindings: data)
    }

    /// Closes the socket without ceremony (after errors), sending TLS close_notify when possible.
    public func abort() async {
        guard !isClosed else { return }
        isClosed = true
        if let notify = tlsEngine?.close(), !notify.isEmpty {
            try? await channel.writeAndFlush(ByteBuffer(bytes: notify)).get()
        }
        try? await channel.close().get()
    }
}
