import Foundation
import Testing
import XMPPTestSupport

/// Helpers shared by the registration end-to-end tests.
enum RegistrationCLI {
    /// Connection options for a loopback server: `--host 127.0.0.1:PORT --ca-file CA`.
    static func connection(port: Int, caFile: URL, directTLS: Bool = false) -> [String] {
        ["--host", "127.0.0.1:\(port)", "--ca-file", caFile.path, "--timeout", "20"] + (directTLS ? ["--direct-tls"] : [])
    }

    /// A fresh username unlikely to collide across parallel tests.
    static func uniqueName(_ prefix: String) -> String {
        prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }

    /// A new private directory.
    static func temporaryDirectory() throws -> URL {
        try TestDirectories.makeUnique(prefix: "xo-reg", permissions: 0o700)
    }
}
