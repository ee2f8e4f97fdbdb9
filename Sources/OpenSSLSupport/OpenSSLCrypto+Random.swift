import COpenSSL

extension OpenSSLCrypto {
    /// Returns `count` bytes from OpenSSL's CSPRNG (`RAND_bytes(3)`), as used for SCRAM client nonces.
    ///
    /// OpenSSL 3 seeds itself from the operating system; a failure means the system has no entropy source,
    /// which the process cannot recover from, so it stops rather than return predictable bytes.
    public func randomBytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "randomBytes: count out of range")
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        precondition(ok == 1, "RAND_bytes failed: the system offers no entropy")
        return bytes
    }
}
