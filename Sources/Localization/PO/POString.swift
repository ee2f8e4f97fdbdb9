/// C string literals as PO files write them (GNU gettext manual §3; ISO C §6.4.4.4 escapes).
enum POString {
    enum Decoded: Equatable {
        case success(String)
        case failure(POProblem.Kind)
    }

    /// Decodes one quoted literal such as `"Hello\n"` (leading and trailing blanks allowed).
    static func decode(_ text: Substring) -> Decoded {
        let body = text.drop { $0 == " " || $0 == "\t" }
        guard body.first == "\"" else { return .failure(.malformedString) }
        var bytes: [UInt8] = []
        let utf8 = Array(body.utf8)
        var cursor = 1  // after the opening quote
        var closed = false
        while cursor < utf8.endIndex {
            let byte = utf8[cursor]
            cursor += 1
            if byte == UInt8(ascii: "\"") {
                closed = true
                break
            }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard cursor < utf8.endIndex else { return .failure(.malformedString) }
            let escape = utf8[cursor]
            cursor += 1
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"): bytes.append(escape)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escape - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, cursor < utf8.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(utf8[cursor])
                {
                    value = value * 8 + Int(utf8[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                    digits += 1
                }
                guard value <= 0xFF else { return .failure(.invalidEscape("0")) }
                bytes.append(UInt8(value))
            case UInt8(ascii: "x"):
                var value = 0
                var digits = 0
                while digits < 2, cursor < utf8.endIndex, let digit = hexValue(utf8[cursor]) {
                    value = value * 16 + digit
                    cursor += 1
                    digits += 1
                }
                guard digits > 0 else { return .failure(.invalidEscape("x")) }
                bytes.append(UInt8(value))
            default:
                return .failure(.invalidEscape(Character(Unicode.Scalar(escape))))
            }
        }
        guard closed else { return .failure(.malformedString) }
        let trailing = utf8[cursor...]
        guard trailing.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
            return .failure(.malformedString)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(string)
    }

    /// Encodes `value` as one quoted literal, escaping backslash, quote and control characters.
    static func encode(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\" + String(scalar.value, radix: 8)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
