// Whether the real servers and test peers exist on this machine, and how tests skip or fail without them.
import Foundation
import Testing

/// External programs that integration tests depend on.
public enum TestDependency: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Prosody 0.12 (`prosody`, `prosodyctl`).
    case prosody
    /// ejabberd 23.01 (`erl` and the ejabberd Erlang application).
    case ejabberd
    /// The scripted servers in Tests/Scripts: a Python 3 interpreter with pyOpenSSL (the `.venv`).
    case scriptedServer = "scripted server (Python with pyOpenSSL)"
    /// slixmpp in the Python interpreter (the `.venv`), the independent client peer.
    case slixmpp
    /// The `openssl` command-line tool (test certificates).
    case openssl

    public var description: String { rawValue }

    /// What to do about it, for the skip message.
    var remedy: String {
        switch self {
        case .prosody, .ejabberd, .openssl: "run scripts/setup.sh (apt-get install \(self == .openssl ? "openssl" : rawValue))"
        case .scriptedServer, .slixmpp: "run scripts/setup.sh (creates .venv with slixmpp and pyOpenSSL)"
        }
    }
}

/// Finds out which ``TestDependency`` values are installed, and skips tests **loudly** when one is missing —
/// or fails them when the environment says `XMPP_ONBOARD_REQUIRE_SERVERS=1` (CI sets it in `.ci/run`).
///
/// Three ways to use it:
///
/// ```swift
/// // 1. A condition trait: the suite is skipped (with a line on stderr) when Prosody is missing.
/// @Suite(.requires(.prosody)) struct ProsodyLoginTests { … }
///
/// // 2. At the start of a test: returns when available, otherwise prints and cancels (skips) the test.
/// @Test func login() async throws {
///     try requireProsody()
///     let server = try await ProsodyServer.shared(key: "login")
/// }
///
/// // 3. Nothing at all: starting a server that is not installed throws, so the test fails.
/// ```
///
/// Under `XMPP_ONBOARD_REQUIRE_SERVERS=1` the trait keeps the test enabled and `require…()` throws
/// ``TestSupportError/requiredServerMissing(_:)``, so nothing is silently skipped in CI.
///
/// `XMPP_ONBOARD_DISABLE=prosody,ejabberd` (names: `prosody`, `ejabberd`, `scripted`, `slixmpp`, `openssl`)
/// treats those as missing — to skip slow suites locally, or to check the skip path.
public enum ServerAvailability {
    private static let cache = LockedBox<[TestDependency: String?]>([:])

    /// Whether `XMPP_ONBOARD_REQUIRE_SERVERS=1`: missing dependencies are failures, never skips.
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["XMPP_ONBOARD_REQUIRE_SERVERS"] == "1"
    }

    /// Whether `dependency` is installed.
    public static func isAvailable(_ dependency: TestDependency) -> Bool { missingReason(dependency) == nil }

    /// Why `dependency` is unusable, or nil when it is installed. Checked once per process.
    public static func missingReason(_ dependency: TestDependency) -> String? {
        if let cached = cache.withLock({ $0[dependency] }) { return cached }
        let reason = probe(dependency)
        cache.withLock { $0[dependency] = .some(reason) }
        return reason
    }

    /// Returns when `dependency` is available. Otherwise prints a clear line to stderr and cancels (skips) the
    /// current test, or — under `XMPP_ONBOARD_REQUIRE_SERVERS=1` — throws.
    public static func require(
        _ dependency: TestDependency, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let reason = missingReason(dependency) else { return }
        if isRequired {
            throw TestSupportError.requiredServerMissing("\(dependency) is not available: \(reason)")
        }
        announceSkip(dependency, reason: reason)
        try Test.cancel("\(dependency) is not available: \(reason)", sourceLocation: sourceLocation)
    }

    /// Prints the loud skip line.
    static func announceSkip(_ dependency: TestDependency, reason: String) {
        let test = Test.current.map { " \($0.name)" } ?? ""
        let line = "⚠️  SKIPPING\(test): \(dependency) is not available (\(reason)); \(dependency.remedy). "
            + "Set XMPP_ONBOARD_REQUIRE_SERVERS=1 to make this a failure.\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func probe(_ dependency: TestDependency) -> String? {
        let disabled = (ProcessInfo.processInfo.environment["XMPP_ONBOARD_DISABLE"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if disabled.contains(String(describing: dependency).split(separator: " ").first.map(String.init) ?? "") {
            return "disabled by XMPP_ONBOARD_DISABLE"
        }
        switch dependency {
        case .prosody:
            for tool in ["prosody", "prosodyctl"] where ExecutableLocator.path(for: tool) == nil {
                return "\(tool) not found"
            }
            return nil
        case .ejabberd:
            if ExecutableLocator.path(for: "erl") == nil { return "erl not found" }
            return EjabberdServer.erlangLibraryDirectory() == nil ? "the ejabberd Erlang application is not installed" : nil
        case .openssl:
            return ExecutableLocator.path(for: "openssl") == nil ? "openssl not found" : nil
        case .scriptedServer:
            return pythonModuleMissing("OpenSSL")
        case .slixmpp:
            return pythonModuleMissing("slixmpp")
        }
    }

    private static func pythonModuleMissing(_ module: String) -> String? {
        guard let python = TestPaths.python else { return "no Python interpreter (XMPP_ONBOARD_PYTHON, .venv, python3)" }
        let result = try? Command.runSynchronously(python, ["-c", "import \(module)"], timeout: .seconds(20))
        return result?.succeeded == true ? nil : "\(python) cannot import \(module)"
    }
}

/// Skips (loudly) or fails the current test unless Prosody is installed. See ``ServerAvailability``.
public func requireProsody(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try ServerAvailability.require(.prosody, sourceLocation: sourceLocation)
}

/// Skips (loudly) or fails the current test unless ejabberd is installed. See ``ServerAvailability``.
public func requireEjabberd(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try ServerAvailability.require(.ejabberd, sourceLocation: sourceLocation)
}

/// Skips (loudly) or fails the current test unless the scripted servers can run. See ``ServerAvailability``.
public func requireScriptedServer(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try ServerAvailability.require(.scriptedServer, sourceLocation: sourceLocation)
}

/// Skips (loudly) or fails the current test unless slixmpp is importable. See ``ServerAvailability``.
public func requireSlixmpp(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try ServerAvailability.require(.slixmpp, sourceLocation: sourceLocation)
}

extension Trait where Self == ConditionTrait {
    /// Enables the test or suite only when every dependency is available; a skip prints a line to stderr.
    /// Under `XMPP_ONBOARD_REQUIRE_SERVERS=1` the test always runs (and fails when a server cannot start).
    ///
    /// `@Suite(.requires(.prosody, .ejabberd))`
    public static func requires(_ dependencies: TestDependency...) -> Self {
        .enabled("needs \(dependencies.map(\.description).joined(separator: ", "))") {
            if ServerAvailability.isRequired { return true }
            var available = true
            for dependency in dependencies {
                if let reason = ServerAvailability.missingReason(dependency) {
                    ServerAvailability.announceSkip(dependency, reason: reason)
                    available = false
                }
            }
            return available
        }
    }
}
