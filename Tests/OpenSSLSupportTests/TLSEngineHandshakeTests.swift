import OpenSSLSupport
import Testing

/// In-memory handshakes against the test server: the good paths (security.md §2.5).
@Suite struct TLSEngineHandshakeTests {
    @Test("handshake and application data both ways", arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func handshakeAndData(version: TLSServerEngine.ProtocolVersion) throws {
        var session = try TLSSession { $0.maximumVersion = version }
        let isComplete = session.client.isHandshakeComplete
        #expect(!isComplete)
        let info = session.client.connectionInfo
        #expect(info == nil)
        try session.handshake()
        let isCompleteAfterwards = session.client.isHandshakeComplete
        #expect(isCompleteAfterwards)
        #expect(session.server.version == (version == .tls13 ? "TLSv1.3" : "TLSv1.2"))

        let request = Array("<stream:stream to='example.test'>".utf8)
        #expect(try session.sendToServer(request) == request)
        let reply = Array("<stream:features/>".utf8)
        let output = try session.sendToClient(reply)
        #expect(output.plaintext == reply)
        #expect(!output.handshakeCompleted)
        #expect(!output.peerClosed)

        // More than one record (16 KiB each) in one call, both ways.
        let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try session.sendToServer(large) == large)
        #expect(try session.sendToClient(large).plaintext == large)
    }

    @Test("the ClientHello is a TLS handshake record")
    func clientHello() throws {
        var session = try TLSSession()
        let hello = try session.client.start()
        #expect(hello.first == 0x16)
        #expect(try session.client.start().isEmpty, "a second start() sends nothing new")
    }

    @Test("server flights fed to the client in small pieces", arguments: [1, 7, 100])
    func chunkedHandshake(chunkSize: Int) throws {
        var session = try TLSSession { $0.maximumVersion = .tls12 }
        try session.handshake(chunkSize: chunkSize)
        let info = session.client.connectionInfo
        #expect(info?.version == "TLSv1.2")
    }

    @Test("connection info describes the server certificate")
    func connectionInfo() throws {
        let pki = try TestPKI.get()
        var session = try TLSSession()
        try session.handshake()
        let info = try #require(session.client.connectionInfo as TLSConnectionInfo?)
        #expect(info.version == "TLSv1.3")
        #expect(info.cipher.hasPrefix("TLS_"))
        #expect(info.alpn == nil)
        #expect(info.certificate.subject == "CN=example.test")
        #expect(info.certificate.issuer == "CN=XMPP Onboard Test CA")
        #expect(info.certificate.notBefore == "2024-01-01T00:00:00Z")
        #expect(info.certificate.notAfter == "2099-12-31T23:59:59Z")
        #expect(
            info.certificate.subjectAlternativeNames == ["DNS:example.test", "IP:127.0.0.1", "xmppAddr:example.test"])
        #expect(
            info.certificate.sha256Fingerprint == (try pki.fingerprint(pki.example.certificatePath, digest: "sha256")))
    }

    @Test("TLS 1.2 connection info")
    func connectionInfoTLS12() throws {
        var session = try TLSSession { $0.maximumVersion = .tls12 }
        try session.handshake()
        let info = try #require(session.client.connectionInfo as TLSConnectionInfo?)
        #expect(info.version == "TLSv1.2")
        #expect(info.cipher.contains("ECDHE"))
    }

    @Test("a single-label wildcard matches one label")
    func wildcardOneLabel() throws {
        var session = try TLSSession(serverName: "chat.example.test", identity: \.wildcard)
        try session.handshake()
        let info = session.client.connectionInfo
        #expect(info?.certificate.subjectAlternativeNames == ["DNS:*.example.test"])
    }

    @Test("the reference identity is matched case-insensitively")
    func upperCaseName() throws {
        var session = try TLSSession(serverName: "EXAMPLE.Test")
        try session.handshake()
        let isComplete = session.client.isHandshakeComplete
        #expect(isComplete)
    }

    @Test("one context serves several connections")
    func contextReuse() throws {
        let pki = try TestPKI.get()
        let context = try TLSContext(configuration: TLSConfiguration(additionalTrustAnchors: [pki.caCertificatePath]))
        for _ in 0..<3 {
            var client = try TLSEngine(context: context, serverName: "example.test", alpnProtocols: [])
            let server = try TLSServerEngine(
                configuration: .init(
                    certificateChainPath: pki.example.certificatePath, privateKeyPath: pki.example.keyPath))
            var toServer = try client.start()
            while !client.isHandshakeComplete || !server.isHandshakeComplete {
                let step = server.receive(toServer)
                toServer = try client.receive(step.toSend).toSend
            }
            let info = client.connectionInfo
            #expect(info?.version == "TLSv1.3")
        }
    }
}
