import Foundation
import Testing

/// Runs command-line tools the tests check against (zbarimg from zbar-tools, rsvg-convert from librsvg2-bin).
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: Data
        var errorOutput: String
    }

    /// The absolute path of `name` on `PATH`, or nil.
    static func path(of name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Result {
        let executable = try #require(path(of: name), "\(name) is not installed (scripts/setup.sh installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: outputData,
            errorOutput: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh directory for one test (tests run in parallel).
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrcode-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The bytes zbarimg decodes from the image at `path` (`--raw -q -Sbinary`: no charset conversion).
    static func decodeBytes(imageAt path: String) throws -> [UInt8] {
        let result = try run("zbarimg", ["--raw", "-q", "-Sbinary", path])
        #expect(result.status == 0, "zbarimg failed: \(result.errorOutput)")
        return Array(result.output)
    }

    /// The text zbarimg decodes from the image at `path` (`--raw -q`), without the newline it appends.
    static func decodeText(imageAt path: String) throws -> String {
        let result = try run("zbarimg", ["--raw", "-q", path])
        #expect(result.status == 0, "zbarimg failed: \(result.errorOutput)")
        var text = String(decoding: result.output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Rasterizes an SVG file to PNG with rsvg-convert.
    static func rasterize(svgAt path: String, to pngPath: String) throws {
        let result = try run("rsvg-convert", ["--format=png", "--output=\(pngPath)", path])
        #expect(result.status == 0, "rsvg-convert failed: \(result.errorOutput)")
    }
}
