/// Text renderings for terminals: Unicode half blocks (two module rows per line) and plain ASCII.
extension QRMatrix {
    /// How a terminal rendering gets its contrast.
    public enum TerminalStyle: Sendable, Hashable {
        /// Explicit SGR colours (black on white), so the code scans the same on dark and light themes.
        case colored
        /// No escape sequences: glyphs are drawn in the terminal's text colour. By default the glyphs mark the
        /// light modules, which is right for light text on a dark background; `inverted` marks the dark
        /// modules instead (dark text on a light background).
        case monochrome
    }

    /// The recommended quiet zone for terminals, in modules (the standard's 4 costs two more lines).
    public static let defaultTerminalQuietZone = 2

    /// The symbol drawn with `▀`, `▄`, `█` and spaces, two module rows per line, with a quiet zone.
    ///
    /// - Parameters:
    ///   - quietZone: light modules around the symbol (0…16).
    ///   - style: `.colored` for a colour terminal, `.monochrome` when escapes are unwanted.
    ///   - inverted: swaps dark and light (for themes whose palette swaps black and white, or, in monochrome,
    ///     for dark text on a light background).
    /// - Returns: lines separated by `\n`, without a trailing newline.
    public func terminalText(
        quietZone: Int = QRMatrix.defaultTerminalQuietZone,
        style: TerminalStyle = .colored,
        inverted: Bool = false
    ) throws(QRCodeError) -> String {
        try Self.checkQuietZone(quietZone)
        let first = -quietZone
        let end = size + quietZone
        var lines: [String] = []
        var row = first
        while row < end {
            let hasBottom = row + 1 < end
            var line = ""
            switch style {
            case .colored:
                // Dark modules in the foreground colour on a light background colour.
                let (foreground, background) = inverted ? ("97", "40") : ("30", "107")
                if hasBottom {
                    line += "\u{1B}[\(foreground);\(background)m"
                    for column in first..<end {
                        line += Self.halfBlock(
                            top: isDark(row: row, column: column),
                            bottom: isDark(row: row + 1, column: column)
                        )
                    }
                } else {
                    // Last line of an odd height: only the upper half belongs to the code.
                    let darkColor = inverted ? "97" : "30"
                    let lightColor = inverted ? "30" : "97"
                    var current = ""
                    for column in first..<end {
                        let color = isDark(row: row, column: column) ? darkColor : lightColor
                        if color != current {
                            line += "\u{1B}[0;\(color)m"
                            current = color
                        }
                        line += "▀"
                    }
                }
                line += "\u{1B}[0m"
            case .monochrome:
                // Glyphs mark the modules drawn in the text colour.
                for column in first..<end {
                    let top = isDark(row: row, column: column) == inverted
                    let bottom = hasBottom && isDark(row: row + 1, column: column) == inverted
                    line += Self.halfBlock(top: top, bottom: bottom)
                }
            }
            lines.append(line)
            row += 2
        }
        return lines.joined(separator: "\n")
    }

    /// The symbol in plain ASCII for `TERM=dumb` and `--plain`: two characters per module, one line per row.
    ///
    /// As in ``TerminalStyle/monochrome``, `#` marks light modules by default (light text on a dark
    /// background) and dark modules when `inverted`.
    public func asciiText(quietZone: Int = QRMatrix.defaultTerminalQuietZone, inverted: Bool = false) throws(QRCodeError)
        -> String
    {
        try Self.checkQuietZone(quietZone)
        var lines: [String] = []
        for row in -quietZone..<(size + quietZone) {
            var line = ""
            for column in -quietZone..<(size + quietZone) {
                line += isDark(row: row, column: column) == inverted ? "##" : "  "
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A half-block glyph with the upper and/or lower half inked.
    static func halfBlock(top: Bool, bottom: Bool) -> String {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }

    static func checkQuietZone(_ quietZone: Int) throws(QRCodeError) {
        guard (0...16).contains(quietZone) else { throw .invalidParameter(name: "quietZone", value: quietZone) }
    }
}
