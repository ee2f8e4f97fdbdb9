import COpenSSL

/// The calling thread's OpenSSL error queue (`ERR_get_error_all(3)`), turned into strings at the edge.
///
/// OpenSSL keeps errors in a per-thread queue. Every operation of the wrapper clears it first, so what it
/// drains afterwards belongs to that operation (architecture.md §4.1, principle 4).
enum OpenSSLErrorQueue {
    /// One drained entry: the packed code (for reason matching) and its printable form.
    struct Entry {
        var code: UInt
        var text: String

        var isSSLLibrary: Bool { copenssl_ERR_GET_LIB(code) == copenssl_ERR_LIB_SSL() }
        var reason: Int32 { copenssl_ERR_GET_REASON(code) }
    }

    /// Discards stale errors left by earlier calls on this thread.
    static func clear() {
        ERR_clear_error()
    }

    /// Removes and returns every queued error, oldest first.
    static func drain() -> [Entry] {
        var entries: [Entry] = []
        while true {
            var data: UnsafePointer<CChar>?
            var flags: Int32 = 0
            let code = ERR_get_error_all(nil, nil, nil, &data, &flags)
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            var text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if flags & ERR_TXT_STRING != 0, let data, data.pointee != 0 {
                text += " (" + String(cString: data) + ")"
            }
            entries.append(Entry(code: code, text: text))
        }
        return entries
    }

    /// Removes every queued error and returns the printable forms, oldest first.
    static func drainStrings() -> [String] {
        drain().map(\.text)
    }
}
