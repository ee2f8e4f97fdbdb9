import Foundation
import OpenSSLSupport
import Testing
import XMPPCore

/// Channel-binding data (security.md §3.5): both ends must compute the same bytes.
@Suite struct TLSChannelBindingTests {
    @Test("TLS 1.3: tls-exporter and tls-server-end-point, no tls-unique")
    func tls13() throws {
        var session = try TLSSession()
        try session.handshake()
        let available = session.client.availableChannelBindings
        #expect(available == [.tlsExporter, .tlsServerEndPoint])
        let exporter = try #require(session.client.channelBinding(.tlsExporter) as [UInt8]?)
        #expect(exporter.count == 32)
        #expect(exporter == session.server.channelBinding(.tlsExporter))
        let unique = session.client.channelBinding(.tlsUnique)
        #expect(unique == nil)
        #expect(session.server.channelBinding(.tlsUnique) == nil)
    }

    @Test("TLS 1.2: tls-unique and tls-server-end-point, no tls-exporter")
    func tls12() throws {
        var session = try TLSSession { $0.maximumVersion = .tls12 }
        try session.handshake()
        let available = session.client.availableChannelBindings
        #expect(available == [.tlsUnique, .tlsServerEndPoint])
        let unique = try #require(session.client.channelBinding(.tlsUnique) as [UInt8]?)
        #expect(unique.count == 12)
        #expect(unique == session.server.channelBinding(.tlsUnique))
        let exporter = session.client.channelBinding(.tlsExporter)
        #expect(exporter == nil)
    }

    @Test(
        "each connection has its own tls-exporter and tls-unique",
        arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func fresh(version: TLSServerEngine.ProtocolVersion) throws {
        let type: ChannelBindingType = version == .tls13 ? .tlsExporter : .tlsUnique
        var first = try TLSSession { $0.maximumVersion = version }
        try first.handshake()
        var second = try TLSSession { $0.maximumVersion = version }
        try second.handshake()
        let firstBinding = first.client.channelBinding(type)
        let secondBinding = second.client.channelBinding(type)
        #expect(firstBinding != nil)
        #expect(firstBinding != secondBinding)
    }

    @Test(
        "tls-server-end-point is SHA-256 of the certificate for ECDSA-SHA-256",
        arguments: [TLSServerEngine.ProtocolVersion.tls13, .tls12])
    func serverEndPointSHA256(version: TLSServerEngine.ProtocolVersion) throws {
        let pki = try TestPKI.get()
        var session = try TLSSession { $0.maximumVersion = version }
        try session.handshake()
        let value = try #require(session.client.channelBinding(.tlsServerEndPoint) as [UInt8]?)
        #expect(value == session.server.channelBinding(.tlsServerEndPoint))
        #expect(hex(value) == (try pki.fingerprint(pki.example.certificatePath, digest: "sha256")))
    }

    @Test("tls-server-end-point follows the signature hash: SHA-384")
    func serverEndPointSHA384() throws {
        let pki = try TestPKI.get()
        var session = try TLSSession(identity: \.sha384Signed)
        try session.handshake()
        let value = try #require(session.client.channelBinding(.tlsServerEndPoint) as [UInt8]?)
        #expect(value.count == 48)
        #expect(value == session.server.channelBinding(.tlsServerEndPoint))
        #expect(hex(value) == (try pki.fingerprint(pki.sha384Signed.certificatePath, digest: "sha384")))
    }

    @Test("tls-server-end-point replaces SHA-1 by SHA-256 (RFC 5929 §4.1)")
    func serverEndPointSHA1() throws {
        let pki = try TestPKI.get()
        let pem = try String(contentsOfFile: pki.sha1Signed.certificatePath, encoding: .utf8)
        let value = try #require(ChannelBindingData.serverEndPoint(certificatePEM: pem))
        #expect(hex(value) == (try pki.fingerprint(pki.sha1Signed.certificatePath, digest: "sha256")))
        #expect(ChannelBindingData.serverEndPoint(certificatePEM: "not a certificate") == nil)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined(separator: ":")
    }
}
