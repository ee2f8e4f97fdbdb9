import OpenSSLSupport
import Testing

/// Closing, misuse and terminal failure of `TLSEngine`.
@Suite struct TLSEngineLifecycleTests {
    @Test("close_notify from the server without data throws peerClosed")
    func serverCloses() throws {
        var session = try TLSSession()
        try session.handshake()
        #expect(throws: TLSError.peerClosed) { try session.client.receive(session.server.close()) }
        #expect(throws: TLSError.peerClosed) { try session.client.encrypt([1]) }
        let closeAlert = session.client.close()
        #expect(!closeAlert.isEmpty, "the client answers with its own close_notify")
    }

    @Test("data before close_notify is delivered first", arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func dataThenClose(version: TLSServerEngine.ProtocolVersion) throws {
        var session = try TLSSession { $0.maximumVersion = version }
        try session.handshake()
        let bytes = session.server.encrypt(Array("</stream:stream>".utf8)) + session.server.close()
        let output = try session.client.receive(bytes)
        #expect(output.plaintext == Array("</stream:stream>".utf8))
        #expect(output.peerClosed)
        #expect(throws: TLSError.peerClosed) { try session.client.receive([]) }
    }

    @Test("close() sends close_notify; the engine refuses further use")
    func clientCloses() throws {
        var session = try TLSSession()
        try session.handshake()
        let alert = session.client.close()
        #expect(alert.first == 0x17 || alert.first == 0x15)  // TLS 1.3 wraps alerts in application_data
        let output = session.server.receive(alert)
        #expect(output.failure == nil)
        #expect(throws: TLSError.closed) { try session.client.encrypt([1]) }
        #expect(throws: TLSError.closed) { try session.client.receive([]) }
        let closeAlert = session.client.close()
        #expect(closeAlert.isEmpty)
    }

    @Test("encrypt before the handshake throws handshakeIncomplete")
    func encryptTooEarly() throws {
        var session = try TLSSession()
        #expect(throws: TLSError.handshakeIncomplete) { try session.client.encrypt([1]) }
        _ = try session.client.start()
        #expect(throws: TLSError.handshakeIncomplete) { try session.client.encrypt([1]) }
        let endPoint = session.client.channelBinding(.tlsServerEndPoint)
        #expect(endPoint == nil)
        let available = session.client.availableChannelBindings
        #expect(available.isEmpty)
        let closeAlert = session.client.close()
        #expect(closeAlert.isEmpty, "no close_notify before the handshake")
    }

    @Test("garbage from the server fails the handshake, and the failure is terminal")
    func garbage() throws {
        var session = try TLSSession()
        _ = try session.client.start()
        let garbage = Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)
        var first: TLSError?
        do {
            _ = try session.client.receive(garbage)
        } catch {
            first = error
        }
        guard case .handshakeFailed(let details) = first else {
            Issue.record("expected handshakeFailed, got \(String(describing: first))")
            return
        }
        #expect(!details.isEmpty)
        #expect(throws: TLSError.handshakeFailed(details)) { try session.client.receive([0x16]) }
        #expect(throws: TLSError.handshakeFailed(details)) { try session.client.start() }
    }

    @Test("a corrupted record after the handshake is a protocol error")
    func corruptedRecord() throws {
        var session = try TLSSession()
        try session.handshake()
        var record = session.server.encrypt(Array("hello".utf8))
        record[record.count - 1] ^= 0xFF
        #expect {
            try session.client.receive(record)
        } throws: { error in
            guard case TLSError.protocolError(let details) = error else { return false }
            return !details.isEmpty
        }
    }
}

/// Post-handshake messages from the server.
@Suite struct TLSEnginePostHandshakeTests {
    /// OpenSSL answers a requested KeyUpdate with the client's next record (RFC 8446 §4.6.3 allows that).
    @Test("TLS 1.3 KeyUpdate is answered and data keeps flowing both ways")
    func keyUpdate() throws {
        var session = try TLSSession()
        try session.handshake()
        let update = session.server.requestKeyUpdate()
        #expect(!update.isEmpty)
        let output = try session.client.receive(update + session.server.encrypt(Array("after".utf8)))
        #expect(output.plaintext == Array("after".utf8))
        #expect(session.server.receive(output.toSend).failure == nil)
        #expect(try session.sendToServer(Array("still readable".utf8)) == Array("still readable".utf8))
        #expect(try session.sendToClient(Array("and back".utf8)).plaintext == Array("and back".utf8))
    }

    @Test("TLS 1.2 renegotiation is refused without dropping the connection state")
    func renegotiation() throws {
        var session = try TLSSession { $0.maximumVersion = .tls12 }
        try session.handshake()
        let before = session.client.channelBinding(.tlsUnique)
        let output = try session.client.receive(session.server.requestRenegotiation())
        #expect(output.plaintext.isEmpty)
        #expect(!output.toSend.isEmpty, "a no_renegotiation alert")
        let after = session.client.channelBinding(.tlsUnique)
        #expect(before == after)
    }
}
