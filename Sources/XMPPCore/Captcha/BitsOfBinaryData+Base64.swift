extension BitsOfBinaryData {
    /// An upper bound of the decoded size of base64 `text`, computed without decoding (white space ignored).
    static func estimatedDecodedSize(_ text: String) -> Int {
        var significant = 0
        for byte in text.utf8 where !isBase64Space(byte) { significant += 1 }
        return (significant / 4 + 1) * 3
    }

    /// RFC 4648 §4 base64 (standard alphabet, `=` padding required for partial groups); white space between
    /// characters is ignored, as XML pretty-printing may insert it. `nil` for anything else.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(text.utf8.count)
        var padding = 0
        for byte in text.utf8 {
            if isBase64Space(byte) { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = sextet(byte) else { return nil }
            sextets.append(value)
        }
        guard (sextets.count + padding) % 4 == 0, padding <= 2 else { return nil }
        let remainder = sextets.count % 4
        guard remainder != 1, padding == (remainder == 0 ? 0 : 4 - remainder) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let (a, b, c, d) = (sextets[index], sextets[index + 1], sextets[index + 2], sextets[index + 3])
            output.append(a << 2 | b >> 4)
            output.append((b & 0x0F) << 4 | c >> 2)
            output.append((c & 0x03) << 6 | d)
            index += 4
        }
        if remainder >= 2 {
            let (a, b) = (sextets[index], sextets[index + 1])
            output.append(a << 2 | b >> 4)
            if remainder == 3 {
                let c = sextets[index + 2]
                output.append((b & 0x0F) << 4 | c >> 2)
            }
        }
        return output
    }

    private static func isBase64Space(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
