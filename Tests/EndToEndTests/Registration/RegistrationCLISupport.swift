import Foundation
import Testing
import XMPPTestSupport

/// Helpers shared by the registration end-to-end tests.
enum RegistrationCLI {
    /// Connection options for a loopback server: `--host 127.0.0.1:PORT --ca-file CA`.
    static func connection(port: Int, caFile: URL, directTLS: Bool = false) -> [String] {
        ["--host", "127.0.0.1:\(port)", "--ca-file", caFile.path, "--timeout", "20"] + (directTLS ? ["--direct-tls"] : [])
    }

    /// The JSON object on the last non-empty line of `text`.
    static func lastJSON(_ text: String) throws -> [String: Any] {
        try json(lines(text).last ?? "")
    }

    /// Every line of `text` that is a JSON object.
    static func jsonLines(_ text: String) -> [[String: Any]] {
        lines(text).compactMap { try? json($0) }
    }

    static func json(_ line: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(line)")
    }

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init).filter { $0.hasPrefix("{") }
    }

    /// A fresh username unlikely to collide across parallel tests.
    static func uniqueName(_ prefix: String) -> String {
        prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }

    /// A new private directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xo-reg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }
}
