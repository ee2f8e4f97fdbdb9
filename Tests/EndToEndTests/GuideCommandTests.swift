import Foundation
import Testing
import XMPPTestSupport

/// End-to-end runs of the built binary for `guide` and `locales check`.
///
/// The binary is ``TestPaths/tool`` (`.build/debug/xmpp-onboard`); build it first (`swift build`, which
/// `swift build --build-tests` and `scripts/test.sh` do). Expected outputs live in `Expected/`; run with
/// `XMPP_ONBOARD_UPDATE_SNAPSHOTS=1` to rewrite them after an intended change, then review the diff.
@Suite("guide and locales commands")
struct GuideCommandTests {
    static let root = TestPaths.packageRoot
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    /// Runs the binary with a clean locale environment, the source tree's data and no colour.
    static func run(_ arguments: [String], dataDirectory: URL = root, environment extra: [String: String] = [:])
        throws -> CommandResult
    {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        environment.merge(extra) { $1 }
        return try TestPaths.runToolSynchronously(
            arguments + ["--data-dir", dataDirectory.path, "--color", "never"], environment: environment)
    }

    /// Compares `actual` with `Expected/<name>`, or writes it when updating snapshots.
    static func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = expected.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["XMPP_ONBOARD_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let data = try #require(
            FileManager.default.contents(atPath: url.path), "missing snapshot \(name)", sourceLocation: sourceLocation)
        #expect(
            actual == String(decoding: data, as: UTF8.self), "output differs from \(name)",
            sourceLocation: sourceLocation)
    }

    static let snapshots: [(arguments: [String], name: String)] = [
        (["guide", "--lang", "en"], "guide-list.en.txt"),
        (["guide", "--lang", "bg"], "guide-list.bg.txt"),
        (["guide", "xmpp", "--lang", "en", "--width", "80"], "guide-xmpp.en.txt"),
        (["guide", "xmpp", "--lang", "bg", "--width", "80"], "guide-xmpp.bg.txt"),
        (
            ["guide", "omemo", "--client", "conversations", "--lang", "en", "--width", "80"],
            "guide-omemo-conversations.en.txt"
        ),
        (["guide", "--client", "gajim", "--lang", "bg", "--width", "72"], "guide-omemo-gajim.bg.txt"),
        (["guide", "apps", "--lang", "fr", "--width", "80"], "guide-apps.fr.txt"),
        (["guide", "history", "--lang", "id", "--width", "80"], "guide-history.id.txt"),
        (["guide", "server", "--lang", "it", "--width", "80"], "guide-server.it.txt"),
    ]

    @Test("guide output matches the snapshot", arguments: snapshots.indices)
    func snapshot(_ index: Int) throws {
        let (arguments, name) = Self.snapshots[index]
        let run = try Self.run(arguments)
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        try Self.assertSnapshot(run.standardOutput, named: name)
    }

    @Test("the language comes from LANG when --lang is absent; C means English")
    func languageFromEnvironment() throws {
        let bulgarian = try Self.run(["guide"], environment: ["LANG": "bg_BG.UTF-8"])
        try Self.assertSnapshot(bulgarian.standardOutput, named: "guide-list.bg.txt")
        let posix = try Self.run(["guide"], environment: ["LANG": "bg_BG.UTF-8", "LC_ALL": "C"])
        try Self.assertSnapshot(posix.standardOutput, named: "guide-list.en.txt")
    }

    @Test("a language without the guide gets the English guide and a note in its own language")
    func englishFallback() throws {
        let run = try Self.run(["guide", "xmpp", "--lang", "de", "--width", "80"])
        #expect(run.status == 0)
        try Self.assertSnapshot(run.standardOutput, named: "guide-xmpp.en.txt")
        #expect(
            run.standardError == "Diese Anleitung gibt es noch nicht auf Deutsch; hier ist die englische Fassung.\n")
    }

    @Test("an unknown topic or app is a usage error with a localized message")
    func usageErrors() throws {
        let topic = try Self.run(["guide", "nope", "--lang", "fr"])
        #expect(topic.status == 64)
        #expect(topic.standardError == "erreur: aucun guide ne s’appelle «\u{A0}nope\u{A0}»\n")
        let client = try Self.run(["guide", "omemo", "--client", "whatsapp", "--lang", "en"])
        #expect(client.status == 64)
        #expect(
            client.standardError.hasPrefix(
                "error: the guide “omemo” has no part about “whatsapp”\nIt has parts about: Conversations (Android), "))
        let unavailable = try Self.run(["guide", "--lang", "xx"])
        #expect(unavailable.status == 0)
        #expect(unavailable.standardError == "warning: messages are not available in “xx”; using English\n")
    }

    @Test("markdown and HTML output")
    func formats() throws {
        let html = try Self.run(["guide", "xmpp", "--lang", "fr", "--format", "html"])
        #expect(html.standardOutput.hasPrefix("<h1>Ce qu’est XMPP</h1>\n"))
        let markdown = try Self.run(["guide", "bridges", "--lang", "it", "--format", "markdown"])
        let source = try String(
            contentsOf: Self.root.appendingPathComponent("locales/it/guides/bridges.md"), encoding: .utf8)
        #expect(markdown.standardOutput == source.trimmingCharacters(in: .newlines) + "\n")
    }

    @Test("locales check passes on the shipped catalogue and fails on a broken one")
    func localesCheck() throws {
        let run = try Self.run(["locales", "check", "--lang", "en"])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.hasSuffix("\nNo problems found.\n"))

        // A copy of the shipped locales with problems added to French and a guide removed from Italian.
        let broken = try TestDirectories.makeUnique(prefix: "locales-e2e")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("locales"), to: broken.appendingPathComponent("locales"))
        let french = broken.appendingPathComponent("locales/fr/messages.po")
        var text = try String(contentsOf: french, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "aucun guide ne s’appelle «\u{A0}{topic}\u{A0}»", with: "aucun guide «\u{A0}{sujet}\u{A0}»")
        text += "\nmsgid \"broken\"\nmsgstr \"\\q\"\n"
        try Data(text.utf8).write(to: french)
        try FileManager.default.removeItem(at: broken.appendingPathComponent("locales/it/guides/omemo.md"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count

        let failing = try Self.run(["locales", "check", "--lang", "en"], dataDirectory: broken)
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("  line \(lines - 1): unknown escape sequence \\q\n"))
        #expect(
            failing.standardOutput.contains(
                "  placeholders differ in guide.error.unknown-topic: "
                    + "English has {topic}, this translation has {sujet}\n"
            ))
        #expect(failing.standardOutput.contains(", 6/7 guides\n  guide missing: omemo\n"))
        #expect(failing.standardOutput.contains("\nProblems found in "))
    }
}
