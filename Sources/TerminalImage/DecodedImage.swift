import CChafa

/// Pixels decoded by gdk-pixbuf from PNG, JPEG or GIF bytes held in memory (`GdkPixbufLoader`).
struct DecodedImage {
    let width: Int
    let height: Int
    let rowStride: Int
    let hasAlpha: Bool
    /// 8-bit RGB or RGBA rows, `rowStride` bytes apart.
    let pixels: [UInt8]

    /// Decodes `bytes` with the gdk-pixbuf functions of `api` (``ChafaLibrary``).
    init(_ bytes: [UInt8], with api: XOChafaAPI) throws(TerminalImage.Failure) {
        // CAPTCHA bytes come from the server: only the three raster formats reach gdk-pixbuf, never one of its
        // other loaders (SVG through librsvg, TIFF, ICO …) chosen by content sniffing.
        guard Self.isSupportedFormat(bytes) else { throw .undecodable("not a PNG, JPEG or GIF image") }
        guard let loader = api.gdk_pixbuf_loader_new() else { throw .undecodable("no image loader") }
        defer { api.g_object_unref(UnsafeMutableRawPointer(loader)) }
        // `struct _GError *` values (opaque here); their fields are read through the `XOGError` mirror.
        var error: OpaquePointer?
        let written = bytes.withUnsafeBufferPointer {
            api.gdk_pixbuf_loader_write(loader, $0.baseAddress, $0.count, &error)
        }
        var closeError: OpaquePointer?
        let closed = api.gdk_pixbuf_loader_close(loader, &closeError)
        if error == nil {
            error = closeError
        } else if let closeError {
            api.g_error_free(closeError)
        }
        if written == 0 || closed == 0 {
            let message = error.flatMap { error in
                UnsafePointer<XOGError>(error).pointee.message.map { String(cString: $0) }
            }
            if let error { api.g_error_free(error) }
            throw .undecodable(message ?? "unknown format")
        }
        // The loader owns the pixbuf; it stays valid until the loader is released (deferred above).
        guard let pixbuf = api.gdk_pixbuf_loader_get_pixbuf(loader) else { throw .undecodable("no image") }
        let width = Int(api.gdk_pixbuf_get_width(pixbuf))
        let height = Int(api.gdk_pixbuf_get_height(pixbuf))
        let channels = Int(api.gdk_pixbuf_get_n_channels(pixbuf))
        let bitsPerSample = Int(api.gdk_pixbuf_get_bits_per_sample(pixbuf))
        guard width > 0, height > 0, width <= TerminalImage.maximumSide, height <= TerminalImage.maximumSide,
            bitsPerSample == 8, channels == 3 || channels == 4
        else { throw .invalidSize(width: width, height: height) }
        let stride = Int(api.gdk_pixbuf_get_rowstride(pixbuf))
        var length: UInt32 = 0
        guard let base = api.gdk_pixbuf_get_pixels_with_length(pixbuf, &length) else {
            throw .undecodable("no pixels")
        }
        self.width = width
        self.height = height
        self.rowStride = stride
        self.hasAlpha = api.gdk_pixbuf_get_has_alpha(pixbuf) != 0 && channels == 4
        self.pixels = Array(UnsafeBufferPointer(start: base, count: Int(length)))
    }

    /// Whether `bytes` start with the signature of PNG (ISO/IEC 15948 §5.2), JPEG (SOI marker) or GIF (87a/89a).
    static func isSupportedFormat(_ bytes: [UInt8]) -> Bool {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
        let gif87: [UInt8] = Array("GIF87a".utf8)
        let gif89: [UInt8] = Array("GIF89a".utf8)
        return [png, jpeg, gif87, gif89].contains { bytes.starts(with: $0) }
    }
}
