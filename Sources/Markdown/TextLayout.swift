/// Breaks styled inline text into lines no wider than a given number of terminal columns.
///
/// Text is cut into atoms: words between spaces, single CJK characters (a line may break between them without a
/// space), and unbreakable runs such as code spans and URLs. Lines are filled greedily; an atom wider than a
/// whole line is cut by characters.
struct TextLayout {
    struct Piece: Hashable {
        var text: String
        var style: TerminalStyle
    }

    enum Atom: Hashable {
        case word(pieces: [Piece], width: Int, spaceBefore: Bool)
        case lineBreak
    }

    private(set) var atoms: [Atom] = []
    private var current: [Piece] = []
    private var currentWidth = 0
    private var currentSpaceBefore = false
    private var pendingSpace = false

    /// Adds text that may break at spaces.
    mutating func append(_ text: String, style: TerminalStyle) {
        for character in Self.sanitized(text) {
            if character == " " {
                finishWord()
                pendingSpace = true
            } else if DisplayWidth.allowsBreakWithoutSpace(character) {
                finishWord()
                add(character, style: style)
                finishWord()
            } else {
                add(character, style: style)
            }
        }
    }

    /// Adds text that must not break (a code span, a URL), starting a new word after a space if `spaced`.
    mutating func appendUnbreakable(_ text: String, style: TerminalStyle, spaced: Bool) {
        if spaced {
            finishWord()
            pendingSpace = true
        }
        for character in Self.sanitized(text) { add(character, style: style) }
    }

    /// A space between words (soft line break).
    mutating func appendSpace() {
        finishWord()
        pendingSpace = true
    }

    /// A hard line break.
    mutating func appendLineBreak() {
        finishWord()
        atoms.append(.lineBreak)
        pendingSpace = false
    }

    private mutating func add(_ character: Character, style: TerminalStyle) {
        if current.isEmpty {
            currentSpaceBefore = pendingSpace
            pendingSpace = false
        }
        if let last = current.last, last.style == style {
            current[current.count - 1].text.append(character)
        } else {
            current.append(Piece(text: String(character), style: style))
        }
        currentWidth += DisplayWidth.of(character)
    }

    private mutating func finishWord() {
        guard !current.isEmpty else { return }
        atoms.append(.word(pieces: current, width: currentWidth, spaceBefore: currentSpaceBefore))
        current = []
        currentWidth = 0
    }

    /// Control characters (C0, DEL, C1) would be interpreted by the terminal: tabs and newlines become spaces,
    /// the others are dropped.
    static func sanitized(_ text: String) -> String {
        String(
            text.unicodeScalars.compactMap { scalar -> Character? in
                switch scalar.value {
                case 0x09, 0x0A, 0x0D: " "
                case 0x00...0x1F, 0x7F...0x9F: nil
                default: Character(scalar)
                }
            })
    }

    /// The atoms laid out in lines of at most `width` columns.
    mutating func lines(width: Int) -> [[Piece]] {
        finishWord()
        let width = max(width, 1)
        var lines: [[Piece]] = []
        var line: [Piece] = []
        var lineWidth = 0
        func flush() {
            lines.append(line)
            line = []
            lineWidth = 0
        }
        for atom in atoms {
            guard case .word(let pieces, let atomWidth, let spaceBefore) = atom else {
                flush()
                continue
            }
            let space = spaceBefore && !line.isEmpty ? 1 : 0
            if !line.isEmpty, lineWidth + space + atomWidth > width { flush() }
            if line.isEmpty, atomWidth > width {
                for chunk in Self.split(pieces, width: width) {
                    if !line.isEmpty { flush() }
                    line = chunk.pieces
                    lineWidth = chunk.width
                }
                continue
            }
            if spaceBefore, !line.isEmpty {
                // A space inside an underlined link stays underlined; elsewhere it is plain.
                let shared = (line.last?.style ?? []).intersection(pieces.first?.style ?? [])
                line.append(Piece(text: " ", style: shared.intersection(.underline)))
                lineWidth += 1
            }
            line.append(contentsOf: pieces)
            lineWidth += atomWidth
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    /// Cuts an over-long word into chunks of at most `width` columns.
    private static func split(_ pieces: [Piece], width: Int) -> [(pieces: [Piece], width: Int)] {
        var chunks: [(pieces: [Piece], width: Int)] = [([], 0)]
        for piece in pieces {
            for character in piece.text {
                let characterWidth = DisplayWidth.of(character)
                if chunks[chunks.count - 1].width + characterWidth > width, chunks[chunks.count - 1].width > 0 {
                    chunks.append(([], 0))
                }
                var chunk = chunks[chunks.count - 1]
                if let last = chunk.pieces.last, last.style == piece.style {
                    chunk.pieces[chunk.pieces.count - 1].text.append(character)
                } else {
                    chunk.pieces.append(Piece(text: String(character), style: piece.style))
                }
                chunk.width += characterWidth
                chunks[chunks.count - 1] = chunk
            }
        }
        return chunks
    }
}
