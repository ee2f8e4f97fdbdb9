import ArgumentParser
import FoundationEssentials
import Glibc
import Localization
import QRCode
import XMPPCore

/// Rendering choices shared by `qr` and `links`.
struct QRRendering {
    var format: QR.Format
    var style: QRMatrix.TerminalStyle
    var inverted: Bool
    /// nil: 2 for terminal and ASCII, 4 for images.
    var quietZone: Int?
    var moduleSize: Int

    /// The bytes to write: text renderings end with a newline.
    func render(_ matrix: QRMatrix) throws(QRCodeError) -> [UInt8] {
        switch format {
        case .terminal:
            let text = try matrix.terminalText(
                quietZone: quietZone ?? QRMatrix.defaultTerminalQuietZone, style: style, inverted: inverted
            )
            return Array((text + "\n").utf8)
        case .ascii:
            let text = try matrix.asciiText(quietZone: quietZone ?? QRMatrix.defaultTerminalQuietZone, inverted: inverted)
            return Array((text + "\n").utf8)
        case .png:
            return try matrix.pngData(moduleSize: moduleSize, quietZone: quietZone ?? QRMatrix.standardQuietZone)
        case .svg:
            let text = try matrix.svgText(moduleSize: moduleSize, quietZone: quietZone ?? QRMatrix.standardQuietZone)
            return Array(text.utf8)
        }
    }
}

extension QR {
    /// The most bytes `--input` reads: far more than any QR code holds, so an oversized file is reported as
    /// too long instead of being read whole.
    static let inputLimit = 64 * 1024

    /// Reads `--input` (a path, or `-` for stdin) byte for byte.
    static func readInput(_ path: String, context: CommandContext) throws -> [UInt8] {
        let bytes =
            path == "-"
            ? StandardStreams.read(from: STDIN_FILENO, limit: inputLimit)
            : StandardStreams.read(path: path, limit: inputLimit)
        guard let bytes else {
            context.output.error(
                context.localizer.text("error.label"),
                context.localizer.text("qr.error.unreadable-input", ["path": path])
            )
            throw ExitStatus.failure.exitCode
        }
        return bytes
    }

    /// Prints the message for a QR error and returns the exit code to throw.
    static func report(_ error: QRCodeError, context: CommandContext) -> ExitCode {
        let localizer = context.localizer
        let message: String
        switch error {
        case .empty:
            message = localizer.text("qr.error.empty")
        case .tooLong(let byteCount, let maximum, let level):
            message =
                localizer.text(
                    "qr.error.too-long",
                    ["count": String(byteCount), "maximum": String(maximum), "level": level.rawValue]
                ) + (level == .low ? "" : " " + localizer.text("qr.hint.lower-level"))
        case .invalidParameter(let name, let value):
            message = localizer.text("qr.error.invalid-parameter", ["name": name, "value": String(value)])
        case .encodingFailed, .pngEncodingFailed:
            message = localizer.text("qr.error.encoding-failed")
        }
        context.output.error(localizer.text("error.label"), message)
        switch error {
        case .empty, .tooLong, .invalidParameter: return ExitStatus.usage.exitCode
        case .encodingFailed, .pngEncodingFailed: return ExitStatus.failure.exitCode
        }
    }

    /// Writes `bytes` to `path` with mode 0600 from the start (security.md §6.3): a temporary file in the same
    /// directory, fsync, then rename. Refuses symlinks, and existing files unless `overwrite`.
    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, context: CommandContext) throws {
        func fail(_ key: MessageKey) -> ExitCode {
            context.output.error(
                context.localizer.text("error.label"), context.localizer.text(key, ["path": TerminalText.neutralized(path)]))
            return ExitStatus.failure.exitCode
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK { throw fail("qr.error.output-symlink") }
            if !overwrite { throw fail("qr.error.output-exists") }
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = directory + "/.xmpp-onboard-\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw fail("qr.error.output-unwritable") }
        let succeeded = StandardStreams.write(bytes, to: descriptor) && fsync(descriptor) == 0
        guard close(descriptor) == 0, succeeded else {
            unlink(temporary)
            throw fail("qr.error.output-unwritable")
        }
        // Without `overwrite`, link(2) publishes the file only if the name is still free (a file created since
        // the check above is never replaced); rename(2) replaces it otherwise.
        if overwrite {
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw fail("qr.error.output-unwritable")
            }
        } else {
            let linked = link(temporary, path) == 0
            let code = errno
            unlink(temporary)
            guard linked else { throw fail(code == EEXIST ? "qr.error.output-exists" : "qr.error.output-unwritable") }
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
