import Foundation
import Testing

/// `xmpp-onboard qr`: every format decodes back to the exact input (issue 6).
@Suite("xmpp-onboard qr")
struct QRCommandTests {
    typealias Tool = QRCommandSupport

    static let texts = [
        "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;ibr=y",
        "https://xmpp.link/#jiři@čechy.example?roster",
        "Grüße 🙂 — 你好",
        String(repeating: "xmpp:user@example.org?register;preauth=abcdefghijklmnop\n", count: 20),
    ]

    @Test("PNG file decodes to the text", arguments: texts)
    func png(text: String) throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("code.png").path
        let result = try Tool.run(["qr", text, "--output", file])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.isEmpty)
        #expect(try Tool.decode(imageAt: file) == Data(text.utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("SVG on stdout, rasterized, decodes to the text", arguments: texts)
    func svg(text: String) throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Tool.run(["qr", text, "--format", "svg", "--ec", "h"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("<svg "))
        let svg = directory.appendingPathComponent("code.svg")
        let png = directory.appendingPathComponent("code.png")
        try result.output.write(to: svg)
        try Tool.rasterize(svgAt: svg.path, to: png.path)
        #expect(try Tool.decode(imageAt: png.path) == Data(text.utf8))
    }

    @Test("ASCII (--plain and TERM=dumb) decodes to the text", arguments: [false, true])
    func ascii(invert: Bool) throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "xmpp:alice@example.org?message;body=Hello%20there"
        let plain = try Tool.run(["qr", text, "--plain"] + (invert ? ["--invert"] : []))
        let dumb = try Tool.run(["qr", text] + (invert ? ["--invert"] : []), environment: ["TERM": "dumb"])
        #expect(plain.status == 0 && dumb.status == 0)
        #expect(plain.output == dumb.output)
        #expect(plain.standardOutput.allSatisfy { $0 == "#" || $0 == " " || $0 == "\n" })
        let image = directory.appendingPathComponent("ascii.pgm")
        try Tool.pgm(fromASCII: plain.standardOutput, inkIsDark: invert).write(to: image)
        #expect(try Tool.decode(imageAt: image.path) == Data(text.utf8))
    }

    @Test("binary input from a file and from stdin decodes byte for byte")
    func binary() throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Data([0x00, 0xFF, 0xFE, 0x80, 0x0A, 0x0D, 0xC3, 0x28] + Array(0...255))
        let input = directory.appendingPathComponent("input.bin")
        try bytes.write(to: input)

        let png = directory.appendingPathComponent("a.png").path
        #expect(try Tool.run(["qr", "--input", input.path, "-o", png]).status == 0)
        #expect(try Tool.decode(imageAt: png, binary: true) == bytes)

        let svgResult = try Tool.run(["qr", "--input", "-", "--format", "svg"], stdin: bytes)
        #expect(svgResult.status == 0, "\(svgResult.standardError)")
        let svg = directory.appendingPathComponent("b.svg")
        let raster = directory.appendingPathComponent("b.png")
        try svgResult.output.write(to: svg)
        try Tool.rasterize(svgAt: svg.path, to: raster.path)
        #expect(try Tool.decode(imageAt: raster.path, binary: true) == bytes)
    }

    @Test("PNG to a pipe is written as is")
    func pngToPipe() throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Tool.run(["qr", "hello", "--format", "png", "--module-size", "3"])
        #expect(result.status == 0)
        #expect(result.output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let file = directory.appendingPathComponent("pipe.png")
        try result.output.write(to: file)
        #expect(try Tool.decode(imageAt: file.path) == Data("hello".utf8))
    }

    @Test("too long text: exit 64 and a message naming the limit")
    func tooLong() throws {
        let text = String(repeating: "x", count: 3000)
        let result = try Tool.run(["qr", text])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.standardError.contains("error: The text is too long for a QR code: 3000 bytes"))
        #expect(result.standardError.contains("at most 2331 bytes"))
        #expect(result.standardError.contains("--ec L"))
        let low = try Tool.run(["qr", text, "--ec", "L"])
        #expect(low.status == 64)
        #expect(low.standardError.contains("at most 2953 bytes"))
        #expect(!low.standardError.contains("--ec L"))
    }

    @Test("usage errors exit 64", arguments: [
        ["qr"], ["qr", "a", "--input", "-"], ["qr", "a", "--module-size", "0"], ["qr", "a", "--quiet-zone", "17"],
        ["qr", "a", "--ec", "X"], ["qr", "a", "--format", "gif"],
    ])
    func usage(arguments: [String]) throws {
        let result = try Tool.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
    }

    @Test("empty input: exit 64")
    func empty() throws {
        let result = try Tool.run(["qr", "--input", "-"], stdin: Data())
        #expect(result.status == 64)
        #expect(result.standardError.contains("nothing to encode"))
    }

    @Test("an existing output file is kept unless --force")
    func noOverwrite() throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("code.svg")
        try Data("keep".utf8).write(to: file)
        let refused = try Tool.run(["qr", "new", "-o", file.path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("already exists"))
        #expect(try Data(contentsOf: file) == Data("keep".utf8))
        let forced = try Tool.run(["qr", "new", "-o", file.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<svg"))

        let link = directory.appendingPathComponent("link.png")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        let symlink = try Tool.run(["qr", "x", "-o", link.path, "--force"])
        #expect(symlink.status == 1)
        #expect(symlink.standardError.contains("symbolic link"))
    }

    @Test("a file name with escape sequences is shown neutralized in the error; a new file is 0600")
    func outputPathNeutralized() throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("code\u{1B}]0;pwned\u{7}.svg")
        try Data("keep".utf8).write(to: file)
        let refused = try Tool.run(["qr", "new", "-o", file.path])
        #expect(refused.status == 1)
        #expect(!refused.standardError.contains("\u{1B}") && !refused.standardError.contains("\u{7}"), "\(refused.standardError)")
        #expect(try Data(contentsOf: file) == Data("keep".utf8))
        let fresh = directory.appendingPathComponent("fresh.png")
        #expect(try Tool.run(["qr", "new", "-o", fresh.path]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("terminal output: colour only when asked (stdout is a pipe here)")
    func terminalOutput() throws {
        let plain = try Tool.run(["qr", "hello"])
        #expect(plain.status == 0)
        #expect(!plain.standardOutput.contains("\u{1B}"))
        #expect(plain.standardOutput.contains("█"))
        let lines = plain.standardOutput.split(separator: "\n")
        #expect(lines.count == (21 + 4 + 1) / 2)
        let colored = try Tool.run(["qr", "hello", "--color", "always"])
        #expect(colored.standardOutput.hasPrefix("\u{1B}[30;107m"))
        let inverted = try Tool.run(["qr", "hello", "--invert"])
        #expect(inverted.output != plain.output)
    }

    @Test("on a terminal: colour by default, none with NO_COLOR, and no PNG bytes")
    func onTerminal() throws {
        let colored = try Tool.runOnTerminal(["qr", "hello"])
        #expect(colored.status == 0)
        #expect(colored.standardOutput.contains("\u{1B}[30;107m"))
        let noColor = try Tool.runOnTerminal(["qr", "hello"], environment: ["NO_COLOR": "1"])
        #expect(noColor.status == 0)
        #expect(!noColor.standardOutput.contains("\u{1B}["))
        #expect(noColor.standardOutput.contains("█"))
        let png = try Tool.runOnTerminal(["qr", "hello", "--format", "png"])
        #expect(png.status == 64)
        #expect(png.standardOutput.contains("Refusing to write a PNG image to the terminal"))
        #expect(!png.output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
