import Foundation
import Localization
import Testing

@Suite("PO parser")
struct POParserTests {
    static let header = """
        msgid ""
        msgstr ""
        "Language: fr\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

        """

    @Test("C escapes decode to the characters they name")
    func escapes() throws {
        let file = POFile(
            parsing: Self.header + #"""
                msgid "escapes"
                msgstr "a\nb\tc\\d\"e\'f\?g\a\b\f\v\r|\101\x42\303\251"
                """#)
        #expect(file.problems.isEmpty)
        let entry = try #require(file.entry(for: "escapes"))
        #expect(entry.translations == ["a\nb\tc\\d\"e'f?g\u{7}\u{8}\u{C}\u{B}\r|ABé"])
    }

    @Test("strings continue over several lines and the header is parsed")
    func multiLine() throws {
        let file = POFile(
            parsing: Self.header + """
                # A translator comment
                #. An extracted comment
                #: Sources/OnboardCLI/Commands/Guide.swift:42
                #, c-format, no-wrap
                msgid ""
                "guide."
                "hint"
                msgstr ""
                "Première ligne,\\n"
                "seconde ligne."
                """)
        #expect(file.problems.isEmpty)
        let entry = try #require(file.entry(for: "guide.hint"))
        #expect(entry.translations == ["Première ligne,\nseconde ligne."])
        #expect(entry.translatorComments == ["A translator comment"])
        #expect(entry.extractedComments == ["An extracted comment"])
        #expect(entry.references == ["Sources/OnboardCLI/Commands/Guide.swift:42"])
        #expect(entry.flags == ["c-format", "no-wrap"])
        #expect(entry.line == 10)
        let header = try #require(file.header)
        #expect(header.language == "fr")
        #expect(header.charset == "utf-8")
        #expect(header.pluralForms?.count == 2)
    }

    @Test("msgctxt makes equal keys distinct")
    func contexts() throws {
        let file = POFile(
            parsing: Self.header + """
                msgctxt "menu"
                msgid "open"
                msgstr "Ouvrir"

                msgctxt "state"
                msgid "open"
                msgstr "Ouvert"

                msgid "open"
                msgstr "ouvrir"
                """)
        #expect(file.problems.isEmpty)
        #expect(file.entry(for: "open", context: "menu")?.translations == ["Ouvrir"])
        #expect(file.entry(for: "open", context: "state")?.translations == ["Ouvert"])
        #expect(file.entry(for: "open")?.translations == ["ouvrir"])
        #expect(file.entries.count == 3)
    }

    @Test("plural entries keep every msgstr[n] in order")
    func plurals() throws {
        let file = POFile(
            parsing: Self.header + """
                msgid "files"
                msgid_plural "files"
                msgstr[0] "{count} fichier"
                msgstr[1] ""
                "{count} fichiers"
                """)
        #expect(file.problems.isEmpty)
        let entry = try #require(file.entry(for: "files"))
        #expect(entry.isPlural)
        #expect(entry.pluralID == "files")
        #expect(entry.translations == ["{count} fichier", "{count} fichiers"])
        let catalog = MessageCatalog(file: file, language: "fr")
        #expect(catalog.text(for: "files", count: 0) == "{count} fichier")
        #expect(catalog.text(for: "files", count: 2) == "{count} fichiers")
    }

    @Test("fuzzy and untranslated entries are not used; obsolete entries are skipped")
    func fuzzyIgnored() {
        let file = POFile(
            parsing: Self.header + """
                #, fuzzy
                msgid "guessed"
                msgstr "Deviné"

                msgid "empty"
                msgstr ""

                #~ msgid "old"
                #~ msgstr "Ancien"

                msgid "kept"
                msgstr "Gardé"
                """)
        #expect(file.problems.isEmpty)
        #expect(file.entries.map(\.id) == ["guessed", "empty", "kept"])
        #expect(file.entries[0].isFuzzy)
        #expect(file.entry(for: "guessed") == nil)
        #expect(file.entry(for: "empty") == nil)
        #expect(file.entry(for: "old") == nil)
        #expect(MessageCatalog(file: file, language: "fr").keys == ["kept"])
    }

    @Test("a UTF-8 byte order mark is skipped, in text and in bytes")
    func byteOrderMark() throws {
        let text = "\u{FEFF}" + Self.header + "msgid \"a\"\nmsgstr \"é\"\n"
        for file in [POFile(parsing: text), POFile(data: Data(text.utf8))] {
            #expect(file.problems.isEmpty)
            #expect(file.header?.language == "fr")
            #expect(file.entry(for: "a")?.translations == ["é"])
        }
        #expect(Data(text.utf8).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test("CRLF line ends are accepted and never end up in the text")
    func crlf() throws {
        let text = (Self.header + "msgid \"a\"\nmsgstr \"\"\n\"one \"\n\"two\"\n").replacingOccurrences(
            of: "\n", with: "\r\n")
        let file = POFile(data: Data(text.utf8))
        #expect(file.problems.isEmpty)
        #expect(file.entry(for: "a")?.translations == ["one two"])
        #expect(file.header?.pluralForms?.count == 2)
    }

    @Test("every invalid entry is reported with its line; valid entries survive")
    func invalidEntries() throws {
        let file = POFile(
            parsing: Self.header + #"""
                msgid "unterminated"
                msgstr "no end

                msgid "bad-escape"
                msgstr "\q"

                msgstr "orphan"

                msgid "no-translation"

                msgid "indexed-without-plural"
                msgstr[0] "x"

                msgid "plural-without-index"
                msgid_plural "plural-without-index"
                msgstr "x"

                msgid "gap"
                msgid_plural "gap"
                msgstr[0] "a"
                msgstr[2] "c"

                msgid "good"
                msgstr "Bien"

                msgid "good"
                msgstr "Encore"

                garbage here
                msgid "after-garbage"
                msgstr "ok"

                msgid "trailing"
                msgstr "x" y
                """#)
        let kinds = file.problems.map(\.kind)
        #expect(kinds.contains(.malformedString))
        #expect(kinds.contains(.invalidEscape("q")))
        #expect(kinds.contains(.unexpectedKeyword("msgstr")))
        #expect(kinds.contains(.missingTranslation))
        #expect(kinds.filter { $0 == .pluralMismatch }.count == 3)
        #expect(kinds.contains(.duplicateEntry("good")))
        #expect(kinds.contains(.unexpectedLine))
        #expect(file.problems.first { $0.kind == .invalidEscape("q") }?.line == 10)
        #expect(file.problems.map(\.line) == file.problems.map(\.line).sorted())
        #expect(file.entries.map(\.id) == ["good", "after-garbage"])
        #expect(file.entry(for: "good")?.translations == ["Bien"])
    }

    @Test("bytes that are not UTF-8 are reported with their line")
    func invalidUTF8() {
        var data = Data((Self.header + "msgid \"a\"\nmsgstr \"").utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Array("\"\n".utf8))
        let file = POFile(data: data)
        #expect(file.problems.map(\.kind) == [.invalidUTF8])
        #expect(file.problems.first?.line == 7)
        let escaped = POFile(parsing: Self.header + #"msgid "b"\#nmsgstr "\xff""#)
        #expect(escaped.problems.map(\.kind) == [.invalidUTF8])
    }

    @Test("header problems: another charset, unreadable Plural-Forms")
    func headerProblems() {
        let file = POFile(
            parsing: """
                msgid ""
                msgstr ""
                "Content-Type: text/plain; charset=ISO-8859-1\\n"
                "Plural-Forms: nplurals=2; plural=(n !! 1);\\n"
                """)
        #expect(file.problems.map(\.kind) == [.unsupportedCharset("iso-8859-1"), .invalidPluralForms])
        #expect(file.header?.pluralForms == nil)
    }
}
