import Foundation
import Testing
import XMPPTestSupport

/// The image tools the tests check against (zbarimg, rsvg-convert), through ``QRImageTools``.
enum ExternalTool {
    /// A fresh directory for one test (tests run in parallel).
    static func makeTemporaryDirectory() throws -> URL {
        try TestDirectories.makeUnique(prefix: "qrcode-tests")
    }

    /// The bytes zbarimg decodes from the image at `path` (no charset conversion).
    static func decodeBytes(imageAt path: String) throws -> [UInt8] {
        Array(try QRImageTools.decode(imageAt: path, binary: true))
    }

    /// The text zbarimg decodes from the image at `path`, without the newline it appends.
    static func decodeText(imageAt path: String) throws -> String {
        String(decoding: try QRImageTools.decode(imageAt: path), as: UTF8.self)
    }

    /// Rasterizes an SVG file to PNG with rsvg-convert.
    static func rasterize(svgAt path: String, to pngPath: String) throws {
        try QRImageTools.rasterize(svgAt: path, to: pngPath)
    }
}
