import Foundation
import Testing
import XMPPTestSupport

/// The command-line contract of issue #2: --version, --help, documented exit codes, no passwords in argv,
/// no prompt (and no hang) without a terminal.
@Suite("CLI contract")
struct CLIContractTests {
    private func runner() throws -> CommandRunner {
        let home = try TestDirectories.makeUnique(prefix: "cli")
        return CommandRunner(home: home)
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try runner().run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("--help lists the subcommands and the exit codes")
    func help() throws {
        let result = try runner().run(["--help"])
        #expect(result.status == 0)
        for command in ["account", "providers", "clients", "qr", "links", "guide", "locales"] {
            #expect(result.standardOutput.contains(command), "missing \(command)")
        }
        #expect(result.standardOutput.contains("64 usage error"))
        #expect(result.standardOutput.contains("77 permission denied"))
    }

    @Test("usage errors exit 64", arguments: [
        ["account", "verify"],
        ["account", "verify", "a@example.org", "--password", "secret"],
        ["account", "verify", "a@example.org", "--direct-tls", "--starttls"],
        ["account", "verify", "a@example.org", "--timeout", "0"],
        ["no-such-command"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try runner().run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
        #expect(!result.standardOutput.contains("secret") && !result.standardError.contains("secret"))
    }

    @Test("without a terminal and without --password-file/--password-stdin, verify refuses at once (64)")
    func noTerminalNoPassword() throws {
        let result = try runner().run(["account", "verify", "a@example.org", "--host", "127.0.0.1:9", "--json"])
        #expect(result.status == 64)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "error")
        #expect(object?["condition"] as? String == "password-required")
        #expect((object?["text"] as? String)?.contains("--password-stdin") == true)
    }

    @Test("an address without a localpart or with bad characters is a usage error", arguments: [
        "example.org", "a@b@c", "@example.org", "alice@exa mple.org",
    ])
    func invalidJID(jid: String) throws {
        let result = try runner().run(["account", "verify", jid, "--password-file", "/dev/null", "--json"])
        #expect(result.status == 64, "\(jid): \(result.standardOutput)")
        #expect(result.standardOutput.contains("jid-malformed"))
    }

    @Test("a refused connection exits 69 with a JSON error")
    func refusedConnection() throws {
        let home = try TestDirectories.makeUnique(prefix: "cli")
        let passwordFile = home.appendingPathComponent("pw")
        try "pw\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let result = try CommandRunner(home: home).run(
            ["account", "verify", "a@example.org", "--host", "127.0.0.1:9", "--password-file", passwordFile.path,
             "--json"])
        #expect(result.status == 69)
        #expect(result.standardOutput.contains("\"condition\":\"connection-failed\""))
    }
}
