import FoundationEssentials
import ResourceLocation

/// Where `providers.json` is read from, in order (issue #4): the `--data-dir` / `XMPP_ONBOARD_DATA_DIR`
/// override, the user's updated copy in `$XDG_DATA_HOME/xmpp-onboard`, the installed share directory, then the
/// source tree. The previous user copy (`providers.last-good.json`) follows the user copy. A candidate that
/// exists but does not parse is skipped with an issue, so a damaged user copy never hides the shipped list.
public struct CatalogueLocation: Sendable {
    /// One place a catalogue may be.
    public struct Candidate: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case override, userCopy = "user-copy", lastGood = "last-good", installed, sourceTree = "source-tree"
        }
        public let url: URL
        public let kind: Kind
    }

    /// Candidates, most specific first.
    public let candidates: [Candidate]
    /// The directory `providers update` writes to.
    public let userDataDirectory: URL

    /// The environment variable that names an override data directory (as `ResourceLocator` reads it).
    public static let dataDirectoryVariable = "XMPP_ONBOARD_DATA_DIR"

    public init(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        fileName: String = Catalogue.fileName
    ) {
        var candidates: [Candidate] = []
        for directory in [explicitDirectory, environment[Self.dataDirectoryVariable]] {
            if let directory, !directory.isEmpty {
                candidates.append(
                    Candidate(url: URL(fileURLWithPath: directory).appendingPathComponent(fileName), kind: .override))
            }
        }
        let userDirectory = ResourceLocator.userDataDirectory(environment: environment)
        candidates.append(Candidate(url: userDirectory.appendingPathComponent(fileName), kind: .userCopy))
        if fileName == Catalogue.fileName {
            candidates.append(Candidate(url: userDirectory.appendingPathComponent(Self.lastGoodName), kind: .lastGood))
        }
        var defaults = environment
        defaults[Self.dataDirectoryVariable] = nil
        let fallback = ResourceLocator(explicitDirectory: nil, environment: defaults).searchPath
        for (index, directory) in fallback.enumerated() {
            let kind: Candidate.Kind = index == fallback.count - 1 ? .sourceTree : .installed
            candidates.append(Candidate(url: directory.appendingPathComponent(fileName), kind: kind))
        }
        self.candidates = candidates
        self.userDataDirectory = userDirectory
    }

    /// The user's copy (`providers update` writes it).
    public var userCopy: URL { userDataDirectory.appendingPathComponent(Catalogue.fileName) }
    /// The previous user copy, kept when an update replaces it.
    public var lastGoodCopy: URL { userDataDirectory.appendingPathComponent(Self.lastGoodName) }
    static let lastGoodName = "providers.last-good.json"

    /// A loaded catalogue and where it came from.
    public struct Loaded: Sendable {
        public let catalogue: Catalogue
        public let candidate: Candidate
        /// Candidates that existed but could not be used (unreadable or not JSON), with the reason.
        public let skipped: [(candidate: Candidate, error: CatalogueLoadError)]
    }

    /// Loads the first usable candidate.
    public func load() throws(CatalogueLoadError) -> Loaded {
        var skipped: [(candidate: Candidate, error: CatalogueLoadError)] = []
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.url.path) {
            do {
                let catalogue = try Self.read(candidate.url)
                if catalogue.providers.isEmpty && catalogue.issues.containsErrors {
                    skipped.append((candidate, .invalid(candidate.url.path, catalogue.issues)))
                    continue
                }
                return Loaded(catalogue: catalogue, candidate: candidate, skipped: skipped)
            } catch {
                skipped.append((candidate, error))
            }
        }
        if let first = skipped.first { throw first.error }
        throw .notFound(Catalogue.fileName)
    }

    /// Reads and validates one file.
    public static func read(_ url: URL) throws(CatalogueLoadError) -> Catalogue {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(url.path) }
        do {
            return try Catalogue(parsing: data)
        } catch {
            throw .syntax(url.path, error)
        }
    }
}
