import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of the terminal standard output is connected to.
enum TerminalSize {
    /// The number of columns of stdout's terminal (`TIOCGWINSZ`), else a positive `COLUMNS`, else `nil`.
    static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return nil
    }

    /// Columns for tables on stdout: the terminal's width (80 when it cannot be read); without a terminal an
    /// exported `COLUMNS` still applies (scripts and tests ask for a width that way), otherwise `nil` (no cutting).
    static func standardOutputColumns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else {
            return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        }
        return columns(environment: environment) ?? 80
    }
}
