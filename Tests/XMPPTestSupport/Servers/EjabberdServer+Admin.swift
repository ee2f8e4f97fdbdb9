// Account creation and administration of a test ejabberd through a hidden Erlang control node.
import Foundation

extension EjabberdServer {
    /// Creates an account (`ejabberd_auth:try_register/3` through RPC; the equivalent of
    /// `ejabberdctl register`). About half a second: use ``addUsers(_:)`` for several.
    /// - Parameter host: the virtual host; default ``domain``.
    public func addUser(_ localpart: String, host: String? = nil, password: String) async throws {
        try await addUsers([(localpart, host ?? domain, password)])
    }

    /// Creates several accounts with one control node.
    /// - Throws: ``TestSupportError/commandFailed(_:status:output:)`` naming each account that failed.
    public func addUsers(_ users: [(localpart: String, host: String, password: String)]) async throws {
        guard !users.isEmpty else { return }
        let tuples = users.map { "{\(erlangString($0.localpart)), \(erlangString($0.host)), \(erlangString($0.password))}" }
        let expression = """
            Node = list_to_atom(\(erlangString(nodeName))),
            Results = [{U, H, rpc:call(Node, ejabberd_auth, try_register, [unicode:characters_to_binary(U), \
            unicode:characters_to_binary(H), unicode:characters_to_binary(P)])} || {U, H, P} <- [\(tuples.joined(separator: ", "))]],
            Failed = [{U, H, R} || {U, H, R} <- Results, R =/= ok],
            case Failed of [] -> io:format("ok~n"), halt(0); _ -> io:format("failed: ~p~n", [Failed]), halt(1) end.
            """
        let result = try await evaluate(expression)
        guard result.succeeded, result.standardOutput.contains("ok") else {
            throw TestSupportError.commandFailed("ejabberd register \(users.map { "\($0.localpart)@\($0.host)" })",
                                                 status: result.status,
                                                 output: result.standardOutput + result.standardError)
        }
    }

    /// Runs an `ejabberdctl` command (e.g. `["registered_users", "localhost"]`, `["unregister", "bob",
    /// "localhost"]`) against this instance through `ejabberd_ctl`.
    public func ctl(_ arguments: [String]) async throws -> CommandResult {
        try await Command.run(
            "erl",
            controlNodeArguments() + ["-s", "ejabberd_ctl", "-extra", nodeName] + arguments,
            extraEnvironment: controlEnvironment(), workingDirectory: directory, timeout: .seconds(60))
    }

    /// Evaluates an Erlang expression in a hidden control node connected to this instance (it must `halt/1`).
    public func evaluate(_ expression: String) async throws -> CommandResult {
        try await Command.run(
            "erl", controlNodeArguments() + ["-eval", expression],
            extraEnvironment: controlEnvironment(), workingDirectory: directory, timeout: .seconds(60))
    }

    private func controlNodeArguments() -> [String] {
        [
            "-sname", "xmppOnboardCtl\(UUID().uuidString.prefix(8).lowercased())@localhost",
            "-setcookie", cookie,
            "-erl_epmd_port", String(distributionPort), "-start_epmd", "false", "-dist_listen", "false",
            "-hidden", "-noinput", "-noshell",
        ]
    }

    private func controlEnvironment() -> [String: String] {
        ["HOME": directory.path, "ERL_LIBS": Self.erlangLibraryDirectory() ?? "", "ERL_EPMD_ADDRESS": "127.0.0.1",
         "ERL_CRASH_DUMP_BYTES": "0"]
    }

    // MARK: - CAPTCHA answers

    /// Every answer the CAPTCHA script was asked to draw so far, oldest first (the first is ejabberd's own
    /// start-up check). With parallel registrations on one instance prefer ``captchaAnswer(inPNG:)``.
    public func captchaAnswers() -> [String] {
        ((try? String(contentsOf: captchaAnswersPath, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// The most recent CAPTCHA answer, or nil.
    public func latestCaptchaAnswer() -> String? { captchaAnswers().last }

    /// The answer embedded by the test CAPTCHA script in a PNG (the `urn:xmpp:bob` data of the register form):
    /// the `tEXt` chunk `comment` = `xmpp-onboard-captcha:ANSWER`.
    public static func captchaAnswer(inPNG data: Data) -> String? {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { return nil }
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { return nil }
            if type == "tEXt" {
                let chunk = bytes[start..<start + length]
                if let separator = chunk.firstIndex(of: 0) {
                    let keyword = String(decoding: chunk[chunk.startIndex..<separator], as: UTF8.self)
                    let text = String(decoding: chunk[(separator + 1)...], as: UTF8.self)
                    let prefix = "xmpp-onboard-captcha:"
                    if keyword == "comment", text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
                }
            }
            if type == "IEND" { return nil }
            offset = start + length + 4
        }
        return nil
    }
}

/// An Erlang string literal with every character outside a safe set written as `\x{HEX}`.
func erlangString(_ value: String) -> String {
    var literal = "\""
    for scalar in value.unicodeScalars {
        if scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || "._@-".unicodeScalars.contains(scalar)
        {
            literal.unicodeScalars.append(scalar)
        } else {
            literal += "\\x{\(String(scalar.value, radix: 16))}"
        }
    }
    return literal + "\""
}
