import Foundation
import Testing

/// `xmpp-onboard links`: install links, Play referrer, two-step stores, login QR codes (issue 6).
@Suite("xmpp-onboard links")
struct LinksCommandTests {
    typealias Tool = QRCommandSupport

    static let invitation = "xmpp:example.com?register;preauth=TOKEN123"

    /// The ASCII QR codes in `text` (blocks of `#`/space lines, indentation removed), in order.
    static func asciiBlocks(in text: String) -> [String] {
        var blocks: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " }
            if content.hasPrefix("####") && content.allSatisfy({ $0 == "#" || $0 == " " }) {
                current.append(String(content))
            } else if !current.isEmpty {
                blocks.append(current.joined(separator: "\n"))
                current = []
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        return blocks
    }

    /// Decodes every ASCII QR code in `text` with zbarimg.
    static func decodeQRCodes(in text: String) throws -> [String] {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try asciiBlocks(in: text).enumerated().map { index, block in
            let file = directory.appendingPathComponent("block\(index).pgm")
            try Tool.pgm(fromASCII: block, inkIsDark: false).write(to: file)
            return String(decoding: try Tool.decode(imageAt: file.path), as: UTF8.self)
        }
    }

    static func json(_ result: QRCommandSupport.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    }

    @Test("Android invitation as JSON: Play referrer carries it, F-Droid is two-step")
    func androidInvitationJSON() throws {
        let result = try Tool.run(["links", Self.invitation, "--platform", "android", "--client", "conversations", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try Self.json(result)
        #expect(object["kind"] as? String == "invitation")
        #expect(object["landing_link"] as? String == "https://xmpp.link/#example.com?register;preauth=TOKEN123")
        let apps = try #require(object["apps"] as? [[String: Any]])
        #expect(apps.count == 1)
        let install = try #require(apps[0]["install"] as? [[String: Any]])
        #expect(install.map { $0["store"] as? String } == ["play", "fdroid"])
        #expect(
            install[0]["url"] as? String
                == "https://play.google.com/store/apps/details?id=eu.siacs.conversations&referrer=xmpp%3Aexample.com%3Fregister%3Bpreauth%3DTOKEN123"
        )
        #expect(install[0]["carries_invitation"] as? Bool == true)
        #expect(install[0]["then_open_invitation"] as? Bool == false)
        #expect(install[1]["carries_invitation"] as? Bool == false)
        #expect(install[1]["then_open_invitation"] as? Bool == true)
        #expect(apps[0]["open_after_install"] as? String == Self.invitation)
    }

    @Test("iOS invitation text says to come back after installing; QR codes decode")
    func iosInvitationText() throws {
        let result = try Tool.run(["links", Self.invitation, "--platform", "ios", "--qr", "always", "--plain"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Install from the App Store: https://apps.apple.com/"))
        #expect(result.standardOutput.contains("Installing from the App Store does not pass the invitation on: after installing, come back"))
        #expect(try Self.decodeQRCodes(in: result.standardOutput) == [Self.invitation])
    }

    @Test("the Play referrer link is shown as a QR code that decodes to it")
    func referrerQR() throws {
        let result = try Tool.run(["links", Self.invitation, "--client", "conversations", "--qr", "always", "--plain"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try Self.decodeQRCodes(in: result.standardOutput) == [
                Self.invitation,
                "https://play.google.com/store/apps/details?id=eu.siacs.conversations&referrer=xmpp%3Aexample.com%3Fregister%3Bpreauth%3DTOKEN123",
            ])
    }

    @Test("login QR codes only with --include-password-from, with a warning", arguments: [false, true])
    func loginQRCodes(fromStdin: Bool) throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let password = "s3cr3t ;+&=\"ü"
        let file = directory.appendingPathComponent("password.txt")
        try Data((password + "\n").utf8).write(to: file)
        let source = fromStdin ? "-" : file.path
        let stdin = fromStdin ? Data((password + "\n").utf8) : nil

        let conversations = try Tool.run(
            ["links", "alice@example.org", "--client", "conversations", "--include-password-from", source, "--qr", "always", "--plain"],
            stdin: stdin
        )
        #expect(conversations.status == 0, "\(conversations.standardError)")
        #expect(conversations.standardError.contains("warning: The login QR codes contain your password: they are a key to your account"))
        let expectedJSON = #"{"protocol":"xmpp","address":"alice@example.org","password":"s3cr3t ;+&=\"ü"}"#
        #expect(try Self.decodeQRCodes(in: conversations.standardOutput) == ["xmpp:alice@example.org?roster", expectedJSON])

        let kaidan = try Tool.run(
            ["links", "alice@example.org", "--client", "kaidan", "--platform", "linux", "--include-password-from", source, "--json"],
            stdin: stdin
        )
        #expect(kaidan.status == 0, "\(kaidan.standardError)")
        #expect(kaidan.standardError.contains("key to your account"))
        let apps = try #require(try Self.json(kaidan)["apps"] as? [[String: Any]])
        let login = try #require(apps.first?["login_qr"] as? [String: Any])
        #expect(login["format"] as? String == "xmpp-login")
        #expect(login["standard"] as? Bool == false)
        #expect(login["payload"] as? String == "xmpp:alice@example.org?login;password=s3cr3t%20%3B%2B%26%3D%22ü")
    }

    @Test("without the option no password appears and no warning is printed")
    func noPassword() throws {
        let result = try Tool.run(["links", "alice@example.org", "--qr", "always", "--plain"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("warning"))
        #expect(!result.standardOutput.contains("password="))
        #expect(result.standardOutput.contains("\"Add me\" link for your contacts: xmpp:alice@example.org?roster"))
        let codes = try Self.decodeQRCodes(in: result.standardOutput)
        #expect(codes.first == "xmpp:alice@example.org?roster")
        #expect(codes.allSatisfy { !$0.contains("password") })
    }

    @Test("no QR codes when stdout is not a terminal, or with --qr never")
    func noQRCodes() throws {
        for arguments in [["links", "alice@example.org"], ["links", "alice@example.org", "--qr", "never", "--plain"]] {
            let result = try Tool.run(arguments)
            #expect(result.status == 0)
            #expect(!result.standardOutput.contains("█") && !result.standardOutput.contains("####"))
        }
    }

    @Test("usage errors exit 64 with a message", arguments: [
        (["links", "example.com"], "is a server, not an account"),
        (["links", "alice@example.org", "--client", "nope"], "No app called nope"),
        (["links", "alice@example.org", "--platform", "ios", "--client", "gajim"], "is not available for ios"),
        (["links", "xmpp:room@conference.example.org?join"], "neither an invitation nor an account"),
        (["links", "xmpp:alice example.org"], "U+20"),
        (["links", "https://example.org/invite/abc/"], "does not carry an xmpp: URI"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try Tool.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("password problems")
    func passwordProblems() throws {
        let directory = try Tool.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty")
        try Data("\n".utf8).write(to: empty)
        let emptyResult = try Tool.run(["links", "alice@example.org", "--include-password-from", empty.path])
        #expect(emptyResult.status == 64)
        #expect(emptyResult.standardError.contains("The password is empty"))

        let missing = try Tool.run(["links", "alice@example.org", "--include-password-from", directory.path + "/none"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("Cannot read the password"))

        let secret = directory.appendingPathComponent("pw")
        try Data("x".utf8).write(to: secret)
        let invitation = try Tool.run(["links", Self.invitation, "--include-password-from", secret.path])
        #expect(invitation.status == 64)
        #expect(invitation.standardError.contains("an invitation needs no password"))
    }

    @Test("a password inside a login URI is ignored with a warning")
    func passwordInURI() throws {
        let result = try Tool.run(["links", "xmpp:alice@example.org?login;password=hunter2", "--json"])
        #expect(result.status == 0)
        #expect(result.standardError.contains("The password in the URI is ignored"))
        #expect(!result.standardOutput.contains("hunter2"))
    }

    @Test("on a terminal the QR codes are printed without asking")
    func onTerminal() throws {
        let result = try Tool.runOnTerminal(["links", "alice@example.org", "--client", "conversations"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\u{1B}[30;107m"))
        let plain = try Tool.runOnTerminal(["links", "alice@example.org", "--client", "conversations", "--plain"])
        let text = plain.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(try Self.decodeQRCodes(in: text) == ["xmpp:alice@example.org?roster"])
    }
}
