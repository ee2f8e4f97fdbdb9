import CChafa

/// Draws an image (PNG, JPEG or GIF bytes) for a terminal with libchafa: sixel, kitty or iTerm2 graphics
/// where the terminal supports them, colour Unicode block symbols otherwise (architecture.md §4.2).
///
/// gdk-pixbuf decodes the bytes in memory (`GdkPixbufLoader`, no temporary file); chafa converts the pixels
/// and prints them with the control sequences of the terminal detected from the environment. Used for
/// CAPTCHA challenges (XEP-0158). Both libraries are loaded with `dlopen` on the first `render`
/// (`ChafaLibrary`); when they are missing, `render` throws ``Failure/librariesUnavailable(_:)``.
public struct TerminalImage: Sendable {
    /// How the image reaches the screen.
    public enum Mode: String, Sendable, CaseIterable {
        /// Unicode block and border symbols with colours (works everywhere with a Unicode font).
        case symbols
        /// DEC sixel graphics (foot, mlterm, WezTerm, xterm -ti vt340 …).
        case sixel
        /// The kitty graphics protocol.
        case kitty
        /// iTerm2 inline images.
        case iTerm2 = "iterm2"
    }

    /// Colours available to `symbols`.
    public enum Colors: String, Sendable, CaseIterable {
        case trueColor = "truecolor"
        case indexed256 = "256"
        case indexed16 = "16"
        /// Foreground and background only (no colour escapes besides inversion).
        case none
    }

    /// Why an image could not be drawn.
    public enum Failure: Error, Sendable, Hashable {
        /// gdk-pixbuf could not decode the bytes (the loader's message).
        case undecodable(String)
        /// The decoded image is empty or absurdly large.
        case invalidSize(width: Int, height: Int)
        /// chafa returned nothing.
        case renderingFailed
        /// libchafa, gdk-pixbuf or GLib could not be loaded (`dlopen`/`dlsym`): the soname or symbol, and the
        /// loader's message.
        case librariesUnavailable(String)
    }

    /// The largest image accepted (pixels per side).
    public static let maximumSide = 4_096

    public var mode: Mode
    public var colors: Colors
    /// The most terminal columns and rows to use; the aspect ratio is kept.
    public var maximumColumns: Int
    public var maximumRows: Int
    /// The environment whose `TERM`/`TERM_PROGRAM`/… choose the control sequences (`chafa_term_db_detect`).
    public var environment: [String: String]

    public init(
        mode: Mode, colors: Colors, maximumColumns: Int = 60, maximumRows: Int = 16,
        environment: [String: String] = [:]
    ) {
        self.mode = mode
        self.colors = colors
        self.maximumColumns = max(1, maximumColumns)
        self.maximumRows = max(1, maximumRows)
        self.environment = environment
    }

    /// A configuration for the terminal described by `environment`: libchafa 1.12 has no
    /// `chafa_term_info_get_best_canvas_mode`, so the graphics protocol is chosen from well-known variables
    /// (kitty's `KITTY_WINDOW_ID` or `TERM=xterm-kitty`, `TERM_PROGRAM=iTerm.app`, sixel terminals by `TERM`
    /// or `TERM_PROGRAM`), and colours from `COLORTERM` and `TERM`. Inside tmux or screen, symbols are used
    /// (graphics need pass-through there).
    public init(detectingFrom environment: [String: String], maximumColumns: Int = 60, maximumRows: Int = 16) {
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        let multiplexed = environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
        let mode: Mode
        if multiplexed || term == "dumb" {
            mode = .symbols
        } else if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || program == "ghostty" {
            mode = .kitty
        } else if program == "iTerm.app" {
            mode = .iTerm2
        } else if ["foot", "foot-extra", "mlterm", "yaft-256color", "contour"].contains(term)
            || ["WezTerm", "mlterm", "contour"].contains(program)
        {
            mode = .sixel
        } else {
            mode = .symbols
        }
        let colorTerm = environment["COLORTERM"] ?? ""
        let colors: Colors
        if term == "dumb" || environment["NO_COLOR"] != nil {
            colors = .none
        } else if colorTerm == "truecolor" || colorTerm == "24bit" {
            colors = .trueColor
        } else if term.contains("256color") {
            colors = .indexed256
        } else {
            colors = .indexed16
        }
        self.init(
            mode: mode, colors: colors, maximumColumns: maximumColumns, maximumRows: maximumRows,
            environment: environment)
    }

    /// The image as text for the terminal (control sequences included), without a trailing newline.
    public func render(_ bytes: [UInt8]) throws(Failure) -> String {
        // Nothing to decode: no reason to load the libraries.
        guard !bytes.isEmpty else { throw .undecodable("empty") }
        let api = try ChafaLibrary.api()
        let pixels = try DecodedImage(bytes, with: api)
        return try draw(pixels, with: api)
    }

    // MARK: - chafa

    private func draw(_ image: DecodedImage, with api: XOChafaAPI) throws(Failure) -> String {
        var columns = Int32(maximumColumns)
        var rows = Int32(maximumRows)
        // Cells are about twice as tall as wide; chafa keeps the aspect ratio within the bounds.
        api.chafa_calc_canvas_geometry(Int32(image.width), Int32(image.height), &columns, &rows, 0.5, 0, 0)
        guard let symbols = api.chafa_symbol_map_new() else { throw .renderingFailed }
        defer { api.chafa_symbol_map_unref(symbols) }
        let tags = XO_CHAFA_SYMBOL_TAG_BLOCK.rawValue | XO_CHAFA_SYMBOL_TAG_BORDER.rawValue
            | XO_CHAFA_SYMBOL_TAG_SPACE.rawValue
        api.chafa_symbol_map_add_by_tags(symbols, Int32(bitPattern: tags))
        guard let config = api.chafa_canvas_config_new() else { throw .renderingFailed }
        defer { api.chafa_canvas_config_unref(config) }
        api.chafa_canvas_config_set_geometry(config, columns, rows)
        api.chafa_canvas_config_set_symbol_map(config, symbols)
        api.chafa_canvas_config_set_canvas_mode(config, canvasMode.rawValue)
        api.chafa_canvas_config_set_pixel_mode(config, pixelMode.rawValue)
        guard let canvas = api.chafa_canvas_new(config) else { throw .renderingFailed }
        defer { api.chafa_canvas_unref(canvas) }
        let pixelType = image.hasAlpha ? XO_CHAFA_PIXEL_RGBA8_UNASSOCIATED : XO_CHAFA_PIXEL_RGB8
        image.pixels.withUnsafeBufferPointer { buffer in
            api.chafa_canvas_draw_all_pixels(
                canvas, pixelType.rawValue, buffer.baseAddress, Int32(image.width), Int32(image.height),
                Int32(image.rowStride))
        }
        let termInfo = TerminalDatabase.detect(environment, with: api)
        defer { if let termInfo { api.chafa_term_info_unref(termInfo) } }
        // g_string_free(…, FALSE) frees the GString and hands over its text, which is ours to g_free.
        guard let printed = api.chafa_canvas_print(canvas, termInfo), let text = api.g_string_free(printed, 0) else {
            throw .renderingFailed
        }
        defer { api.g_free(text) }
        var result = String(cString: text)
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    private var canvasMode: XOChafaCanvasMode {
        switch colors {
        case .trueColor: XO_CHAFA_CANVAS_MODE_TRUECOLOR
        case .indexed256: XO_CHAFA_CANVAS_MODE_INDEXED_256
        case .indexed16: XO_CHAFA_CANVAS_MODE_INDEXED_16
        case .none: XO_CHAFA_CANVAS_MODE_FGBG
        }
    }

    private var pixelMode: XOChafaPixelMode {
        switch mode {
        case .symbols: XO_CHAFA_PIXEL_MODE_SYMBOLS
        case .sixel: XO_CHAFA_PIXEL_MODE_SIXELS
        case .kitty: XO_CHAFA_PIXEL_MODE_KITTY
        case .iTerm2: XO_CHAFA_PIXEL_MODE_ITERM2
        }
    }
}
