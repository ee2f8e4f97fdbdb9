extension SCRAMClient {
    /// One `name=value` attribute (RFC 5802 §7 `attr-val`: a single ASCII letter, `=`, a non-empty value).
    struct Attribute {
        var name: Character
        var value: Substring

        init?(_ text: Substring) {
            guard text.count >= 3, let name = text.first, name.isASCII, name.isLetter,
                text[text.index(after: text.startIndex)] == "="
            else { return nil }
            self.name = name
            self.value = text.dropFirst(2)
        }
    }

    /// A checked server-first-message (RFC 5802 §7:
    /// `[reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]`).
    struct ServerFirst {
        /// The whole message, for AuthMessage.
        var text: String
        var nonce: String
        var salt: [UInt8]
        var iterations: Int
        /// XEP-0474 `h=`, decoded.
        var downgradeHash: [UInt8]?

        init(parsing message: [UInt8], clientNonce: String) throws(SCRAMError) {
            guard let text = String(validating: message, as: UTF8.self) else { throw .malformedMessage }
            var attributes: [Attribute] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let attribute = Attribute(part) else {
                    // An empty "r=", "s=" or "i=" still names the attribute the server meant.
                    switch part.first {
                    case "m": throw .mandatoryExtension
                    case "r": throw .invalidNonce
                    case "s": throw .invalidSalt
                    case "i": throw .invalidIterationCount
                    default: throw .malformedMessage
                    }
                }
                attributes.append(attribute)
            }
            if attributes.first?.name == "m" { throw .mandatoryExtension }  // S6
            guard attributes.first?.name == "r" else { throw .malformedMessage }
            guard attributes.count >= 2, attributes[1].name == "s" else { throw .invalidSalt }
            guard attributes.count >= 3, attributes[2].name == "i" else { throw .invalidIterationCount }

            // S3: printable, extends our nonce, strictly longer.
            let nonce = attributes[0].value
            guard nonce.utf8.allSatisfy(SCRAMClient.isPrintable), nonce.utf8.starts(with: clientNonce.utf8),
                nonce.utf8.count > clientNonce.utf8.count
            else { throw .invalidNonce }

            // S5: base64, non-empty.
            guard let salt = Base64.decode(attributes[1].value), !salt.isEmpty else { throw .invalidSalt }

            // S4: decimal digits only (no sign), no overflow; the range is checked by the caller.
            let iterationText = attributes[2].value
            guard iterationText.utf8.count <= 18, iterationText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let iterations = Int(iterationText)
            else {
                throw .invalidIterationCount
            }

            // Extensions: unknown ones are accepted (S7); r, s, i, m must not repeat; h is XEP-0474.
            var downgradeHash: [UInt8]?
            var seen: Set<Character> = []
            for attribute in attributes.dropFirst(3) {
                guard !"rsim".contains(attribute.name), seen.insert(attribute.name).inserted else {
                    throw .malformedMessage
                }
                if attribute.name == "h" {
                    guard let decoded = Base64.decode(attribute.value) else { throw .downgradeDetected }
                    downgradeHash = decoded
                }
            }
            self.text = text
            self.nonce = String(nonce)
            self.salt = salt
            self.iterations = iterations
            self.downgradeHash = downgradeHash
        }
    }
}
