import FoundationEssentials

/// Finds the tool's data files (`providers.json`, `clients.json`, `locales/`).
///
/// Order (docs/architecture.md §6): an explicit directory (`--data-dir`), the `XMPP_ONBOARD_DATA_DIR`
/// environment variable, the user's copy in `$XDG_DATA_HOME/xmpp-onboard` (only for files that have one,
/// such as an updated `providers.json`), the installed `<prefix>/share/xmpp-onboard` next to the binary,
/// then the source tree this binary was built from (development and tests).
public struct ResourceLocator: Sendable {
    /// Directories to search, most specific first.
    public let searchPath: [URL]

    public init(explicitDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var directories: [URL] = []
        if let explicitDirectory, !explicitDirectory.isEmpty {
            directories.append(URL(fileURLWithPath: explicitDirectory, isDirectory: true))
        }
        if let fromEnvironment = environment["XMPP_ONBOARD_DATA_DIR"], !fromEnvironment.isEmpty {
            directories.append(URL(fileURLWithPath: fromEnvironment, isDirectory: true))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
        directories.append(prefix.appendingPathComponent("share/xmpp-onboard", isDirectory: true))
        directories.append(Self.sourceTreeRoot)
        self.searchPath = directories
    }

    /// The repository root this file was compiled from.
    public static var sourceTreeRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ResourceLocation
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // root
    }

    /// The user's data directory, `$XDG_DATA_HOME/xmpp-onboard` or `~/.local/share/xmpp-onboard`.
    public static func userDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("xmpp-onboard")
        }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share/xmpp-onboard")
    }

    /// The first existing file or directory named `relativePath` on the search path.
    public func locate(_ relativePath: String) -> URL? {
        for directory in searchPath {
            let candidate = directory.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
