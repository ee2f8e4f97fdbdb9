import FoundationEssentials

/// Collects issues while an entry is read; a reference so nested readers share it.
final class IssueLog {
    private(set) var issues: [CatalogueIssue] = []

    func report(_ issue: CatalogueIssue) { issues.append(issue) }

    /// Whether any error was reported since `mark`.
    func hasErrors(since mark: Int) -> Bool {
        issues[mark...].contains { $0.severity == .error }
    }

    var mark: Int { issues.count }
}

/// Reads typed fields from one JSON object, reporting every problem with its path instead of throwing.
///
/// Each accessor returns `nil` when the key is missing or invalid and reports why, so an entry is checked
/// completely before the caller decides to keep or drop it.
struct FieldReader {
    let object: JSONObject
    let path: String
    let subject: String?
    let log: IssueLog

    func report(
        _ kind: CatalogueIssue.Kind, _ key: String?, detail: String? = nil, severity: CatalogueIssue.Severity = .error
    ) {
        log.report(CatalogueIssue(kind, severity: severity, path: childPath(key), subject: subject, detail: detail))
    }

    func childPath(_ key: String?) -> String {
        guard let key else { return path }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    /// The raw value; reports `missing-key` if required and absent.
    func value(_ key: String, required: Bool) -> JSONValue? {
        guard let value = object[key] else {
            if required { report(.missingKey, key) }
            return nil
        }
        return value
    }

    func wrongType(_ key: String, expected: String, found: JSONValue) {
        report(.wrongType, key, detail: "\(expected)/\(found.typeName)")
    }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let string) = value else {
            wrongType(key, expected: "string", found: value)
            return nil
        }
        return string
    }

    /// A string, or `null` (→ `.some(nil)`) where the schema allows it.
    func nullableString(_ key: String, required: Bool = true) -> String?? {
        guard let value = value(key, required: required) else { return nil }
        switch value {
        case .null: return .some(nil)
        case .string(let string): return .some(string)
        default:
            wrongType(key, expected: "string", found: value)
            return nil
        }
    }

    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let bool) = value else {
            wrongType(key, expected: "boolean", found: value)
            return nil
        }
        return bool
    }

    func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard case .integer(let integer) = value else {
            wrongType(key, expected: "integer", found: value)
            return nil
        }
        if let range, !range.contains(integer) {
            report(.outOfRange, key, detail: String(integer))
            return nil
        }
        return integer
    }

    func object(_ key: String, required: Bool = true) -> FieldReader? {
        guard let value = value(key, required: required) else { return nil }
        guard case .object(let object) = value else {
            wrongType(key, expected: "object", found: value)
            return nil
        }
        return FieldReader(object: object, path: childPath(key), subject: subject, log: log)
    }

    func stringArray(_ key: String, required: Bool = true) -> [String]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let elements) = value else {
            wrongType(key, expected: "array", found: value)
            return nil
        }
        var strings: [String] = []
        var valid = true
        for (position, element) in elements.enumerated() {
            if case .string(let string) = element {
                strings.append(string)
            } else {
                report(.wrongType, "\(key)[\(position)]", detail: "string/\(element.typeName)")
                valid = false
            }
        }
        return valid ? strings : nil
    }

    /// A `YYYY-MM-DD` date string (XMPP Providers `since`, `latestChange`).
    func date(_ key: String, required: Bool = true) -> String? {
        guard let string = string(key, required: required) else { return nil }
        guard Self.isDate(string) else {
            report(.invalidDate, key, detail: string)
            return nil
        }
        return string
    }

    /// An absolute `https:` URL with a host.
    func httpsURL(_ key: String, required: Bool = true) -> URL? {
        guard let string = string(key, required: required) else { return nil }
        return checkedURL(string, at: key)
    }

    /// Checks a link: `invalid-url` unless absolute with a host, `insecure-url` unless `https`.
    func checkedURL(_ string: String, at key: String) -> URL? {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty, !string.contains(where: { $0.isWhitespace })
        else {
            report(.invalidURL, key, detail: string)
            return nil
        }
        guard scheme == "https" else {
            report(scheme == "http" ? .insecureURL : .invalidURL, key, detail: string)
            return nil
        }
        return url
    }

    /// Warns about keys outside `known`.
    func warnAboutUnknownKeys(_ known: Set<String>) {
        for key in object.keys where !known.contains(key) {
            report(.unknownKey, key, detail: key, severity: .warning)
        }
    }

    static func isDate(_ string: String) -> Bool {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return false }
        return year >= 1970 && (1...12).contains(month) && (1...31).contains(day)
    }

    /// A BCP 47-style tag as used by the lists: `en`, `de`, `pt-BR`, `zh-Hans`.
    static func isLanguageCode(_ string: String) -> Bool {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
