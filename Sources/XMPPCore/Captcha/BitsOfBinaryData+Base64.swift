extension BitsOfBinaryData {
    /// An upper bound of the decoded size of base64 `text`, computed without decoding (white space ignored).
    static func estimatedDecodedSize(_ text: String) -> Int {
        var significant = 0
        for byte in text.utf8 where !Base64.isWhitespace(byte) { significant += 1 }
        return (significant / 4 + 1) * 3
    }

    /// RFC 4648 §4 base64 (standard alphabet, `=` padding required for partial groups); white space between
    /// characters is ignored, as XML pretty-printing may insert it. `nil` for anything else.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        Base64.decode(ignoringWhitespace: text)
    }
}
