import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a file descriptor without stdio buffering, so several readers can share standard input
/// (the password on line 1, a CAPTCHA answer later) and a deadline can bound the wait (`poll(2)`).
enum LineReader {
    /// Why no line came.
    enum Failure: Error, Equatable {
        /// The deadline passed.
        case timedOut
        /// End of input before any byte of a line.
        case endOfInput
        /// A line longer than `maximumLength`.
        case tooLong
        /// `read`/`poll` failed.
        case system(Int32)
    }

    static let maximumLength = 4_096

    /// The next line of `descriptor` (without `\n` or `\r\n`), reading one byte at a time. A final line without
    /// a newline counts. With a `deadline`, waits at most until then.
    static func line(from descriptor: Int32, deadline: ContinuousClock.Instant? = nil) throws(Failure) -> String {
        var bytes: [UInt8] = []
        while true {
            if let deadline {
                let remaining = ContinuousClock.now.duration(to: deadline)
                guard remaining > .zero else { throw .timedOut }
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
                let ready = poll(&request, 1, max(1, milliseconds))
                if ready < 0 {
                    if errno == EINTR { continue }
                    throw .system(errno)
                }
                if ready == 0 { continue }
            }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .system(errno)
            }
            if count == 0 {
                guard !bytes.isEmpty else { throw .endOfInput }
                break
            }
            if byte == 0x0A { break }
            bytes.append(byte)
            if bytes.count > maximumLength { throw .tooLong }
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
