import CChafa

/// Pixels decoded by gdk-pixbuf from PNG, JPEG or GIF bytes held in memory (`GdkPixbufLoader`).
struct DecodedImage {
    let width: Int
    let height: Int
    let rowStride: Int
    let hasAlpha: Bool
    /// 8-bit RGB or RGBA rows, `rowStride` bytes apart.
    let pixels: [UInt8]

    init(_ bytes: [UInt8]) throws(TerminalImage.Failure) {
        guard !bytes.isEmpty, let loader = gdk_pixbuf_loader_new() else { throw .undecodable("empty") }
        defer { cchafa_loader_unref(loader) }
        var error: UnsafeMutablePointer<GError>?
        let written = bytes.withUnsafeBufferPointer { gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error) }
        var closeError: UnsafeMutablePointer<GError>?
        let closed = gdk_pixbuf_loader_close(loader, &closeError)
        if error == nil {
            error = closeError
        } else {
            cchafa_error_free(closeError)
        }
        if written == 0 || closed == 0 {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown format"
            cchafa_error_free(error)
            throw .undecodable(message)
        }
        // The loader owns the pixbuf; it stays valid until the loader is released (deferred above).
        guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else { throw .undecodable("no image") }
        let width = Int(gdk_pixbuf_get_width(pixbuf))
        let height = Int(gdk_pixbuf_get_height(pixbuf))
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
        let bitsPerSample = Int(gdk_pixbuf_get_bits_per_sample(pixbuf))
        guard width > 0, height > 0, width <= TerminalImage.maximumSide, height <= TerminalImage.maximumSide,
            bitsPerSample == 8, channels == 3 || channels == 4
        else { throw .invalidSize(width: width, height: height) }
        let stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        var length: guint = 0
        guard let base = gdk_pixbuf_get_pixels_with_length(pixbuf, &length) else { throw .undecodable("no pixels") }
        self.width = width
        self.height = height
        self.rowStride = stride
        self.hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0 && channels == 4
        self.pixels = Array(UnsafeBufferPointer(start: base, count: Int(length)))
    }
}
