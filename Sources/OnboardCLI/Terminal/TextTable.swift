import FoundationEssentials

/// A plain-text table that fits a terminal width: low-priority columns are dropped first, then the flexible
/// column is cut with `…`. Cells must already be neutralized (`TerminalText`).
struct TextTable {
    struct Column {
        let header: String
        /// 0 is never dropped; higher numbers go first when space is short.
        let priority: Int
        /// May be shortened with `…` (at most one such column is used: the first).
        let isFlexible: Bool
        /// Right-aligned (numbers).
        let alignsRight: Bool

        init(_ header: String, priority: Int, isFlexible: Bool = false, alignsRight: Bool = false) {
            self.header = header
            self.priority = priority
            self.isFlexible = isFlexible
            self.alignsRight = alignsRight
        }
    }

    let columns: [Column]
    var rows: [[String]] = []

    static let separator = "  "
    /// The narrowest a flexible column is cut to.
    static let minimumFlexibleWidth = 8

    /// The rendered lines for `width` columns (`nil` = unlimited).
    func render(width: Int?) -> [String] {
        var visible = Array(columns.indices)
        var widths = columns.indices.map { index in
            rows.reduce(Self.displayWidth(columns[index].header)) { max($0, Self.displayWidth($1[index])) }
        }
        func total() -> Int {
            visible.reduce(0) { $0 + widths[$1] } + Self.separator.count * max(0, visible.count - 1)
        }
        if let width {
            // Keep domains whole where possible: drop the lowest-priority columns first, and cut the flexible
            // column only when the essential columns alone are too wide.
            while total() > width,
                let drop = visible.filter({ columns[$0].priority > 0 }).max(by: {
                    (columns[$0].priority, $0) < (columns[$1].priority, $1)
                })
            {
                visible.removeAll { $0 == drop }
            }
            if total() > width, let flexible = visible.first(where: { columns[$0].isFlexible }) {
                widths[flexible] = max(Self.minimumFlexibleWidth, widths[flexible] - (total() - width))
            }
        }
        let header = line(visible.map { columns[$0].header }, visible: visible, widths: widths)
        return [header] + rows.map { line([], visible: visible, widths: widths, row: $0) }
    }

    private func line(_ cells: [String], visible: [Int], widths: [Int], row: [String]? = nil) -> String {
        var parts: [String] = []
        for (position, index) in visible.enumerated() {
            let text = row.map { $0[index] } ?? cells[position]
            let cell = Self.fit(text, to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(cell)))
            let isLast = position == visible.count - 1
            if columns[index].alignsRight {
                parts.append(padding + cell)
            } else {
                parts.append(isLast ? cell : cell + padding)
            }
        }
        return parts.joined(separator: Self.separator)
    }

    static func fit(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Characters, an approximation of terminal cells good enough for domains, codes and numbers.
    static func displayWidth(_ text: String) -> Int { text.count }
}
