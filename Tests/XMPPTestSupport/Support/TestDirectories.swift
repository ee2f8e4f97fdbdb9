// Temporary directories for fixtures: one scratch root per test process, removed at exit.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Unique temporary directories under one per-process root (`$TMPDIR/xmpp-onboard-tests-PID`), never under
/// the home directory (ejabberd's user could not read root's mode-700 home). The root is removed when the test
/// process exits, unless `XMPP_ONBOARD_KEEP_TEST_FILES=1` (then its path is printed to stderr).
public enum TestDirectories {
    /// Whether `XMPP_ONBOARD_KEEP_TEST_FILES=1` asks to keep the files for inspection.
    static var keepFiles: Bool { ProcessInfo.processInfo.environment["XMPP_ONBOARD_KEEP_TEST_FILES"] == "1" }

    /// The path of the per-process root (not created).
    static var rootPath: URL {
        let base = URL(fileURLWithPath: NSTemporaryDirectory().isEmpty ? "/tmp" : NSTemporaryDirectory())
        return base.appendingPathComponent("xmpp-onboard-tests-\(getpid())", isDirectory: true)
    }

    /// The per-process root.
    public static let root: URL = {
        let url = rootPath
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
        let keep = keepFiles
        ProcessRegistry.shared.atExit {
            if keep {
                FileHandle.standardError.write(Data("test files kept in \(url.path)\n".utf8))
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return url
    }()

    /// Creates a new empty directory `root/PREFIX-UUID` (mode `permissions`, 0755 unless given).
    public static func makeUnique(prefix: String, permissions: mode_t = 0o755) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8).lowercased())",
                                              isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, permissions)
        return url
    }
}
