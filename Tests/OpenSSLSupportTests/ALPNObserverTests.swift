import Testing

@testable import OpenSSLSupport

/// The ALPN extension parser that reads what a server selected (test matrix T15).
@Suite struct ALPNObserverTests {
    /// An EncryptedExtensions message (RFC 8446 §4.3.1) with the given extensions.
    private func encryptedExtensions(_ extensions: [UInt8]) -> [UInt8] {
        let body = [UInt8(extensions.count >> 8), UInt8(extensions.count & 0xFF)] + extensions
        return [8, 0, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    private func alpnExtension(_ name: String) -> [UInt8] {
        let name = Array(name.utf8)
        let list = [UInt8(name.count)] + name
        let data = [0, UInt8(list.count)] + list
        return [0, 16, 0, UInt8(data.count)] + data
    }

    @Test("EncryptedExtensions with ALPN after another extension")
    func encrypted() {
        let serverName: [UInt8] = [0, 0, 0, 0]  // empty server_name acknowledgement
        let message = encryptedExtensions(serverName + alpnExtension("xmpp-server"))
        #expect(ALPNObserver.selectedProtocol(inHandshakeMessage: message) == "xmpp-server")
    }

    @Test("TLS 1.2 ServerHello with ALPN")
    func serverHello() {
        let extensions = alpnExtension("xmpp-client")
        let body: [UInt8] =
            [3, 3] + [UInt8](repeating: 7, count: 32) + [2, 0xAA, 0xBB] + [0xC0, 0x2B, 0]
            + [0, UInt8(extensions.count)] + extensions
        let message = [2, 0, 0, UInt8(body.count)] + body
        #expect(ALPNObserver.selectedProtocol(inHandshakeMessage: message) == "xmpp-client")
    }

    @Test("no ALPN, other messages and every truncation yield nil without trapping")
    func malformed() {
        #expect(ALPNObserver.selectedProtocol(inHandshakeMessage: encryptedExtensions([0, 0, 0, 0])) == nil)
        #expect(ALPNObserver.selectedProtocol(inHandshakeMessage: [11, 0, 0, 0]) == nil)
        let full = encryptedExtensions(alpnExtension("xmpp-server"))
        for length in 0..<full.count {
            #expect(ALPNObserver.selectedProtocol(inHandshakeMessage: Array(full.prefix(length))) == nil)
        }
    }
}
