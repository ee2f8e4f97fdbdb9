import QRCode
import Testing
import TerminalImage

/// `TerminalImage` (libchafa + gdk-pixbuf): decoding from memory, the three output protocols, and the choice
/// of protocol and colours from the environment.
@Suite("Terminal images (libchafa)")
struct TerminalImageTests {
    /// A real PNG made by the QRCode target (black and white, 8-bit).
    static func png() throws -> [UInt8] {
        try QRMatrix(encoding: "xmpp:alice@example.org").pngData(moduleSize: 4, quietZone: 4)
    }

    @Test("symbols: colour block characters within the size bounds")
    func symbols() throws {
        let image = TerminalImage(mode: .symbols, colors: .indexed256, maximumColumns: 40, maximumRows: 10)
        let text = try image.render(try Self.png())
        let lines = text.split(separator: "\n")
        #expect(!lines.isEmpty && lines.count <= 10)
        #expect(text.contains("\u{1B}["))
    }

    @Test("symbols without colours carry no colour escapes")
    func monochrome() throws {
        let image = TerminalImage(mode: .symbols, colors: .none, maximumColumns: 30, maximumRows: 8)
        let text = try image.render(try Self.png())
        #expect(!text.isEmpty)
        #expect(!text.contains("38;5;") && !text.contains("38;2;"))
    }

    @Test("sixel output is a DCS sequence; kitty output is an APC graphics command")
    func pixelProtocols() throws {
        let sixel = try TerminalImage(mode: .sixel, colors: .trueColor, environment: ["TERM": "foot"]).render(try Self.png())
        #expect(sixel.contains("\u{1B}P"))
        let kitty = try TerminalImage(mode: .kitty, colors: .trueColor, environment: ["TERM": "xterm-kitty"]).render(try Self.png())
        #expect(kitty.contains("\u{1B}_G"))
    }

    /// SVG, TIFF, ICO … never reach gdk-pixbuf's other loaders (librsvg for SVG): the signature is checked first.
    @Test("bytes that are no image, or another format than PNG, JPEG and GIF, are refused")
    func undecodable() {
        #expect(throws: TerminalImage.Failure.undecodable("not a PNG, JPEG or GIF image")) {
            try TerminalImage(mode: .symbols, colors: .none).render(Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
        }
        #expect(throws: TerminalImage.Failure.self) {
            try TerminalImage(mode: .symbols, colors: .none).render(Array("<svg onload=alert(1)>".utf8))
        }
        #expect(throws: TerminalImage.Failure.self) { try TerminalImage(mode: .symbols, colors: .none).render([]) }
    }

    /// The loader's GError is read through shim.h's `XOGError` mirror (libraries loaded with dlopen).
    @Test("an undecodable image carries gdk-pixbuf's own message")
    func loaderMessage() {
        do {
            let brokenPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("not a chunk".utf8)
            _ = try TerminalImage(mode: .symbols, colors: .none).render(brokenPNG)
            Issue.record("expected .undecodable")
        } catch .undecodable(let message) {
            #expect(!message.isEmpty && message != "unknown format", "message: \(message)")
        } catch {
            Issue.record("expected .undecodable, got \(error)")
        }
    }

    @Test("protocol and colours chosen from the environment", arguments: [
        (["TERM": "xterm-kitty"], TerminalImage.Mode.kitty),
        (["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"], .kitty),
        (["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], .iTerm2),
        (["TERM": "foot"], .sixel),
        (["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], .sixel),
        (["TERM": "xterm-kitty", "TMUX": "/tmp/tmux"], .symbols),
        (["TERM": "xterm-256color"], .symbols),
        (["TERM": "dumb"], .symbols),
    ])
    func detection(environment: [String: String], mode: TerminalImage.Mode) {
        #expect(TerminalImage(detectingFrom: environment).mode == mode)
    }

    @Test("colours: COLORTERM truecolor, 256color TERM, NO_COLOR")
    func colors() {
        #expect(TerminalImage(detectingFrom: ["TERM": "xterm", "COLORTERM": "truecolor"]).colors == .trueColor)
        #expect(TerminalImage(detectingFrom: ["TERM": "xterm-256color"]).colors == .indexed256)
        #expect(TerminalImage(detectingFrom: ["TERM": "xterm"]).colors == .indexed16)
        #expect(TerminalImage(detectingFrom: ["TERM": "xterm-256color", "NO_COLOR": "1"]).colors == .none)
    }
}
