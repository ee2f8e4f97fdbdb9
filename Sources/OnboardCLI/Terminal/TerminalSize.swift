import Foundation

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
}
