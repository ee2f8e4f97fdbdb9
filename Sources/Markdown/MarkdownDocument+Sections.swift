/// A heading and the blocks under it, up to the next heading of the same or a higher level.
public struct MarkdownSection: Sendable, Hashable {
    /// The heading's plain text, for example `Conversations (Android)`.
    public var title: String
    public var level: Int
    /// Indices into ``MarkdownDocument/blocks``, the heading included.
    public var blockRange: Range<Int>
}

extension MarkdownDocument {
    /// The sections introduced by headings of `level` (by default `##`).
    public func sections(level: Int = 2) -> [MarkdownSection] {
        var result: [MarkdownSection] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let headingLevel, let inlines) = block else { continue }
            if headingLevel <= level, let last = result.last, last.blockRange.upperBound == blocks.count {
                result[result.count - 1].blockRange = last.blockRange.lowerBound..<index
            }
            if headingLevel == level {
                result.append(MarkdownSection(title: inlines.plainText, level: level, blockRange: index..<blocks.count))
            }
        }
        return result
    }

    /// The section of `level` whose title names `name`: compared without case, spaces or punctuation, and
    /// ignoring a parenthesised remark (`Conversations (Android)` is named by `conversations`). An exact name
    /// wins; otherwise a unique prefix (`monocles` for `Monocles chat`, `converse` for `Converse.js`).
    public func section(named name: String, level: Int = 2) -> MarkdownSection? {
        let wanted = Self.normalizedName(name)
        guard !wanted.isEmpty else { return nil }
        let candidates = sections(level: level)
        if let exact = candidates.first(where: { Self.normalizedName(Self.mainTitle($0.title)) == wanted }) {
            return exact
        }
        let prefixed = candidates.filter { Self.normalizedName(Self.mainTitle($0.title)).hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// A document with the blocks before the first section of `section.level` (the introduction) followed by
    /// `section`, re-parsed from the corresponding source lines so that ``html()`` renders the same content.
    public func narrowed(to section: MarkdownSection) -> MarkdownDocument {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let introEnd =
            sections(level: section.level).first.map { blockLines[$0.blockRange.lowerBound] - 1 }
            ?? lines.count
        let start = blockLines[section.blockRange.lowerBound] - 1
        let end =
            section.blockRange.upperBound < blockLines.count
            ? blockLines[section.blockRange.upperBound] - 1 : lines.count
        let kept = lines[0..<min(introEnd, lines.count)] + lines[min(start, lines.count)..<min(end, lines.count)]
        return MarkdownDocument(parsing: kept.joined(separator: "\n"))
    }

    /// `Conversations (Android)` → `Conversations`.
    static func mainTitle(_ title: String) -> String {
        String(title.prefix { $0 != "(" })
    }

    /// Lower-cased letters and digits only: `Converse.js` → `conversejs`.
    static func normalizedName(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
