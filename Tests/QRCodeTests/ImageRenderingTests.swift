import Foundation
import Testing

@testable import QRCode

/// Every image rendering must decode back to the exact input with zbarimg (issue 6).
@Suite("QRMatrix: PNG and SVG decode back with zbarimg")
struct ImageRenderingTests {
    static let longText = (0..<22).map { "line \($0): xmpp:user\($0)@example.org?roster;preauth=Tok\($0)" }
        .joined(separator: "\n")

    static let texts: [String] = [
        "hello",
        "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;name=Romeo%20Montague",
        "xmpp:jiři@čechy.example/v%20Praze",
        "Привет, мир! 你好，世界 — ¿qué tal? 🙂",
        "{\"protocol\":\"xmpp\",\"address\":\"user@domain.tld\",\"password\":\"s3cr3t +&;\"}",
        longText,
    ]

    /// Binary inputs, named in test output instead of printing every byte.
    struct Binary: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { "\(name) (\(bytes.count) bytes)" }
    }

    static let binaries: [Binary] = [
        Binary(name: "NUL, 0xFF and invalid UTF-8", bytes: [0x00, 0xFF, 0x80, 0x01, 0xC3, 0x28, 0x7F, 0x0A]),
        Binary(name: "every byte value", bytes: Array(0...255)),
        Binary(name: "1000 pseudo-random bytes", bytes: (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }),
    ]

    @Test("PNG decodes to the text", arguments: texts, ErrorCorrectionLevel.allCases)
    func pngText(text: String, level: ErrorCorrectionLevel) throws {
        let directory = try ExternalTool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let matrix = try QRMatrix(encoding: text, errorCorrection: level)
        let png = try matrix.pngData(moduleSize: 4)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let file = directory.appendingPathComponent("code.png")
        try Data(png).write(to: file)
        #expect(try ExternalTool.decodeBytes(imageAt: file.path) == Array(text.utf8))
        #expect(try ExternalTool.decodeText(imageAt: file.path) == text)
    }

    @Test("SVG rasterized by rsvg-convert decodes to the text", arguments: texts)
    func svgText(text: String) throws {
        let directory = try ExternalTool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = try QRMatrix(encoding: text).svgText(moduleSize: 4)
        let svgFile = directory.appendingPathComponent("code.svg")
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(svg.utf8).write(to: svgFile)
        try ExternalTool.rasterize(svgAt: svgFile.path, to: pngFile.path)
        #expect(try ExternalTool.decodeBytes(imageAt: pngFile.path) == Array(text.utf8))
    }

    @Test("binary data decodes byte for byte (PNG and SVG)", arguments: binaries)
    func binary(binary: Binary) throws {
        let bytes = binary.bytes
        let directory = try ExternalTool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let matrix = try QRMatrix(encoding: bytes, errorCorrection: .low)
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(try matrix.pngData(moduleSize: 3)).write(to: pngFile)
        #expect(try ExternalTool.decodeBytes(imageAt: pngFile.path) == bytes)

        let svgFile = directory.appendingPathComponent("code.svg")
        let rasterFile = directory.appendingPathComponent("raster.png")
        try Data(try matrix.svgText(moduleSize: 3).utf8).write(to: svgFile)
        try ExternalTool.rasterize(svgAt: svgFile.path, to: rasterFile.path)
        #expect(try ExternalTool.decodeBytes(imageAt: rasterFile.path) == bytes)
    }

    @Test("ASCII rendering, read back as pixels, decodes to the text", arguments: [false, true])
    func asciiText(inverted: Bool) throws {
        let directory = try ExternalTool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "xmpp:alice@example.org?message;body=Hi%20there"
        let ascii = try QRMatrix(encoding: text).asciiText(quietZone: 4, inverted: inverted)
        // One module = two characters; "#" is ink. Ink is light unless inverted.
        let rows = ascii.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            stride(from: 0, to: line.count, by: 2).map { (Array(line)[$0] == "#") == inverted }
        }
        let file = directory.appendingPathComponent("ascii.png")
        try Data(try QRMatrix(rows: rows).pngData(moduleSize: 4, quietZone: 0)).write(to: file)
        #expect(try ExternalTool.decodeText(imageAt: file.path) == text)
    }

    @Test("PNG dimensions follow module size and quiet zone")
    func pngDimensions() throws {
        let matrix = try QRMatrix(encoding: "hello")
        for (moduleSize, quietZone) in [(1, 0), (4, 4), (10, 2)] {
            let png = try matrix.pngData(moduleSize: moduleSize, quietZone: quietZone)
            // IHDR width and height are big-endian at bytes 16…23.
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == (21 + 2 * quietZone) * moduleSize)
            #expect(height == width)
        }
        #expect(throws: QRCodeError.invalidParameter(name: "moduleSize", value: 0)) {
            try matrix.pngData(moduleSize: 0)
        }
        #expect(throws: QRCodeError.invalidParameter(name: "moduleSize", value: 65)) {
            try matrix.svgText(moduleSize: 65)
        }
    }

    @Test("SVG is one path inside a white square")
    func svgShape() throws {
        let svg = try QRMatrix(encoding: "hello").svgText(moduleSize: 10, quietZone: 4)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"290\" height=\"290\" viewBox=\"0 0 29 29\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(!svg.contains("<?xml"))
    }
}
