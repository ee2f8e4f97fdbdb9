// Reading QR codes back from images with the command-line tools the QR tests check against.
import Foundation
import Testing

/// zbarimg (zbar-tools) and rsvg-convert (librsvg2-bin), run with a clean environment.
public enum QRImageTools {
    /// The environment the image tools run with.
    static var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
    }

    /// Runs the installed tool `name`; fails the test when it is missing.
    static func run(_ name: String, _ arguments: [String]) throws -> CommandResult {
        let executable = try #require(
            ExecutableLocator.path(for: name), "\(name) is not installed (scripts/setup.sh installs it)")
        return try Command.runSynchronously(executable, arguments, inputBytes: nil, environment: environment)
    }

    /// What zbarimg reads from an image: raw bytes (`-Sbinary`: no charset conversion) or text (the newline
    /// zbarimg appends removed).
    public static func decode(imageAt path: String, binary: Bool = false) throws -> Data {
        let arguments = ["--raw", "-q"] + (binary ? ["-Sbinary"] : []) + [path]
        let result = try run("zbarimg", arguments)
        #expect(result.status == 0, "zbarimg: \(result.standardError)")
        var data = result.output
        if !binary && data.last == 0x0A { data.removeLast() }
        return data
    }

    /// Rasterizes an SVG file to PNG with rsvg-convert.
    public static func rasterize(svgAt path: String, to pngPath: String) throws {
        let result = try run("rsvg-convert", ["--format=png", "--output=\(pngPath)", path])
        #expect(result.status == 0, "rsvg-convert: \(result.standardError)")
    }
}
