import Foundation
import Testing
import XMPPTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `register` against a real ejabberd 23.01: plain IBR, CAPTCHA (XEP-0158; wrong answer then the right one,
/// through a FIFO and through a pseudo-terminal), `password_strength`, and `registration_timeout` (issue #3).
@Suite("register against ejabberd", .requires(.ejabberd))
struct RegisterEjabberdTests {
    static func server() async throws -> EjabberdServer {
        try await EjabberdServer.shared(key: "register-cli")
    }

    func options(_ server: EjabberdServer) -> [String] {
        RegistrationCLI.connection(port: server.c2sPort, caFile: server.caFile)
    }

    /// The answer drawn into a saved CAPTCHA image (the test script embeds it in a PNG text chunk).
    static func answer(inImage path: String) throws -> String {
        try #require(EjabberdServer.captchaAnswer(inPNG: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("plain in-band registration; slixmpp logs in with the new account")
    func plain() async throws {
        let server = try await Self.server()
        let result = try await CLIProcess.run(["register", server.domain, "--generate-password", "--json"] + options(server))
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["status"] as? String == "registered")
        if ServerAvailability.isAvailable(.slixmpp), let jid = object["jid"] as? String, let password = object["password"] as? String {
            let login = try await SlixmppPeer.verify(jid: jid, password: password, port: server.c2sPort, caFile: server.caFile)
            #expect(login.status == "ok", "slixmpp: \(login)")
        }
    }

    @Test("CAPTCHA through --captcha-answer-file with a FIFO: wrong answer, fresh challenge, right answer")
    func captchaThroughFIFO() async throws {
        let server = try await Self.server()
        let host = try #require(server.captchaHost)
        let directory = try RegistrationCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("answers").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let child = try CLIProcess(
            ["register", host, "--generate-password", "--captcha-answer-file", fifo, "--json"] + options(server),
            environment: ["TMPDIR": directory.path])
        try await child.waitFor("\"attempt\":1")
        let first = try #require(JSONOutput.objects(in: child.standardOutput).first)
        #expect(first["status"] as? String == "needs-input")
        #expect(first["answer_file"] as? String == fifo)
        let field = try #require((first["fields"] as? [[String: Any]])?.first)
        #expect(field["type"] as? String == "captcha" && field["var"] as? String == "ocr")
        let image = try #require(field["image"] as? String)
        let attributes = try FileManager.default.attributesOfItem(atPath: image)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let right = try Self.answer(inImage: image)
        try Self.write("wrong-\(right)\n", to: fifo)

        try await child.waitFor("\"attempt\":2")
        let second = try #require(JSONOutput.objects(in: child.standardOutput).last)
        let secondImage = try #require(((second["fields"] as? [[String: Any]])?.first)?["image"] as? String)
        try Self.write(try Self.answer(inImage: secondImage) + "\n", to: fifo)
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.standardError)")
        #expect(try JSONOutput.lastObject(in: child.standardOutput)["status"] as? String == "registered")
        #expect(child.standardError.contains("not accepted"))
    }

    @Test("CAPTCHA answer on standard input ('-'), after the password on its first line")
    func captchaOnStandardInput() async throws {
        let server = try await Self.server()
        let host = try #require(server.captchaHost)
        let directory = try RegistrationCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jid = RegistrationCLI.uniqueName("stdin") + "@" + host
        let child = try CLIProcess(
            ["register", jid, "--password-stdin", "--captcha-answer-file", "-", "--json"] + options(server),
            environment: ["TMPDIR": directory.path])
        child.send("Stdin-pass-4321")
        try await child.waitFor("\"attempt\":1")
        let request = try #require(JSONOutput.objects(in: child.standardOutput).first)
        let image = try #require(((request["fields"] as? [[String: Any]])?.first)?["image"] as? String)
        child.send(try Self.answer(inImage: image))
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.standardError)")
        #expect(try JSONOutput.lastObject(in: child.standardOutput)["jid"] as? String == jid)
        #expect(!FileManager.default.fileExists(atPath: image), "the CAPTCHA image is removed once the run ends")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("xmpp-onboard-captcha-") }
        #expect(left.isEmpty, "no image directory left behind: \(left)")
    }

    @Test("CAPTCHA on a terminal: the image is drawn, a wrong answer brings a new one, the right one registers")
    func captchaOnTerminal() async throws {
        let server = try await Self.server()
        let host = try #require(server.captchaHost)
        let directory = try RegistrationCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try CLIProcess(
            ["register", host, "--generate-password"] + options(server), onTerminal: true,
            environment: ["TMPDIR": directory.path])
        let firstScreen = try await child.waitFor("captcha-1.png")
        // chafa draws in 256 colours for TERM=xterm-256color; the QR code of the fallback URL uses 16 colours only.
        #expect(firstScreen.contains("8;5;"), "the image is drawn by chafa, in 256 colours")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/" + (try Self.imageDirectory(in: firstScreen)) + "/captcha-1.png"))
        try await child.waitFor("captcha-1.png.")
        try await Task.sleep(for: .milliseconds(300))
        child.send("0")
        try await child.waitFor("captcha-2.png")
        let second = directory.path + "/" + (try Self.imageDirectory(in: child.standardOutput)) + "/captcha-2.png"
        try await Task.sleep(for: .milliseconds(300))
        child.send(try Self.answer(inImage: second))
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.standardOutput)")
        #expect(child.standardOutput.contains("Registered "))
        #expect(child.standardOutput.contains("Password: "))
    }

    @Test("CAPTCHA without a terminal or an answer file: needs-input naming --captcha-answer-file, exit 64")
    func captchaWithoutAnswerSource() async throws {
        let server = try await Self.server()
        let host = try #require(server.captchaHost)
        let result = try await CLIProcess.run(["register", host, "--generate-password", "--json"] + options(server))
        #expect(result.status == 64)
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["status"] as? String == "needs-input")
        let field = try #require((object["fields"] as? [[String: Any]])?.first)
        #expect(field["flag"] as? String == "--captcha-answer-file")
    }

    @Test("password_strength: a weak password is refused with the server's words and a hint (exit 1)")
    func weakPassword() async throws {
        let server = try await EjabberdServer.shared(key: "register-cli-strength", options: .init(captchaHost: nil, passwordStrength: 32))
        let jid = RegistrationCLI.uniqueName("weak") + "@" + server.domain
        let result = try await CLIProcess.run(["register", jid, "--password-stdin", "--json"] + options(server), stdin: "abc\n")
        #expect(result.status == 1)
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["condition"] as? String == "not-acceptable")
        #expect((object["server_text"] as? String)?.contains("too weak") == true)
        #expect((object["hint"] as? String)?.contains("--generate-password") == true)
        let strong = try await CLIProcess.run(["register", jid, "--generate-password", "--json"] + options(server))
        #expect(strong.status == 0, "\(strong.output)")
    }

    @Test("registration_timeout: a second registration from the same address is rate-limited (exit 75)")
    func rateLimited() async throws {
        let server = try await EjabberdServer.start(.init(captchaHost: nil, registrationTimeout: 600))
        defer { server.stop() }
        let first = try await CLIProcess.run(["register", server.domain, "--generate-password", "--json"] + options(server))
        #expect(first.status == 0, "\(first.output)")
        let second = try await CLIProcess.run(["register", server.domain, "--generate-password", "--json"] + options(server))
        #expect(second.status == 75)
        let object = try JSONOutput.lastObject(in: second.output)
        #expect(object["condition"] as? String == "rate-limited")
        let text = try await CLIProcess.run(["register", server.domain, "--generate-password"] + options(server))
        #expect(text.errors.contains("try again later"))
    }

    @Test("registration denied by the access rule: forbidden, “closed”, another provider suggested (exit 77)")
    func forbidden() async throws {
        let server = try await EjabberdServer.shared(
            key: "register-cli-closed", options: .init(openRegistration: false, captchaHost: nil))
        let result = try await CLIProcess.run(["register", server.domain, "--generate-password"] + options(server))
        #expect(result.status == 77, "\(result.errors)")
        #expect(result.errors.contains("is closed"))
        #expect(result.errors.contains("providers recommend"))
        let json = try await CLIProcess.run(["register", server.domain, "--generate-password", "--json"] + options(server))
        #expect(try JSONOutput.lastObject(in: json.output)["condition"] as? String == "forbidden")
    }

    // MARK: - Helpers

    /// `xmpp-onboard-captcha-XXXXXX`, the private image directory named in the output.
    static func imageDirectory(in text: String) throws -> String {
        let range = try #require(text.range(of: "xmpp-onboard-captcha-"))
        return String(text[range.lowerBound...].prefix("xmpp-onboard-captcha-".count + 6))
    }

    static func write(_ text: String, to fifo: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: fifo))
        handle.write(Data(text.utf8))
        try handle.close()
    }
}
