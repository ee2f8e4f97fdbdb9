// slixmpp as an independent client: proves that accounts and servers work with another implementation.
import Foundation

/// Runs `Benchmarks/slixmpp_verify.py` (the slixmpp equivalent of `xmpp-onboard account verify`).
///
/// ```swift
/// try requireSlixmpp()
/// let login = try await SlixmppPeer.verify(jid: "alice@localhost", password: "secret", port: server.c2sPort,
///                                          caFile: server.caFile)
/// #expect(login.status == "ok")
/// ```
public enum SlixmppPeer {
    /// The JSON the script prints (see the script's docstring), plus its exit code.
    public struct LoginResult: Sendable, Decodable {
        /// `ok` or `error`.
        public let status: String
        public let boundJID: String?
        public let saslMechanism: String?
        public let tlsVersion: String?
        public let channelBinding: String?
        public let features: [String]?
        /// On error: `not-authorized`, `certificate`, `connection-failed`, `disconnected`, `timeout`.
        public let condition: String?
        public let text: String?
        /// 0 ok, 77 authentication failed, 69 connection/TLS failure, 75 timeout.
        public var exitCode: Int32 = 0

        enum CodingKeys: String, CodingKey {
            case status, features, condition, text
            case boundJID = "bound_jid"
            case saslMechanism = "sasl_mechanism"
            case tlsVersion = "tls_version"
            case channelBinding = "channel_binding"
        }
    }

    /// Logs in with slixmpp and returns what it reported (the password goes through stdin).
    public static func verify(
        jid: String, password: String, host: String = "127.0.0.1", port: Int, directTLS: Bool = false,
        caFile: URL?, timeout: Duration = .seconds(30)
    ) async throws -> LoginResult {
        guard let python = TestPaths.python else { throw TestSupportError.executableNotFound("python3") }
        var arguments = [TestPaths.benchmarks.appendingPathComponent("slixmpp_verify.py").path, jid,
                         "--host", host, "--port", String(port), "--password-stdin",
                         "--timeout", String(timeout.components.seconds)]
        if directTLS { arguments.append("--direct-tls") }
        if let caFile { arguments += ["--ca-file", caFile.path] }
        let result = try await Command.run(python, arguments, input: password + "\n",
                                           timeout: timeout + .seconds(10))
        guard let line = result.standardOutput.split(separator: "\n").last,
              var decoded = try? JSONDecoder().decode(LoginResult.self, from: Data(line.utf8))
        else {
            throw TestSupportError.commandFailed("slixmpp_verify.py \(jid)", status: result.status,
                                                 output: result.standardOutput + result.standardError)
        }
        decoded.exitCode = result.status
        return decoded
    }
}
