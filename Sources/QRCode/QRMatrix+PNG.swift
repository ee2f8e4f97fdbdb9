import CPNG

/// PNG output: the pixels are drawn here, libpng only compresses them.
extension QRMatrix {
    /// The standard quiet zone for images and print, in modules (ISO/IEC 18004 §6.3.8).
    public static let standardQuietZone = 4

    /// The default size of one module in PNG pixels and SVG user units.
    public static let defaultModuleSize = 8

    /// Module sizes accepted by the image renderers.
    public static let moduleSizeRange = 1...64

    /// The side of a rendered image in pixels.
    public func imageSide(moduleSize: Int, quietZone: Int) -> Int {
        (size + 2 * quietZone) * moduleSize
    }

    /// The symbol as an 8-bit greyscale PNG: black modules on white, `moduleSize` pixels per module.
    ///
    /// Uses libpng's simplified write API (`png_image_write_to_memory`, libpng ≥ 1.6.29), which reports errors
    /// through `png_image.message` instead of `longjmp`, so no C error handling crosses into Swift.
    public func pngData(
        moduleSize: Int = QRMatrix.defaultModuleSize,
        quietZone: Int = QRMatrix.standardQuietZone
    ) throws(QRCodeError) -> [UInt8] {
        guard Self.moduleSizeRange.contains(moduleSize) else {
            throw .invalidParameter(name: "moduleSize", value: moduleSize)
        }
        try Self.checkQuietZone(quietZone)
        let side = imageSide(moduleSize: moduleSize, quietZone: quietZone)
        let pixels = grayscalePixels(moduleSize: moduleSize, quietZone: quietZone)

        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(side)
        image.height = png_uint_32(side)
        image.format = png_uint_32(PNG_FORMAT_GRAY)
        defer { png_image_free(&image) }

        // First call measures, second call writes.
        var byteCount: png_alloc_size_t = 0
        let measured = pixels.withUnsafeBytes { buffer in
            png_image_write_to_memory(&image, nil, &byteCount, 0, buffer.baseAddress, Int32(side), nil)
        }
        guard measured != 0, byteCount > 0 else { throw .pngEncodingFailed(message: Self.message(of: &image)) }
        var output = [UInt8](repeating: 0, count: Int(byteCount))
        let written = output.withUnsafeMutableBytes { outputBuffer in
            pixels.withUnsafeBytes { buffer in
                png_image_write_to_memory(
                    &image, outputBuffer.baseAddress, &byteCount, 0, buffer.baseAddress, Int32(side), nil
                )
            }
        }
        guard written != 0 else { throw .pngEncodingFailed(message: Self.message(of: &image)) }
        return Array(output.prefix(Int(byteCount)))
    }

    /// One byte per pixel, row-major, 0 for dark and 255 for light.
    func grayscalePixels(moduleSize: Int, quietZone: Int) -> [UInt8] {
        let side = imageSide(moduleSize: moduleSize, quietZone: quietZone)
        var pixels = [UInt8](repeating: 255, count: side * side)
        for row in 0..<size {
            for column in 0..<size where self[row, column] {
                let top = (row + quietZone) * moduleSize
                let left = (column + quietZone) * moduleSize
                for y in top..<(top + moduleSize) {
                    let start = y * side + left
                    for index in start..<(start + moduleSize) {
                        pixels[index] = 0
                    }
                }
            }
        }
        return pixels
    }

    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
