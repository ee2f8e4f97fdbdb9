import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Reads secrets without echo, from a file, standard input or the terminal.
enum SecretInput {
    enum Failure: Error {
        case unreadableFile(String)
        case empty
        case noTerminal
        case tooLong
    }

    /// The longest secret accepted; longer input is refused rather than truncated (security.md §6.2).
    static let maximumLength = 1024

    /// The first line of `path` (without the line break).
    static func firstLine(ofFile path: String) throws(Failure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path) }
        return try firstLine(of: data)
    }

    /// The first line of standard input.
    static func firstLineOfStandardInput() throws(Failure) -> String {
        // Unbuffered, so a later reader of standard input (a second password, a CAPTCHA answer) sees the rest.
        let line: String
        do {
            line = try LineReader.line(from: STDIN_FILENO)
        } catch .tooLong {
            throw .tooLong
        } catch {
            throw .empty
        }
        return try check(line)
    }

    static func firstLine(of data: Data) throws(Failure) -> String {
        try check(firstLine(in: String(decoding: data, as: UTF8.self)))
    }

    /// The text up to the first line break (LF or CRLF), unchecked. Split on scalars: "\r\n" is one Character.
    static func firstLine(in text: String) -> String {
        var line = text.unicodeScalars.prefix { $0 != "\n" }
        if line.last == "\r" { line = line.dropLast() }
        return String(String.UnicodeScalarView(line))
    }

    private static func check(_ line: String) throws(Failure) -> String {
        if line.isEmpty { throw .empty }
        if line.utf8.count > maximumLength { throw .tooLong }
        return line
    }

    /// Prompts on the terminal with echo off; echo is restored on return and on SIGINT/SIGTERM.
    static func prompt(_ message: String) throws(Failure) -> String {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw .noTerminal }
        defer { close(fd) }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { throw .noTerminal }
        TerminalRestore.remember(fd: fd, state: original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        _ = tcsetattr(fd, TCSAFLUSH, &silent)
        defer {
            _ = tcsetattr(fd, TCSAFLUSH, &original)
            TerminalRestore.forget()
        }
        let promptBytes = Array(message.utf8)
        _ = write(fd, promptBytes, promptBytes.count)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 0x0A || byte == 0x0D { break }
            bytes.append(byte)
            if bytes.count > maximumLength { throw .tooLong }
        }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.isEmpty { throw .empty }
        return line
    }
}

/// Restores the terminal's echo if the process is interrupted during a secret prompt.
enum TerminalRestore {
    nonisolated(unsafe) private static var savedFD: Int32 = -1
    nonisolated(unsafe) private static var savedState = termios()

    static func remember(fd: Int32, state: termios) {
        savedFD = fd
        savedState = state
        signal(SIGINT, restoreAndExit)
        signal(SIGTERM, restoreAndExit)
    }

    static func forget() {
        savedFD = -1
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    fileprivate static func restore() {
        if savedFD >= 0 { _ = tcsetattr(savedFD, TCSAFLUSH, &savedState) }
    }
}

private func restoreAndExit(_ signal: Int32) {
    TerminalRestore.restore()
    _exit(signal == SIGINT ? 130 : 128 + signal)
}
