import Glibc

/// Whole-buffer reads and writes on file descriptors.
///
/// For stdin/stdout/stderr and files the tool creates; retried on `EINTR` and short writes. Plain POSIX calls,
/// so the CLI needs no Foundation `FileHandle`.
enum StandardStreams {
    /// Writes every byte of `bytes` to `descriptor`; `false` if a write fails.
    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var written = 0
            while written < buffer.count {
                let result = Glibc.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
    }

    /// Writes `text` as UTF-8 to `descriptor`.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        write(Array(text.utf8), to: descriptor)
    }

    /// Reads until end of input, stopping once more than `limit` bytes arrived (the caller reports an oversized
    /// input); nil if a read fails.
    static func read(from descriptor: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// Reads the whole file at `path` (at most `limit` + 1 bytes); nil if it cannot be opened or read.
    static func read(path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(from: descriptor, limit: limit)
    }
}
