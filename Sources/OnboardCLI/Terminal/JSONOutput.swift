import FoundationEssentials

/// Machine-readable output: one JSON object per line on stdout, keys sorted for stable diffs.
enum JSONOutput {
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The failure object every `--json` command prints: `{"status":"error","condition":…,"text":…}`.
struct JSONError: Encodable {
    let status = "error"
    let condition: String
    let text: String
    /// The server's own words, neutralized, when it sent any.
    let serverText: String?
    /// The next step, when there is one.
    var hint: String? = nil
    /// Usernames to try instead (after `conflict`).
    var alternatives: [String]? = nil
    /// A web page to go to (web registration, a provider's sign-up page).
    var url: String? = nil
    /// A generated password of an account that exists although the command failed afterwards (shown once).
    var password: String? = nil

    enum CodingKeys: String, CodingKey {
        case status, condition, text, hint, alternatives, url, password
        case serverText = "server_text"
    }
}
