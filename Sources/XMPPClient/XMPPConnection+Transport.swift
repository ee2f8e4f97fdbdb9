import NIOCore
import OpenSSLSupport
import XMLStreamParser
import XMPPCore

extension XMPPConnection {
    /// Sends an element (traced after redaction).
    func send(_ element: Element) async throws {
        let text = element.serialized(parentNamespace: Namespace.client)
        if configuration.trace != nil { rememberForTrace(Redaction.secrets(in: element)) }
        try await sendRaw(text, traced: configuration.trace == nil ? "" : Redaction.redacted(element).serialized(parentNamespace: Namespace.client))
    }

    /// Sends text through TLS when active.
    func sendRaw(_ text: String, traced: String) async throws {
        trace(.sent, traced)
        var bytes = Array(text.utf8)
        do {
            if let encrypted = try tlsEngine?.encrypt(bytes) { bytes = encrypted }
        } catch {
            throw ConnectionError.tls(error)
        }
        try await write(bytes)
    }

    /// Passes `text` to the `--verbose` trace with every secret sent on this connection scrubbed: a server may
    /// echo a password in an error's `<text/>` (security.md §5.2, §8.6 invariant 1).
    func trace(_ direction: TraceDirection, _ text: String) {
        guard let trace = configuration.trace else { return }
        trace(direction, traceSecrets.isEmpty ? text : Redaction.scrubbed(text, removing: traceSecrets))
    }

    /// Records secrets to scrub from the trace (only while tracing).
    func rememberForTrace(_ secrets: [String]) {
        guard configuration.trace != nil else { return }
        // The trace is serialized XML: a secret with `&`, `<`, `'` … appears escaped there.
        for secret in secrets where !secret.isEmpty {
            for form in [secret, XMLEscaping.text(secret), XMLEscaping.attribute(secret)] where !traceSecrets.contains(form) {
                traceSecrets.append(form)
            }
        }
    }

    func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
        } catch {
            throw ConnectionError.closedByPeer
        }
    }

    /// The deadline of a step that starts now (`--timeout`).
    func stepDeadline() -> NIODeadline {
        .now() + .milliseconds(Int64(configuration.timeout * 1000))
    }

    /// The next stream event, reading from the socket as needed until `deadline` (default: one step from now).
    ///
    /// The deadline covers the whole event, not each read: a server dripping a stanza byte by byte cannot
    /// hold the connection open past it (security.md §8.3 X13).
    func nextEvent(step: String, deadline: NIODeadline? = nil) async throws -> StreamEvent {
        let deadline = deadline ?? stepDeadline()
        while pendingEvents.isEmpty {
            let chunk = try await receiveChunk(step: step, deadline: deadline)
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
                let events = isAwaitingTLSProceed ? try feedUntilFirstEvent(plaintext) : try reader.feed(plaintext)
                for case .element(let element) in events {
                    trace(.received, Redaction.redacted(element).serialized(parentNamespace: Namespace.client))
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

    /// Whether `<starttls/>` was sent and `<proceed/>` (or `<failure/>`) is awaited.
    private var isAwaitingTLSProceed: Bool {
        if case .awaitingTLSProceed? = negotiation?.state { return true }
        return false
    }

    /// Feeds `plaintext` up to the first complete stream event and drops the rest unparsed (T12: bytes after
    /// `<proceed/>` in the same segment were sent before TLS and belong to no stream). Whatever that event is,
    /// the plaintext stream ends with it: TLS starts, or negotiation fails. The reader's output does not depend
    /// on how its input is split, so cutting after each `>` is safe.
    private func feedUntilFirstEvent(_ plaintext: [UInt8]) throws(XMLStreamError) -> [StreamEvent] {
        var start = plaintext.startIndex
        while start < plaintext.endIndex {
            let end = plaintext[start...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? plaintext.endIndex
            let events = try reader.feed(plaintext[start..<end])
            if !events.isEmpty { return events }
            start = end
        }
        return []
    }

    /// Reads one chunk from the socket, failing with `timedOut` when `deadline` passes.
    func receiveChunk(step: String, deadline: NIODeadline) async throws -> [UInt8] {
        let continuation = inboundContinuation
        let channel = self.channel
        let timer = channel.eventLoop.scheduleTask(deadline: deadline) {
            continuation.finish(throwing: ConnectionError.timedOut(step: step))
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
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
        let deadline = stepDeadline()
        while !tlsHandshakeDone {
            let chunk = try await receiveChunk(step: "TLS handshake", deadline: deadline)
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
