import COpenSSL

/// Helpers for OpenSSL memory BIOs (`BIO_s_mem(3)`), the byte queues between the TLS engine and the socket.
enum MemoryBIO {
    /// Appends `bytes` to the BIO; false if OpenSSL could not grow its buffer.
    static func write(_ bytes: [UInt8], to bio: OpaquePointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, 1 << 20)
            let written = bytes.withUnsafeBufferPointer { buffer in
                BIO_write(bio, buffer.baseAddress.map { $0 + offset }, Int32(chunk))
            }
            guard written > 0 else { return false }
            offset += Int(written)
        }
        return true
    }

    /// Removes and returns everything buffered in the BIO (`BIO_ctrl_pending(3)`; `BIO_pending` is a macro).
    static func readAll(_ bio: OpaquePointer) -> [UInt8] {
        var result: [UInt8] = []
        while true {
            let pending = min(Int(BIO_ctrl_pending(bio)), 1 << 20)
            guard pending > 0 else { return result }
            let chunk = [UInt8](unsafeUninitializedCapacity: pending) { buffer, count in
                let read = BIO_read(bio, buffer.baseAddress, Int32(pending))
                count = max(0, Int(read))
            }
            guard !chunk.isEmpty else { return result }
            result += chunk
        }
    }
}
