import Foundation
import Testing
import XMPPTestSupport

/// End-to-end runs of `xmpp-onboard providers …` and `clients …` against the shipped catalogues.
@Suite struct ProvidersCommandTests {
    let home: URL
    let runner: CommandRunner

    init() throws {
        home = try TestDirectories.makeUnique(prefix: "providers-e2e")
        runner = CommandRunner(home: home)
    }

    static let fixtures: URL = {
        let sibling = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        return FileManager.default.fileExists(atPath: sibling.path)
            ? sibling : URL(fileURLWithPath: "/work/shared/fixtures")
    }()

    func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test("list prints a table of the shipped catalogue, best category first")
    func listTable() throws {
        let result = try runner.run(["providers", "list"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 87)  // header + 86 providers
        #expect(lines.first?.hasPrefix("PROVIDER") == true)
        #expect(lines.dropFirst().first?.hasPrefix("07f.de ") == true)
        #expect(result.standardOutput.contains("in-band + CAPTCHA"))
    }

    @Test("the table fits the terminal width", arguments: [40, 60, 80, 120])
    func listFitsWidth(columns: Int) throws {
        let narrow = CommandRunner(home: home, extra: ["COLUMNS": String(columns)])
        let result = try narrow.run(["providers", "list", "--category", "B"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 30)
        for line in lines { #expect(line.count <= columns, "\(line)") }
        #expect(lines.contains { $0.hasPrefix("disroot.org") || $0.hasPrefix("disroot.o…") })
    }

    @Test(
        "filters",
        arguments: [
            (["--category", "B"], 29),
            (["--category", "a"], 13),
            (["--in-band", "--no-captcha"], 6),  // the 5 A providers of protocols.md §12.6 and conversations.im (C)
            (["--in-band", "--no-captcha", "--category", "B"], 5),
            (["--country", "DE", "--category", "A"], 6),
            (["--language", "bg"], 1),
            (["--free", "--category", "C"], 29),
            ([], 86),
        ])
    func listJSON(arguments: [String], expected: Int) throws {
        let result = try runner.run(["providers", "list", "--json"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let entries = try jsonArray(result.standardOutput)
        #expect(entries.count == expected)
        // Entries are v2 entries: all 31 keys.
        #expect(entries.allSatisfy { $0.keys.count >= 31 && $0["jid"] is String })
    }

    @Test("usage errors exit 64")
    func usage() throws {
        #expect(try runner.run(["providers", "list", "--category", "E"]).status == 64)
        #expect(try runner.run(["providers", "list", "--country", "germany"]).status == 64)
        #expect(try runner.run(["providers", "recommend", "--platform", "amiga"]).status == 64)
    }

    @Test("show prints details with localized fallbacks; unknown domains fail offline")
    func show() throws {
        let disroot = try runner.run(["providers", "show", "disroot.org"])
        #expect(disroot.status == 0)
        #expect(disroot.standardOutput.hasPrefix("disroot.org\n"))
        #expect(disroot.standardOutput.contains("Category:"))
        // jabber.fr has only a French website: shown anyway.
        let jabberFR = try runner.run(["providers", "show", "jabber.fr", "--lang", "en"])
        #expect(jabberFR.standardOutput.contains("https://"))
        let ours = try runner.run(["providers", "show", "jabber.org"])
        #expect(ours.standardOutput.contains("added by xmpp-onboard"))
        let json = try runner.run(["providers", "show", "NIXNET.services", "--json"])
        let entry = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(entry["origin"] as? String == "xmpp-onboard")
        let missing = try runner.run(["providers", "show", "not-listed.example", "--offline"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("not-listed.example"))
    }

    @Test("recommend is repeatable with a seed and explains itself")
    func recommend() throws {
        let arguments = [
            "providers", "recommend", "--country", "de", "--language", "de", "--seed", "11", "--platform", "android",
        ]
        let first = try runner.run(arguments)
        let second = try runner.run(arguments)
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.contains("servers in your country: de"))
        #expect(first.standardOutput.contains("Apps for android: Conversations, Monocles chat"))
        #expect(first.standardOutput.contains("--seed 11"))

        let json = try runner.run([
            "providers", "recommend", "--seed", "5", "--count", "2", "--json", "--country", "fr",
        ])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let recommendations = try #require(object["recommendations"] as? [[String: Any]])
        #expect(recommendations.count == 2)
        #expect(recommendations.allSatisfy { $0["category"] as? String == "A" })
        #expect(object["seed"] as? String == "5")
    }

    @Test("validate accepts the shipped files and reports every problem of a broken one")
    func validate() throws {
        let shipped = try runner.run([
            "providers", "validate", TestPaths.packageRoot.appendingPathComponent("providers.json").path,
        ])
        #expect(shipped.status == 0, "\(shipped.standardOutput)")
        #expect(shipped.standardOutput.contains("86 valid entries, 0 errors, 0 warnings"))
        let clients = try runner.run([
            "providers", "validate", TestPaths.packageRoot.appendingPathComponent("clients.json").path,
        ])
        #expect(clients.status == 0)
        #expect(clients.standardOutput.contains("12 valid entries"))

        let broken = home.appendingPathComponent("broken.json")
        try Data(
            """
            [{"jid": "a.example", "category": "\\u001b[31mZ", "website": {"en": "http://a.example"}},
             {"jid": "a.example"}, "red"]
            """.utf8
        ).write(to: broken)
        let result = try runner.run(["providers", "validate", broken.path, "--json"])
        #expect(result.status == 1)
        let issues = try jsonArray(result.standardOutput)
        let kinds = Set(issues.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["unknown-value", "insecure-url", "missing-key", "duplicate", "wrong-type"]))
        let text = try runner.run(["providers", "validate", broken.path])
        #expect(!text.standardOutput.contains("\u{1B}"), "file text must be neutralized")

        try Data("{\"providers\": [".utf8).write(to: broken)
        let truncated = try runner.run(["providers", "validate", broken.path])
        #expect(truncated.status == 1)
        #expect(truncated.standardOutput.contains("not valid JSON"))
    }

    @Test("clients list per platform")
    func clients() throws {
        let result = try runner.run(["clients", "list", "--platform", "android", "--json"])
        #expect(result.status == 0)
        let ids = try jsonArray(result.standardOutput).compactMap { $0["id"] as? String }
        #expect(ids == ["conversations", "monocles-chat"])
        let table = try runner.run(["clients", "list"])
        #expect(table.standardOutput.contains("Pidgin"))
        #expect(table.standardOutput.contains("none out of the box"))
    }

    @Test("update from a loopback server: valid list, truncated JSON, HTML error page, 404, insecure URL")
    func update() throws {
        let served = home.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let upstream = try Data(contentsOf: Self.fixtures.appendingPathComponent("xmpp-providers-v2-providers-B.json"))
        try upstream.write(to: served.appendingPathComponent("providers-B.json"))
        try upstream.prefix(upstream.count / 2).write(to: served.appendingPathComponent("truncated.json"))
        try Data("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".utf8)
            .write(to: served.appendingPathComponent("error.html"))
        var smaller = try #require(try JSONSerialization.jsonObject(with: upstream) as? [[String: Any]])
        smaller.removeAll { $0["jid"] as? String == "yax.im" }
        if let index = smaller.firstIndex(where: { $0["jid"] as? String == "jabber.fr" }) {
            smaller[index]["busFactor"] = 9
        }
        smaller.append(smaller[0].merging(["jid": "jabber.org", "category": "B"]) { $1 })
        try JSONSerialization.data(withJSONObject: smaller).write(to: served.appendingPathComponent("changed.json"))

        let server = try LoopbackHTTPServer(serving: served)
        let shippedPath = TestPaths.packageRoot.appendingPathComponent("providers.json").path
        let shippedBefore = try Data(contentsOf: URL(fileURLWithPath: shippedPath))
        let userCopy = home.appendingPathComponent("data/xmpp-onboard/providers.json")
        let lastGood = home.appendingPathComponent("data/xmpp-onboard/providers.last-good.json")

        // 1. A valid list: diff summary, then saved.
        let valid = try runner.run(["providers", "update", "--from", server.url("providers-B.json")])
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.standardOutput.contains("0 added, 0 removed, 0 changed"))
        #expect(valid.standardOutput.contains("Saved the updated list"))
        let saved = try Data(contentsOf: userCopy)
        let savedObject = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect(savedObject["source"] as? String == server.url("providers-B.json"))
        #expect((savedObject["providers"] as? [Any])?.count == 86)
        let list = try runner.run(["providers", "list", "--json"])
        #expect(try jsonArray(list.standardOutput).count == 86)

        // 2–5. Broken downloads leave the user copy exactly as it was.
        for (path, status) in [("truncated.json", Int32(1)), ("error.html", 1), ("missing.json", 69)] {
            let result = try runner.run(["providers", "update", "--from", server.url(path)])
            #expect(result.status == status, "\(path): \(result.standardError)")
            #expect(result.standardError.contains("not changed"), "\(path)")
            #expect(try Data(contentsOf: userCopy) == saved, "\(path) changed the user copy")
        }
        let insecure = try runner.run([
            "providers", "update", "--from", "http://data.xmpp.net/providers/v2/providers-B.json",
        ])
        #expect(insecure.status == 64)
        #expect(try Data(contentsOf: userCopy) == saved)

        // 6. A changed list: diff, our jabber.org entry replaced by the upstream one, last good copy kept.
        let changed = try runner.run(["providers", "update", "--from", server.url("changed.json")])
        #expect(changed.status == 0, "\(changed.standardError)")
        #expect(changed.standardOutput.contains("0 added, 1 removed, 2 changed"))
        #expect(changed.standardOutput.contains("removed: yax.im"))
        #expect(changed.standardOutput.contains("jabber.org: category D → B"))
        #expect(try Data(contentsOf: lastGood) == saved)
        let show = try runner.run(["providers", "show", "jabber.org", "--json"])
        let entry = try #require(
            try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any])
        #expect(entry["origin"] == nil)
        #expect(entry["category"] as? String == "B")

        // 7. Dry run and "up to date" write nothing; the shipped file was never touched.
        let again = try runner.run(["providers", "update", "--from", server.url("changed.json")])
        #expect(again.standardOutput.contains("already up to date"))
        let dry = try runner.run(["providers", "update", "--from", server.url("providers-B.json"), "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.standardOutput.contains("1 added"))
        #expect(try Data(contentsOf: lastGood) == saved)
        #expect(try Data(contentsOf: URL(fileURLWithPath: shippedPath)) == shippedBefore)
    }

    @Test("update from a local file and show from a provider file on a loopback server")
    func fileSources() throws {
        let list = home.appendingPathComponent("list.json")
        try Data(contentsOf: Self.fixtures.appendingPathComponent("xmpp-providers-v2-providers-B.json")).write(to: list)
        let result = try runner.run(["providers", "update", "--from", list.path])
        #expect(result.status == 0, "\(result.standardError)")

        let served = home.appendingPathComponent("well-known")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try Data(
            #"{"website": {"de": "https://custom.example/"}, "serverLocations": ["at"], "since": "2025-01-01"}"#.utf8
        )
        .write(to: served.appendingPathComponent("xmpp-provider-v2.json"))
        let server = try LoopbackHTTPServer(serving: served)
        let show = try runner.run([
            "providers", "show", "custom.example", "--from", server.url("xmpp-provider-v2.json"),
        ])
        #expect(show.status == 0, "\(show.standardError)")
        #expect(show.standardOutput.contains("the provider's own file"))
        #expect(show.standardOutput.contains("https://custom.example/"))
    }
}
