import CChafa

/// chafa's terminal database: which control sequences the terminal in an environment understands.
enum TerminalDatabase {
    /// `chafa_term_db_detect` for `environment` (a `KEY=value` array built from the dictionary); the caller
    /// releases the result with `chafa_term_info_unref`.
    static func detect(_ environment: [String: String]) -> OpaquePointer? {
        guard let database = chafa_term_db_get_default() else { return nil }
        var strings = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { strings.forEach { free($0) } }
        strings.append(nil)
        return strings.withUnsafeMutableBufferPointer { buffer in
            chafa_term_db_detect(database, buffer.baseAddress)
        }
    }
}
