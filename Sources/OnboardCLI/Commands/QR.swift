import ArgumentParser
import FoundationEssentials
import Glibc
import QRCode

/// `xmpp-onboard qr TEXT`: draw any text (an invite link, an `xmpp:` URI) as a QR code.
///
/// Output goes to stdout (terminal, ASCII, SVG; PNG only when stdout is not a terminal) or to `--output`
/// (created with mode 0600: a QR code may carry an invite token or a password).
struct QR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Show text, such as an invite link or an xmpp: URI, as a QR code.",
        discussion: """
            The terminal rendering uses explicit black-on-white colours on a colour terminal, so it scans on dark \
            and light themes. Without colour (NO_COLOR, --color never, output not a terminal) the blocks mark the \
            light modules, which suits light text on a dark background; use --invert on a light background. \
            TERM=dumb and --plain give ASCII. To keep secrets out of the process list, read them with --input.
            """
    )

    /// The output formats (`--format`).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case terminal, ascii, png, svg
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The text to encode. Omit it and use --input to read the text from a file or stdin.")
    var text: String?

    @Option(name: .long, help: ArgumentHelp("Read the content from a file ('-' for stdin), byte for byte.", valueName: "file"))
    var input: String?

    @Option(help: "Output format: terminal, ascii, png or svg (default: from the --output extension, else terminal).")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("ec"), help: "Error-correction level: L, M, Q or H (higher survives more damage but is denser).")
    var errorCorrection: ErrorCorrectionLevel = .medium

    @Option(help: "Pixels (PNG) or user units (SVG) per module, 1–64.")
    var moduleSize: Int = QRMatrix.defaultModuleSize

    @Option(help: "Light modules around the code, 0–16 (default: 2 on a terminal, 4 in images).")
    var quietZone: Int?

    @Flag(help: "Swap dark and light in terminal and ASCII output.")
    var invert = false

    @Flag(help: "Plain ASCII output (the default when TERM=dumb).")
    var plain = false

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    func validate() throws {
        let localizer = CommandContext(global: global).localizer
        if text != nil && input != nil { throw ValidationError(localizer.text("qr.usage.text-and-input")) }
        if text == nil && input == nil { throw ValidationError(localizer.text("qr.usage.no-text")) }
        if !QRMatrix.moduleSizeRange.contains(moduleSize) {
            throw ValidationError(localizer.text("qr.usage.module-size", ["value": String(moduleSize)]))
        }
        if let quietZone, !(0...16).contains(quietZone) {
            throw ValidationError(localizer.text("qr.usage.quiet-zone", ["value": String(quietZone)]))
        }
    }

    func run() async throws {
        let context = CommandContext(global: global)
        let environment = ProcessInfo.processInfo.environment
        let content: [UInt8]
        if let text {
            content = Array(text.utf8)
        } else {
            content = try Self.readInput(input ?? "-", context: context)
        }

        let matrix: QRMatrix
        do {
            if let string = String(validating: content, as: UTF8.self) {
                matrix = try QRMatrix(encoding: string, errorCorrection: errorCorrection)
            } else {
                matrix = try QRMatrix(encoding: content, errorCorrection: errorCorrection)
            }
        } catch {
            throw Self.report(error, context: context)
        }

        let chosenFormat = Self.effectiveFormat(
            explicit: format, output: output, plain: plain, isDumbTerminal: environment["TERM"] == "dumb"
        )
        if chosenFormat == .png && output == nil && isatty(STDOUT_FILENO) == 1 {
            context.output.error(context.localizer.text("error.label"), context.localizer.text("qr.error.png-to-terminal"))
            throw ExitStatus.usage.exitCode
        }
        let rendering = QRRendering(
            format: chosenFormat,
            style: Self.terminalStyle(color: global.color, environment: environment),
            inverted: invert,
            quietZone: quietZone,
            moduleSize: moduleSize
        )
        let bytes: [UInt8]
        do {
            bytes = try rendering.render(matrix)
        } catch {
            throw Self.report(error, context: context)
        }
        if let output {
            try Self.write(bytes, to: output, overwrite: force, context: context)
        } else {
            StandardStreams.write(bytes, to: STDOUT_FILENO)
        }
    }

    /// The format from `--format`, else from the output file's extension, else terminal (ASCII for
    /// `--plain` and `TERM=dumb`).
    static func effectiveFormat(explicit: Format?, output: String?, plain: Bool, isDumbTerminal: Bool) -> Format {
        if let explicit { return explicit == .terminal && (plain || isDumbTerminal) ? .ascii : explicit }
        if plain { return .ascii }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "png": return .png
        case "svg": return .svg
        case "txt": return .ascii
        default: return isDumbTerminal ? .ascii : .terminal
        }
    }

    /// Colour when asked for, or by default when stdout is a colour-capable terminal (NO_COLOR respected).
    static func terminalStyle(color: ColorMode, environment: [String: String]) -> QRMatrix.TerminalStyle {
        switch color {
        case .always: return .colored
        case .never: return .monochrome
        case .auto:
            let capable =
                isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
            return capable ? .colored : .monochrome
        }
    }
}

extension ErrorCorrectionLevel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
