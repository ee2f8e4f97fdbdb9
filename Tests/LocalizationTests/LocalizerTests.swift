import Foundation
import Localization
import ResourceLocation
import Testing
import XMPPTestSupport

@Suite("Localizer")
struct LocalizerTests {
    static let english = MessageCatalog(
        language: "en",
        messages: ["greeting": "Hello {name}", "only.english": "Only in English"],
        plurals: ["files": ["{count} file", "{count} files"]])

    @Test("falls back to English per key, never to the raw key when English has it")
    func fallback() {
        let bulgarian = MessageCatalog(language: "bg", messages: ["greeting": "Здравей, {name}"])
        let localizer = Localizer(primary: bulgarian, english: Self.english)
        #expect(localizer.language == "bg")
        #expect(localizer.text("greeting", ["name": "Ана"]) == "Здравей, Ана")
        #expect(localizer.text("only.english") == "Only in English")
        #expect(localizer.hasTranslation("greeting"))
        #expect(!localizer.hasTranslation("only.english"))
    }

    @Test("placeholders are replaced in one pass; values are never re-scanned")
    func substitution() {
        let catalog = MessageCatalog(language: "en", messages: ["pair": "{b} then {a}, {unknown} and {a}"])
        let localizer = Localizer(primary: catalog, english: nil)
        #expect(localizer.text("pair", ["a": "{b}", "b": "B"]) == "B then {b}, {unknown} and {b}")
        #expect(Placeholders.names(in: "{a} {b-c} {d.e} { x } {} {") == ["a", "b-c", "d.e"])
    }

    @Test("plural forms follow the language's rule: French 0 is singular, Russian has three forms")
    func plurals() throws {
        let french = MessageCatalog(
            language: "fr", messages: [:], plurals: ["files": ["{count} fichier", "{count} fichiers"]],
            pluralForms: try PluralForms(parsing: "nplurals=2; plural=(n > 1);"))
        let frenchLocalizer = Localizer(primary: french, english: Self.english)
        #expect(frenchLocalizer.plural("files", count: 0) == "0 fichier")
        #expect(frenchLocalizer.plural("files", count: 2) == "2 fichiers")

        let russian = MessageCatalog(
            language: "ru", messages: [:], plurals: ["files": ["{count} файл", "{count} файла", "{count} файлов"]],
            pluralForms: try PluralForms(parsing: PluralFormsTests.russian))
        let russianLocalizer = Localizer(primary: russian, english: Self.english)
        #expect(
            [1, 3, 5, 21].map { russianLocalizer.plural("files", count: $0) } == [
                "1 файл", "3 файла", "5 файлов", "21 файл",
            ])

        let untranslated = Localizer(primary: MessageCatalog(language: "ja", messages: [:]), english: Self.english)
        #expect(untranslated.plural("files", count: 1) == "1 file")
        #expect(untranslated.plural("files", count: 0) == "0 files")
        #expect(untranslated.plural("files", count: 3, ["count": "three"]) == "three files")
    }

    @Test("loads only the chosen language and English from locales/")
    func loading() throws {
        let root = try TemporaryLocales.make([
            "en": "msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"B\"\n",
            "fr": "msgid \"a\"\nmsgstr \"À\"\n",
            "de": "this file is broken and never read\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let locator = ResourceLocator(explicitDirectory: root.path, environment: [:])
        let french = Localizer(language: "fr", locator: locator)
        #expect(french.language == "fr")
        #expect(french.text("a") == "À")
        #expect(french.text("b") == "B")
        let unknown = Localizer(language: "xx", locator: locator)
        #expect(unknown.language == "en")
        #expect(unknown.text("a") == "A")
        let resolved = Localizer(resolving: nil, environment: ["LANG": "fr_BE.UTF-8"], locator: locator)
        #expect(resolved.language == "fr")
    }
}

/// A `locales/` tree in a unique temporary directory.
enum TemporaryLocales {
    static func make(_ messages: [String: String], guides: [String: [String: String]] = [:]) throws -> URL {
        let root = try TestDirectories.makeUnique(prefix: "xmpp-onboard-l10n")
        for (language, text) in messages {
            let directory = root.appendingPathComponent("locales/\(language)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: directory.appendingPathComponent("messages.po"))
        }
        for (language, files) in guides {
            let directory = root.appendingPathComponent("locales/\(language)/guides", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: directory.appendingPathComponent(name + ".md"))
            }
        }
        return root
    }
}
