import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Where `--captcha-answer-file` answers come from: a regular file or a FIFO that another program writes, or
/// standard input for `-`. Each call returns the next line: for a regular file the lines are counted, so a
/// second answer (after a wrong first one) is the file's second line; a FIFO stays open between answers.
/// The wait is bounded by a deadline (`--timeout`): never a hang.
actor AnswerFile {
    let path: String
    private var linesConsumed = 0
    private var fifo: Int32 = -1
    private var pending: [UInt8] = []

    init(path: String) {
        self.path = path
    }

    deinit {
        if fifo >= 0 { close(fifo) }
    }

    /// The next answer line, waiting up to `timeout` seconds.
    func nextLine(timeout: Double) async throws(LineReader.Failure) -> String {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
        if path == "-" { return try LineReader.line(from: STDIN_FILENO, deadline: deadline) }
        while true {
            if let line = try readAvailable() { return line }
            guard ContinuousClock.now < deadline else { throw .timedOut }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// A complete line if one is there now.
    private func readAvailable() throws(LineReader.Failure) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFIFO { return try readFIFO() }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Only complete lines (followed by a newline) count: the writer may still be writing the last one.
        guard lines.count - 1 > linesConsumed else { return nil }
        let line = lines[linesConsumed]
        linesConsumed += 1
        return Self.text(Array(line))
    }

    private func readFIFO() throws(LineReader.Failure) -> String? {
        if fifo < 0 {
            fifo = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fifo >= 0 else { throw .system(errno) }
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        var writerClosed = false
        while true {
            let count = read(fifo, &buffer, buffer.count)
            if count > 0 {
                pending += buffer[0..<count]
                guard pending.count <= LineReader.maximumLength else { throw .tooLong }
                continue
            }
            if count < 0 && errno != EAGAIN && errno != EINTR { throw .system(errno) }
            // EAGAIN: the writer has nothing more now; 0: no writer (none yet, or it closed: a new one may come).
            writerClosed = count == 0
            break
        }
        if let newline = pending.firstIndex(of: 0x0A) {
            let line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            return Self.text(line)
        }
        if writerClosed && !pending.isEmpty {
            // `echo -n answer > fifo`: the writer closed after a last line without a newline.
            defer { pending.removeAll() }
            return Self.text(pending)
        }
        return nil
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
