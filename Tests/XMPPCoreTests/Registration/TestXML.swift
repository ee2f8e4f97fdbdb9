import XMPPCore

/// Builds `Element`s from XML snippets for the registration, data-form and CAPTCHA tests (no real parser on this
/// branch yet). Handles what the fixtures use: nested elements, `xmlns` (default namespace only), `'`/`"`
/// quoted attributes (`xml:lang` kept as an attribute), self-closing tags with or without a space, the five
/// predefined entities and numeric character references. White-space-only text between elements is dropped.
enum TestXML {
    static func element(_ xml: String, namespace: String = Namespace.client) -> Element {
        var reader = Reader(Array(xml.unicodeScalars))
        guard let element = reader.element(parentNamespace: namespace) else {
            preconditionFailure("bad test XML: \(xml)")
        }
        return element
    }

    static func iq(_ xml: String) -> IQ {
        guard let iq = IQ(parsing: element(xml)) else { preconditionFailure("not an IQ: \(xml)") }
        return iq
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func skipSpace() {
            while let scalar = current, scalar.properties.isWhitespace { index += 1 }
        }

        mutating func name() -> String {
            var result = ""
            while let scalar = current, !scalar.properties.isWhitespace, !"/>=".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
                index += 1
            }
            return result
        }

        mutating func element(parentNamespace: String) -> Element? {
            skipSpace()
            guard current == "<" else { return nil }
            index += 1
            let elementName = name()
            var namespace = parentNamespace
            var attributes: [Element.Attribute] = []
            while true {
                skipSpace()
                guard let scalar = current else { return nil }
                if scalar == "/" {
                    index += 2
                    return Element(elementName, namespace: namespace, attributes: attributes)
                }
                if scalar == ">" {
                    index += 1
                    break
                }
                let attributeName = name()
                skipSpace()
                index += 1  // =
                skipSpace()
                guard let quote = current else { return nil }
                index += 1
                var raw = ""
                while let scalar = current, scalar != quote {
                    raw.unicodeScalars.append(scalar)
                    index += 1
                }
                index += 1
                let value = Self.unescape(raw)
                if attributeName == "xmlns" {
                    namespace = value
                } else if !attributeName.hasPrefix("xmlns:") {
                    attributes.append(Element.Attribute(attributeName, value))
                }
            }
            var result = Element(elementName, namespace: namespace, attributes: attributes)
            while let scalar = current {
                if scalar == "<" {
                    if index + 1 < scalars.count, scalars[index + 1] == "/" {
                        while let closing = current, closing != ">" { index += 1 }
                        index += 1
                        return result
                    }
                    guard let child = element(parentNamespace: namespace) else { return nil }
                    result.append(child)
                } else {
                    var raw = ""
                    while let text = current, text != "<" {
                        raw.unicodeScalars.append(text)
                        index += 1
                    }
                    if raw.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                        result.append(text: Self.unescape(raw))
                    }
                }
            }
            return nil
        }

        static func unescape(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var result = ""
            var rest = Substring(text)
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
                let entity = rest[rest.index(after: ampersand)..<semicolon]
                switch entity {
                case "lt": result += "<"
                case "gt": result += ">"
                case "amp": result += "&"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst(), radix: 10)
                    if let number, let scalar = Unicode.Scalar(number) { result.unicodeScalars.append(scalar) }
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}

/// A deterministic `RandomNumberGenerator` (SplitMix64) for generator tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
