import Testing
import XMPPCore

@Suite("Server-supplied URLs (security.md R6)")
struct ServerURLTests {
    @Test("classification allow-list", arguments: [
        ("https://example.org/register", ServerURL.Kind.https),
        ("  https://example.org  ", .https),
        ("HTTPS://Example.org:8443/a?b#c", .https),
        ("https://[2001:db8::1]:443/x", .https),
        ("http://www.shakespeare.lit/contests.php", .http),
        ("cid:sha1+abc@bob.xmpp.org", .contentID),
        ("javascript:alert(1)", .rejected),
        ("JavaScript:alert(document.cookie)", .rejected),
        ("data:text/html,<script>alert(1)</script>", .rejected),
        ("file:///etc/passwd", .rejected),
        ("ftp://example.org/", .rejected),
        ("xmpp:example.org?register", .rejected),
        ("//example.org/register", .rejected),
        ("example.org/register", .rejected),
        ("https://", .rejected),
        ("https:example.org", .rejected),
        ("https://bank.example@evil.example/", .rejected),
        ("https://exa mple.org/", .rejected),
        ("https://example.org/\u{1B}[31m", .rejected),
        ("https://example.org/\u{202E}gpj.exe", .rejected),
        ("https://example.org:99999999/", .rejected),
        ("https://example.org:/", .rejected),
        ("https://../", .rejected),
        ("https://example.org/<script>", .rejected),
        ("cid:", .rejected),
        ("", .rejected),
    ])
    func classify(text: String, kind: ServerURL.Kind) {
        #expect(ServerURL(text).kind == kind)
    }

    @Test("only https is fetchable; http and https are web URLs; rejected URLs display escaped")
    func uses() {
        #expect(ServerURL("https://a.example/").fetchableURL == "https://a.example/")
        #expect(ServerURL("http://a.example/").fetchableURL == nil)
        #expect(ServerURL("http://a.example/").isWebURL)
        #expect(!ServerURL("javascript:alert(1)").isWebURL)
        #expect(ServerURL("cid:abc@bob.xmpp.org").contentID == "abc@bob.xmpp.org")
        let hostile = ServerURL("javascript:alert(1)\u{1B}]8;;https://evil\u{07}")
        #expect(hostile.kind == .rejected)
        #expect(!hostile.displayText.contains("\u{1B}"))
        #expect(!hostile.displayText.contains("\u{07}"))
        #expect(hostile.displayText.hasPrefix("javascript:alert(1)"))
        #expect(ServerURL(String(repeating: "a", count: 5_000)).kind == .rejected)
        #expect(ServerURL("https://e.example/" + String(repeating: "a", count: 5_000)).kind == .rejected)
    }
}
