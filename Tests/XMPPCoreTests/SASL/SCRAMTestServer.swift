import OpenSSLSupport
import XMPPCore

/// The server half of SCRAM, for tests: checks a client proof and computes `v=` for any server-first,
/// so that cases without a published vector (extensions, `h=`, channel binding) still run end to end.
struct SCRAMTestServer {
    var hash: SCRAMHash
    var password: String
    var salt: [UInt8]
    var iterations: Int
    var crypto = OpenSSLCrypto()

    /// `r=<nonce>,s=<salt>,i=<iterations>` plus any extra attributes.
    func serverFirst(nonce: String, extra: String = "") -> String {
        "r=\(nonce),s=\(Base64.encode(salt)),i=\(iterations)" + extra
    }

    /// Verifies the proof in `clientFinal` and returns the server-final `v=…`, or `nil` for a wrong proof.
    func serverFinal(clientFirstBare: String, serverFirst: String, clientFinal: String) -> String? {
        guard let proofRange = clientFinal.range(of: ",p=") else { return nil }
        let withoutProof = String(clientFinal[..<proofRange.lowerBound])
        guard let proof = Base64.decode(clientFinal[proofRange.upperBound...]) else { return nil }
        let authMessage = Array((clientFirstBare + "," + serverFirst + "," + withoutProof).utf8)
        let salted = crypto.pbkdf2(hash, password: Array(password.utf8), salt: salt, iterations: iterations)
        let storedKey = crypto.digest(hash, crypto.hmac(hash, key: salted, data: Array("Client Key".utf8)))
        let clientSignature = crypto.hmac(hash, key: storedKey, data: authMessage)
        guard proof.count == clientSignature.count else { return nil }
        let clientKey = zip(proof, clientSignature).map { $0 ^ $1 }
        guard crypto.digest(hash, clientKey) == storedKey else { return nil }
        let serverKey = crypto.hmac(hash, key: salted, data: Array("Server Key".utf8))
        return "v=" + Base64.encode(crypto.hmac(hash, key: serverKey, data: authMessage))
    }
}

extension String {
    /// Bytes for SCRAM messages.
    var bytes: [UInt8] { Array(utf8) }

    /// The range of `needle` (no Foundation).
    func range(of needle: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }

    init(hex: String) {
        var bytes: [UInt8] = []
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(String([high, low]), radix: 16)!)
        }
        self = bytes
    }
}
