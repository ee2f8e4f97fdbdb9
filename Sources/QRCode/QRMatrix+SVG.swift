/// SVG output: one path of crisp rectangles, printable and embeddable in HTML.
extension QRMatrix {
    /// The symbol as a standalone SVG document (no XML declaration, so it can also be pasted into HTML).
    ///
    /// The `viewBox` is in modules, so the drawing scales without blurring; `width` and `height` are
    /// `moduleSize` user units per module. Runs of dark modules in a row become one rectangle, and
    /// `shape-rendering="crispEdges"` keeps edges sharp when rasterized.
    public func svgText(
        moduleSize: Int = QRMatrix.defaultModuleSize,
        quietZone: Int = QRMatrix.standardQuietZone
    ) throws(QRCodeError) -> String {
        guard Self.moduleSizeRange.contains(moduleSize) else {
            throw .invalidParameter(name: "moduleSize", value: moduleSize)
        }
        try Self.checkQuietZone(quietZone)
        let modulesPerSide = size + 2 * quietZone
        let pixels = modulesPerSide * moduleSize
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size && self[row, column] { column += 1 }
                path += "M\(start + quietZone) \(row + quietZone)h\(column - start)v1h-\(column - start)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(modulesPerSide) \(modulesPerSide)" shape-rendering="crispEdges">
            <rect width="\(modulesPerSide)" height="\(modulesPerSide)" fill="#ffffff"/>
            <path fill="#000000" d="\(path)"/>
            </svg>

            """
    }
}
