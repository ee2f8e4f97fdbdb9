import ArgumentParser

/// Options every command accepts.
public struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Show protocol details on stderr (secrets are redacted).")
    public var verbose = false

    @Option(help: "Colour output: auto, always or never.")
    public var color: ColorMode = .auto

    @Option(help: "Language of messages, for example en, bg, pt-BR (default: from LC_ALL, LC_MESSAGES, LANG).")
    public var lang: String?

    @Option(help: "Directory with providers.json, clients.json and locales/ (overrides the installed data).")
    public var dataDir: String?

    public init() {}
}

/// When to use colour (swift-format's `ColorMode`).
public enum ColorMode: String, ExpressibleByArgument, Sendable {
    case auto, always, never
}
