import CChafa
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// chafa's terminal database: which control sequences the terminal in an environment understands.
enum TerminalDatabase {
    /// `chafa_term_db_detect` for `environment` (a `KEY=value` array built from the dictionary); the caller
    /// releases the result with `api.chafa_term_info_unref`.
    static func detect(_ environment: [String: String], with api: XOChafaAPI) -> OpaquePointer? {
        guard let database = api.chafa_term_db_get_default() else { return nil }
        var strings = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { strings.forEach { free($0) } }
        strings.append(nil)
        return strings.withUnsafeMutableBufferPointer { buffer in
            api.chafa_term_db_detect(database, buffer.baseAddress)
        }
    }
}
