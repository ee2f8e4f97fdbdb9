import Testing

@testable import QRCode

@Suite("QRMatrix: terminal and ASCII renderings")
struct TerminalRenderingTests {
    /// Reads a monochrome half-block rendering back into rows of "inked" flags.
    static func inkedRows(fromHalfBlocks text: String) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var top: [Bool] = []
            var bottom: [Bool] = []
            for character in line {
                switch character {
                case "█": top.append(true); bottom.append(true)
                case "▀": top.append(true); bottom.append(false)
                case "▄": top.append(false); bottom.append(true)
                default: top.append(false); bottom.append(false)
                }
            }
            rows.append(top)
            rows.append(bottom)
        }
        return rows
    }

    /// The expected dark/light rows including the quiet zone.
    static func expectedRows(_ matrix: QRMatrix, quietZone: Int) -> [[Bool]] {
        (-quietZone..<(matrix.size + quietZone)).map { row in
            (-quietZone..<(matrix.size + quietZone)).map { matrix.isDark(row: row, column: $0) }
        }
    }

    @Test("monochrome half blocks reproduce every module", arguments: [0, 1, 2, 4])
    func monochrome(quietZone: Int) throws {
        let matrix = try QRMatrix(encoding: "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp")
        let expected = Self.expectedRows(matrix, quietZone: quietZone)
        let side = matrix.size + 2 * quietZone

        let normal = try matrix.terminalText(quietZone: quietZone, style: .monochrome)
        #expect(!normal.contains("\u{1B}"))
        let lines = normal.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        // Default: glyphs mark the light modules (light text on a dark background).
        let inked = Array(Self.inkedRows(fromHalfBlocks: normal).prefix(side))
        #expect(inked == expected.map { $0.map { !$0 } })

        let inverted = try matrix.terminalText(quietZone: quietZone, style: .monochrome, inverted: true)
        #expect(Array(Self.inkedRows(fromHalfBlocks: inverted).prefix(side)) == expected)
        // The padding half of the last line is never inked.
        #expect(Self.inkedRows(fromHalfBlocks: inverted).last?.allSatisfy { !$0 } == true)
    }

    @Test("colored output draws dark modules black on white and resets every line")
    func colored() throws {
        let matrix = try QRMatrix(encoding: "hello")
        let text = try matrix.terminalText(quietZone: 2, style: .colored)
        let lines = text.split(separator: "\n")
        #expect(lines.count == (21 + 4 + 1) / 2)
        for line in lines {
            #expect(line.hasSuffix("\u{1B}[0m"))
        }
        #expect(lines[0].hasPrefix("\u{1B}[30;107m"))
        // Stripped of escapes, the full lines are the inverted monochrome rendering.
        let stripped = lines.dropLast().map { String($0).replacingOccurrences(of: "\u{1B}[30;107m", with: "") }
            .map { $0.replacingOccurrences(of: "\u{1B}[0m", with: "") }
        let monochrome = try matrix.terminalText(quietZone: 2, style: .monochrome, inverted: true)
            .split(separator: "\n").dropLast().map(String.init)
        #expect(stripped == monochrome)
        // The last line colours only the upper halves.
        #expect(lines.last?.contains("▀") == true)
        #expect(lines.last?.contains("█") == false)

        let inverted = try matrix.terminalText(quietZone: 2, style: .colored, inverted: true)
        #expect(inverted.hasPrefix("\u{1B}[97;40m"))
    }

    @Test("ASCII uses two characters per module", arguments: [false, true])
    func ascii(inverted: Bool) throws {
        let matrix = try QRMatrix(encoding: "Grüße, Welt")
        let text = try matrix.asciiText(quietZone: 4, inverted: inverted)
        #expect(text.allSatisfy { $0 == "#" || $0 == " " || $0 == "\n" })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == matrix.size + 8)
        let rows = lines.map { line in stride(from: 0, to: line.count, by: 2).map { Array(line)[$0] == "#" } }
        let expected = Self.expectedRows(matrix, quietZone: 4)
        #expect(rows == (inverted ? expected : expected.map { $0.map { !$0 } }))
    }

    @Test("quiet zone outside 0…16 is rejected")
    func quietZoneRange() throws {
        let matrix = try QRMatrix(encoding: "x")
        #expect(throws: QRCodeError.invalidParameter(name: "quietZone", value: -1)) {
            try matrix.terminalText(quietZone: -1)
        }
        #expect(throws: QRCodeError.invalidParameter(name: "quietZone", value: 17)) {
            try matrix.asciiText(quietZone: 17)
        }
    }

    @Test("half-block glyph table")
    func glyphs() {
        #expect(QRMatrix.halfBlock(top: true, bottom: true) == "█")
        #expect(QRMatrix.halfBlock(top: true, bottom: false) == "▀")
        #expect(QRMatrix.halfBlock(top: false, bottom: true) == "▄")
        #expect(QRMatrix.halfBlock(top: false, bottom: false) == " ")
    }
}
