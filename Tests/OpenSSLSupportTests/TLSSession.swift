import OpenSSLSupport
import Testing

/// A client engine and a test server wired together in memory.
struct TLSSession: ~Copyable {
    var client: TLSEngine
    let server: TLSServerEngine

    /// Builds both ends with the shared test PKI: the client trusts the test CA.
    init(
        serverName: String = "example.test", identity: KeyPath<TestPKI, TestPKI.Identity> = \.example,
        alpnProtocols: [String] = [], clientConfiguration: TLSConfiguration? = nil,
        configureServer: (inout TLSServerEngine.Configuration) -> Void = { _ in }
    ) throws {
        let pki = try TestPKI.get()
        let certificate = pki[keyPath: identity]
        var serverConfiguration = TLSServerEngine.Configuration(
            certificateChainPath: certificate.certificatePath, privateKeyPath: certificate.keyPath)
        configureServer(&serverConfiguration)
        let server = try TLSServerEngine(configuration: serverConfiguration)
        let context = try TLSContext(
            configuration: clientConfiguration ?? TLSConfiguration(additionalTrustAnchors: [pki.caCertificatePath]))
        client = try TLSEngine(context: context, serverName: serverName, alpnProtocols: alpnProtocols)
        self.server = server
    }

    /// Runs the handshake to completion.
    ///
    /// The server's flights (alerts included) are always delivered to the
    /// client, so a rejected connection throws the client's `TLSError`; `ServerFailure` only when the client
    /// did not notice. `chunkSize` splits the server's flights for the client.
    mutating func handshake(chunkSize: Int = .max) throws {
        var toServer = try client.start()
        var completions = 0
        for _ in 0..<10 {
            let serverStep = server.receive(toServer)
            toServer = []
            var offset = 0
            let flight = serverStep.toSend
            while offset < flight.count {
                let end = min(flight.count, offset + chunkSize)
                let step = try client.receive(Array(flight[offset..<end]))
                completions += step.handshakeCompleted ? 1 : 0
                toServer += step.toSend
                offset = end
            }
            if let failure = serverStep.failure { throw ServerFailure(errors: failure) }
            if client.isHandshakeComplete && server.isHandshakeComplete && toServer.isEmpty {
                #expect(completions == 1, "handshakeCompleted must be reported exactly once")
                return
            }
        }
        throw ServerFailure(errors: ["handshake did not finish"])
    }

    /// Client → server application data.
    mutating func sendToServer(_ plaintext: [UInt8]) throws -> [UInt8] {
        let records = try client.encrypt(plaintext)
        let output = server.receive(records)
        if let failure = output.failure { throw ServerFailure(errors: failure) }
        return output.plaintext
    }

    /// Server → client application data.
    mutating func sendToClient(_ plaintext: [UInt8]) throws -> TLSOutput {
        try client.receive(server.encrypt(plaintext))
    }
}

/// The test server rejected the connection.
struct ServerFailure: Error {
    var errors: [String]
}
