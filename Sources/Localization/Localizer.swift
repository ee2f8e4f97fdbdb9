import Foundation
import ResourceLocation

/// Looks up user-facing text by `MessageKey` in the chosen language, falling back to English.
///
/// Placeholders are named (`{provider}`), so translators can reorder them. A key missing from both the
/// chosen language and English renders as the key itself only as a last resort (a test forbids it).
public struct Localizer: Sendable {
    /// The language actually used, for example `bg` or `pt-BR`.
    public let language: String
    private let messages: [String: String]
    private let fallback: [String: String]

    /// Loads `locales/<language>/messages.po` and `locales/en/messages.po`.
    public init(language: String, locator: ResourceLocator = ResourceLocator()) {
        let english = Self.load("en", locator: locator)
        if language == "en" {
            self.init(language: "en", messages: english, fallback: [:])
        } else {
            let chosen = Self.load(language, locator: locator)
            self.init(language: chosen.isEmpty ? "en" : language, messages: chosen, fallback: english)
        }
    }

    /// A localizer over in-memory tables (tests).
    public init(language: String, messages: [String: String], fallback: [String: String]) {
        self.language = language
        self.messages = messages
        self.fallback = fallback
    }

    /// The text for `key` with `{name}` placeholders replaced.
    public func text(_ key: MessageKey, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        let template = messages[key.rawValue] ?? fallback[key.rawValue] ?? key.rawValue
        return Self.substitute(template, arguments)
    }

    static func substitute(_ template: String, _ arguments: KeyValuePairs<String, String>) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = template
        for (name, value) in arguments {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    private static func load(_ language: String, locator: ResourceLocator) -> [String: String] {
        guard let url = locator.locate("locales/\(language)/messages.po"),
            let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else { return [:] }
        return SimplePOReader.messages(in: text)
    }
}

/// A minimal reader for monolingual PO files: `msgid`/`msgstr` pairs with C escapes and continued lines.
enum SimplePOReader {
    static func messages(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        var currentID: String?
        var currentString: String?
        var target = 0  // 1 = msgid, 2 = msgstr
        var fuzzy = false
        func flush() {
            if let id = currentID, let string = currentString, !id.isEmpty, !string.isEmpty, !fuzzy {
                result[id] = string
            }
            currentID = nil
            currentString = nil
            target = 0
            fuzzy = false
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#,") && line.contains("fuzzy") {
                flush()
                fuzzy = true
            } else if line.hasPrefix("msgid ") {
                if currentString != nil { flush() }
                currentID = unquote(line.dropFirst(6))
                target = 1
            } else if line.hasPrefix("msgstr ") {
                currentString = unquote(line.dropFirst(7))
                target = 2
            } else if line.hasPrefix("\"") {
                if target == 1 { currentID? += unquote(Substring(line)) }
                if target == 2 { currentString? += unquote(Substring(line)) }
            } else if line.isEmpty {
                flush()
            }
        }
        flush()
        return result
    }

    static func unquote(_ quoted: Substring) -> String {
        let trimmed = quoted.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return "" }
        let body = trimmed.dropFirst().dropLast()
        var output = ""
        var escaping = false
        for character in body {
            if escaping {
                switch character {
                case "n": output.append("\n")
                case "t": output.append("\t")
                case "r": output.append("\r")
                default: output.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
