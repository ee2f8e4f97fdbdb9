// Where the repository, the test scripts and the Python interpreter are.
import Foundation

/// Paths of the repository's test assets.
public enum TestPaths {
    /// The package root (the directory holding Package.swift).
    public static let packageRoot: URL = {
        // This file is Tests/XMPPTestSupport/Support/TestPaths.swift.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Tests/Scripts`.
    public static var scripts: URL { packageRoot.appendingPathComponent("Tests/Scripts") }

    /// `Benchmarks`.
    public static var benchmarks: URL { packageRoot.appendingPathComponent("Benchmarks") }

    /// The Python interpreter for the scripted servers and slixmpp: `$XMPP_ONBOARD_PYTHON`, else the
    /// repository's `.venv` (made by scripts/setup.sh), else `python3` on PATH.
    public static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["XMPP_ONBOARD_PYTHON"], !configured.isEmpty {
            return ExecutableLocator.path(for: configured)
        }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return ExecutableLocator.path(for: "python3")
    }
}
