import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width of the terminal on stdout, for tables that fit it.
enum TerminalSize {
    /// Columns of the terminal on stdout. Without a terminal, an exported `COLUMNS` still applies (scripts and
    /// tests ask for a width that way); otherwise `nil`, and tables are not cut.
    static func standardOutputColumns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        let fromEnvironment = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        guard isatty(STDOUT_FILENO) == 1 else { return fromEnvironment }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return fromEnvironment ?? 80
    }
}
