// Finding the programs the fixtures run.
import Foundation

/// Looks executables up on `PATH` plus the system directories (`ejabberdctl` lives in `/usr/sbin`, which a
/// non-root `PATH` may lack).
public enum ExecutableLocator {
    /// The absolute path of `name` (returned unchanged when it already contains a `/` and is executable).
    public static func path(for name: String) -> String? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? name : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init)
            + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
