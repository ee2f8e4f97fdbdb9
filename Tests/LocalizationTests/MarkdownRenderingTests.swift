import Markdown
import Testing

@Suite("Markdown through cmark")
struct MarkdownRenderingTests {
    static let sample = """
        # Title

        Some *emphasis*, **strong** text, `code` and a [link](https://example.org/).
        <b>raw</b> and <https://autolink.example/>.

        ## Lists

        - first item
        - second item
          1. nested one
          2. nested two

        > quoted

            indented code
        """

    @Test("plain terminal rendering: underlined headings, bullets, code in backticks, links with URL, no HTML")
    func plain() {
        let output = MarkdownTerminalRenderer(width: 80).render(MarkdownDocument(parsing: Self.sample))
        #expect(
            output == """
                Title
                =====

                Some emphasis, strong text, `code` and a link (https://example.org/). raw and
                https://autolink.example/.

                Lists
                -----

                • first item
                • second item
                  1. nested one
                  2. nested two

                │ quoted

                    indented code

                """)
        #expect(!output.contains("\u{1B}"))
    }

    @Test("styled rendering uses SGR bold, italic, underline and colour")
    func styled() {
        let output = MarkdownTerminalRenderer(width: 80, usesStyles: true)
            .render(MarkdownDocument(parsing: "# T\n\n*i* **b** `c` [l](https://x.example/)"))
        #expect(output.contains("\u{1B}[1mT\u{1B}[0m"))
        #expect(output.contains("\u{1B}[3mi\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1mb\u{1B}[0m"))
        #expect(output.contains("\u{1B}[36mc\u{1B}[0m"))
        #expect(output.contains("\u{1B}[4ml\u{1B}[0m"))
        #expect(output.contains("\u{1B}[2m(https://x.example/)\u{1B}[0m"))
    }

    @Test("wraps to the width, with hanging indentation in lists, and never splits a URL needlessly")
    func wrapping() {
        let document = MarkdownDocument(
            parsing:
                "- one two three four five six seven eight nine ten eleven twelve\n\n"
                    + "[go](https://example.org/a/long/path)"
        )
        let output = MarkdownTerminalRenderer(width: 24).render(document)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 24 })
        #expect(lines.first == "• one two three four")
        #expect(lines[1].hasPrefix("  five"))
        #expect(output.contains("(https://example.org/a/"))
        let repeated = MarkdownTerminalRenderer(width: 80)
            .render(MarkdownDocument(parsing: "[dino.im](https://dino.im/) and [mail](mailto:a@b.example)"))
        #expect(repeated == "https://dino.im/ and mail (mailto:a@b.example)\n")
    }

    @Test("wide characters count two columns and lines may break between them")
    func cjk() {
        let text = String(repeating: "漢字", count: 20)
        let output = MarkdownTerminalRenderer(width: 20).render(MarkdownDocument(parsing: text))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count == 10 })
    }

    @Test("control characters never reach the terminal")
    func controlCharacters() {
        let output = MarkdownTerminalRenderer(width: 80).render(
            MarkdownDocument(parsing: "a\u{1B}[31mb\u{7}c `d\u{9B}e`"))
        #expect(output == "a[31mbc `de`\n")
    }

    @Test("HTML through cmark_render_html: raw HTML and javascript: links are not passed through")
    func html() {
        let document = MarkdownDocument(
            parsing:
                "# Hi & bye\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) *y* <img src=x onerror=alert(1)>")
        let html = document.html()
        #expect(html.contains("<h1>Hi &amp; bye</h1>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<a href=\"\">x</a>"))
        #expect(html.contains("<em>y</em>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("sections by level-2 heading, found by app name, and narrowing keeps the introduction")
    func sections() throws {
        let document = MarkdownDocument(
            parsing: """
                # Guide

                Intro.

                ## Conversations (Android)

                For Conversations.

                ### Details

                More.

                ## Monocles chat (Android)

                For Monocles.

                ## Converse.js (web)

                For Converse.
                """)
        #expect(
            document.sections().map(\.title) == [
                "Conversations (Android)", "Monocles chat (Android)", "Converse.js (web)",
            ])
        #expect(document.section(named: "conversations")?.title == "Conversations (Android)")
        #expect(document.section(named: "Monocles")?.title == "Monocles chat (Android)")
        #expect(document.section(named: "converse-js")?.title == "Converse.js (web)")
        #expect(document.section(named: "converse")?.title == "Converse.js (web)")
        #expect(document.section(named: "conv") == nil)  // ambiguous prefix
        #expect(document.section(named: "pidgin") == nil)

        let section = try #require(document.section(named: "conversations"))
        let narrowed = document.narrowed(to: section)
        let text = MarkdownTerminalRenderer(width: 80).render(narrowed)
        #expect(text.contains("Intro."))
        #expect(text.contains("For Conversations."))
        #expect(text.contains("More."))
        #expect(!text.contains("Monocles"))
        #expect(narrowed.html().contains("<h3>Details</h3>"))
    }
}
