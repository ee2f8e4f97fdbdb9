import Foundation
import Testing
import XMPPTestSupport

/// Runs the built `xmpp-onboard` for the `qr` and `links` tests, with the image helpers they check against.
enum QRCommandSupport {
    typealias Result = CommandResult

    /// A clean environment (`PATH`, a temporary `HOME`, `LANG=C.UTF-8`) plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var base = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
        base.merge(extra) { $1 }
        return base
    }

    /// Runs the tool with `arguments`, `stdin` bytes, and a clean environment plus `environment`.
    static func run(
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> Result {
        try TestPaths.runToolSynchronously(
            arguments, input: stdin, environment: Self.environment(environment), workingDirectory: directory)
    }

    /// Runs the tool with stdout and stderr on a pseudo-terminal; output arrives with `\r\n` line ends and both
    /// streams mixed.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try TestPaths.runToolOnTerminal(arguments, environment: Self.environment(environment))
    }

    static func makeTemporaryDirectory() throws -> URL {
        try TestDirectories.makeUnique(prefix: "qr-e2e")
    }

    /// What zbarimg reads from an image: raw bytes (`-Sbinary`) or text (newline removed).
    static func decode(imageAt path: String, binary: Bool = false) throws -> Data {
        try QRImageTools.decode(imageAt: path, binary: binary)
    }

    static func rasterize(svgAt path: String, to pngPath: String) throws {
        try QRImageTools.rasterize(svgAt: path, to: pngPath)
    }

    /// Turns an ASCII rendering (two characters per module; `#` = ink) into a binary PGM image zbarimg reads,
    /// 4 pixels per module, where ink is light unless `inkIsDark`.
    static func pgm(fromASCII text: String, inkIsDark: Bool) -> Data {
        let lines = text.split(separator: "\n").map(Array.init)
        let modules = lines.map { line in stride(from: 0, to: line.count, by: 2).map { line[$0] == "#" } }
        let scale = 4
        let width = (modules.first?.count ?? 0) * scale
        let height = modules.count * scale
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        for row in modules {
            let pixels = row.flatMap { ink in [UInt8](repeating: (ink == inkIsDark) ? 0 : 255, count: scale) }
            for _ in 0..<scale { data.append(contentsOf: pixels) }
        }
        return data
    }
}
