import Foundation
import Testing
import XMPPTestSupport

/// `register`, `password change` and `account delete` against a real Prosody 0.12 (issue #3).
@Suite("register / password change / account delete against Prosody", .requires(.prosody))
struct RegisterProsodyTests {
    static func server() async throws -> ProsodyServer {
        try await ProsodyServer.shared(key: "register-cli", options: .init(passwordHash: .sha256))
    }

    func options(_ server: ProsodyServer, directTLS: Bool = false) -> [String] {
        RegistrationCLI.connection(
            port: directTLS ? server.directTLSPort : server.c2sPort, caFile: server.caFile, directTLS: directTLS)
    }

    @Test("open registration of a bare domain: generated username and password, proven by a login")
    func generated() async throws {
        let server = try await Self.server()
        let result = try await CLIProcess.run(["register", server.domain, "--generate-password", "--json"] + options(server))
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["status"] as? String == "registered")
        #expect(object["username_generated"] as? Bool == true)
        #expect(object["sasl_mechanism"] as? String == "SCRAM-SHA-256")
        let jid = try #require(object["jid"] as? String)
        let password = try #require(object["password"] as? String)
        #expect(jid.hasSuffix("@" + server.domain) && password.count == 24)
        // The account works for an independent client too.
        if ServerAvailability.isAvailable(.slixmpp) {
            let login = try await SlixmppPeer.verify(jid: jid, password: password, port: server.c2sPort, caFile: server.caFile)
            #expect(login.status == "ok", "slixmpp: \(login)")
        }
    }

    @Test("Direct TLS, password from stdin; the same name again is a conflict with alternatives (exit 1)")
    func conflict() async throws {
        let server = try await Self.server()
        let jid = RegistrationCLI.uniqueName("dup") + "@" + server.domain
        let first = try await CLIProcess.run(
            ["register", jid, "--password-stdin", "--json"] + options(server, directTLS: true), stdin: "Xy7-secret-pass\n")
        #expect(first.status == 0, "\(first.errors)")
        let second = try await CLIProcess.run(
            ["register", jid, "--password-stdin", "--json"] + options(server), stdin: "Xy7-secret-pass\n")
        #expect(second.status == 1)
        let object = try JSONOutput.lastObject(in: second.output)
        #expect(object["status"] as? String == "error")
        #expect(object["condition"] as? String == "conflict")
        #expect((object["alternatives"] as? [String])?.count == 3)
        #expect(!(second.output + second.errors).contains("Xy7-secret-pass"))
    }

    @Test("invite-only host: refused as “this server needs an invite” (exit 77)")
    func inviteOnly() async throws {
        let server = try await Self.server()
        let host = try #require(server.inviteOnlyHost)
        let result = try await CLIProcess.run(["register", host, "--generate-password"] + options(server))
        #expect(result.status == 77, "\(result.output)\(result.errors)")
        #expect(result.errors.contains("This server needs an invite"))
        let json = try await CLIProcess.run(["register", host, "--generate-password", "--json"] + options(server))
        #expect(try JSONOutput.lastObject(in: json.output)["condition"] as? String == "invite-only")
    }

    @Test("password change with both passwords on stdin, then login with the new one, then delete")
    func changeAndDelete() async throws {
        let server = try await Self.server()
        let jid = RegistrationCLI.uniqueName("chg") + "@" + server.domain
        let created = try await CLIProcess.run(["register", jid, "--password-stdin"] + options(server), stdin: "Old-pass-1234\n")
        #expect(created.status == 0, "\(created.errors)")
        let changed = try await CLIProcess.run(
            ["password", "change", jid, "--password-stdin", "--new-password-stdin", "--json"] + options(server),
            stdin: "Old-pass-1234\nNew-pass-5678\n")
        #expect(changed.status == 0, "\(changed.errors)")
        #expect(try JSONOutput.lastObject(in: changed.output)["status"] as? String == "changed")
        let oldLogin = try await CLIProcess.run(["account", "verify", jid, "--password-stdin"] + options(server), stdin: "Old-pass-1234\n")
        #expect(oldLogin.status == 77)
        let newLogin = try await CLIProcess.run(["account", "verify", jid, "--password-stdin"] + options(server), stdin: "New-pass-5678\n")
        #expect(newLogin.status == 0)

        let unconfirmed = try await CLIProcess.run(["account", "delete", jid, "--password-stdin"] + options(server), stdin: "New-pass-5678\n")
        #expect(unconfirmed.status == 64)
        #expect(unconfirmed.errors.contains("--yes"))
        let deleted = try await CLIProcess.run(
            ["account", "delete", jid, "--password-stdin", "--yes", "--json"] + options(server), stdin: "New-pass-5678\n")
        #expect(deleted.status == 0, "\(deleted.errors)")
        #expect(try JSONOutput.lastObject(in: deleted.output)["status"] as? String == "deleted")
        let gone = try await CLIProcess.run(["account", "verify", jid, "--password-stdin"] + options(server), stdin: "New-pass-5678\n")
        #expect(gone.status == 77)
    }

    @Test("--generate-password --save: JID and password in a new 0600 file, never overwritten without --force")
    func save() async throws {
        let server = try await Self.server()
        let directory = try RegistrationCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("account.txt").path
        let result = try await CLIProcess.run(["register", server.domain, "--generate-password", "--save", file, "--json"] + options(server))
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["password"] == nil)
        #expect(object["saved_to"] as? String == file)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == (object["jid"] as? String ?? "") && lines[1].count == 24)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try await CLIProcess.run(["register", server.domain, "--generate-password", "--save", file] + options(server))
        #expect(again.status == 64)
        #expect(again.errors.contains("--force"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") == lines)
    }

    @Test("without a terminal, a missing password is a usage error naming the flags (no hang)")
    func noTerminal() async throws {
        let server = try await Self.server()
        let result = try await CLIProcess.run(["register", server.domain] + options(server))
        #expect(result.status == 64)
        #expect(result.errors.contains("--password-file") && result.errors.contains("--generate-password"))
    }

    @Test("on a terminal: the password is asked twice without echo, then the account is registered")
    func interactive() async throws {
        let server = try await Self.server()
        let jid = RegistrationCLI.uniqueName("tty") + "@" + server.domain
        let child = try CLIProcess(["register", jid] + options(server), onTerminal: true)
        try await child.waitFor("New password:")
        child.send("Tty-pass-9876")
        try await child.waitFor("Repeat the new password:")
        child.send("Tty-pass-9876")
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.standardOutput)")
        #expect(child.standardOutput.contains("Registered \(jid)."))
        #expect(!child.standardOutput.contains("Tty-pass-9876"), "the password was echoed")
    }
}
