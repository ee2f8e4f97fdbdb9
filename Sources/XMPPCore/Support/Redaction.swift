/// Removes secrets from elements before they are shown in `--verbose` dumps or logs.
///
/// Redacted: SASL payloads (`<auth>`, `<response>`, `<challenge>`, `<success>`; PLAIN carries the
/// password and SCRAM proofs are replayable evidence), any `<password>` element (XEP-0077; ejabberd echoes
/// it in error replies, security.md §5.2), data-form fields of type `text-private` or named like a
/// password, and invite tokens in `preauth` / `token` attributes and elements.
public enum Redaction {
    public static let placeholder = "[redacted]"

    /// The element with every secret replaced by `[redacted]`.
    public static func redacted(_ element: Element) -> Element {
        var copy = element
        // XEP-0445 carries the invite token as an attribute: `<preauth xmlns='urn:xmpp:pars:0' token='…'/>`.
        for index in copy.attributes.indices where ["token", "preauth", "password"].contains(copy.attributes[index].name) {
            copy.attributes[index].value = placeholder
        }
        if element.namespace == Namespace.sasl, ["auth", "response", "challenge", "success"].contains(element.name) {
            copy.children = element.children.isEmpty ? [] : [.text(placeholder)]
            return copy
        }
        if element.name == "password" || element.name == "token" || element.name == "preauth" {
            copy.children = element.children.isEmpty ? [] : [.text(placeholder)]
            return copy
        }
        if element.name == "field" && isSecretField(element) {
            copy.children = element.children.map { child in
                if case .element(var value) = child, value.name == "value" {
                    value.children = [.text(placeholder)]
                    return .element(value)
                }
                return child
            }
            return copy
        }
        copy.children = element.children.map { child in
            switch child {
            case .element(let inner): .element(redacted(inner))
            case .text(let text): .text(redactingURITokens(text))
            }
        }
        return copy
    }

    /// `text` with the value of every `preauth=` / `password=` URI parameter (XEP-0401 invite URIs, Kaidan login
    /// URIs) replaced, up to the next `;`, `&`, quote or white space.
    public static func redactingURITokens(_ text: String) -> String {
        guard text.contains("preauth=") || text.contains("password=") else { return text }
        var result = ""
        var rest = Substring(text)
        while true {
            let matches = ["preauth=", "password="].compactMap { rest.firstRange(of: $0) }
            guard let first = matches.min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            result += rest[..<first.upperBound]
            result += placeholder
            rest = rest[first.upperBound...].drop { !";&'\" \n\t<".contains($0) }
        }
        return result + rest
    }

    /// The secret values `element` carries — what `redacted(_:)` hides: `<password>`, `<token>`, `<preauth>`
    /// texts, secret data-form field values and `token` / `preauth` attributes (SASL payloads excepted: they are
    /// encodings, not the secrets themselves). A server may echo them in other text (security.md §5.2), so the
    /// sender keeps them to scrub what it shows with `scrubbed(_:removing:)`.
    public static func secrets(in element: Element) -> [String] {
        if element.namespace == Namespace.sasl { return [] }
        var found = element.attributes.filter { ["token", "preauth"].contains($0.name) && !$0.value.isEmpty }.map(\.value)
        if element.name == "password" || element.name == "token" || element.name == "preauth" {
            return found + (element.text.isEmpty ? [] : [element.text])
        }
        if element.name == "field" && isSecretField(element) {
            return element.children("value").map(\.text).filter { !$0.isEmpty }
        }
        for child in element.elements { found += secrets(in: child) }
        return found
    }

    /// `text` with every occurrence of each non-empty secret replaced by `[redacted]` (longest first, so a secret
    /// that contains another is removed whole). For text a server wrote after receiving the secrets.
    public static func scrubbed(_ text: String, removing secrets: [String]) -> String {
        var result = text
        for secret in Set(secrets).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            result = result.replacing(secret, with: placeholder)
        }
        return result
    }

    private static func isSecretField(_ field: Element) -> Bool {
        if field[attribute: "type"] == "text-private" { return true }
        let name = (field[attribute: "var"] ?? "").lowercased()
        return name.contains("password") || name.contains("token") || name == "preauth"
    }
}
