/// Percent-encoding for XMPP IRIs and URIs (RFC 5122 §2.7, RFC 3987 §2.2, RFC 3986 §2.1).
///
/// Each URI part has its own set of characters that may stay unencoded. Everything else is written as
/// `%XX` over its UTF-8 octets, with upper-case hex digits. In the IRI form, non-ASCII characters
/// (`ucschar`) stay as they are; in the URI form they are encoded too.
public enum URIPercentEncoding {
    /// Which ASCII characters a part leaves unencoded, besides `iunreserved` (letters, digits, `-._~`).
    public struct AllowedCharacters: Sendable, Hashable {
        /// Extra ASCII characters allowed unencoded.
        public let extra: Set<Character>

        public init(extra: String) { self.extra = Set(extra) }

        /// `inodeid`: `iunreserved` plus `nodeallow` (`!$()*+,;=`). RFC 5122 §2.2; `&` and `'` are encoded.
        public static let localpart = AllowedCharacters(extra: "!$()*+,;=")
        /// `ihost` (`ireg-name`): `iunreserved` plus `sub-delims`. RFC 3987 §2.2.
        public static let domain = AllowedCharacters(extra: "!$&'()*+,;=")
        /// `iresid`: `iunreserved` plus `resallow` (`!$&'()*+,:;=`). RFC 5122 §2.2; `/` is encoded as `%2F`.
        public static let resource = AllowedCharacters(extra: "!$&'()*+,:;=")
        /// `iquerytype` and `ikey`: `iunreserved` only. RFC 5122 §2.2.
        public static let queryKey = AllowedCharacters(extra: "")
        /// Query values: `iunreserved` plus `:`, `@` and `/`.
        ///
        /// RFC 5122's `ivalue` allows only `iunreserved`, but the XEPs' own examples leave these three
        /// unencoded (`?invite;jid=hag66@shakespeare.lit`, XEP-0434 `encryption=urn:xmpp:omemo:2`) and
        /// RFC 3986 §3.4 permits them in a query. `;`, `=`, `&`, `+`, `#`, `%`, `'` and spaces are always
        /// encoded, so a `+` is never mistaken for a space.
        public static let queryValue = AllowedCharacters(extra: ":@/")
        /// `ifragment`: `ipchar` plus `/` and `?`. RFC 3987 §2.2.
        public static let fragment = AllowedCharacters(extra: "!$&'()*+,;=:@/?")
        /// RFC 3986 `unreserved` only: for putting a whole URI into an https query parameter
        /// (the Play Store `referrer`, protocols.md §8.10).
        public static let unreservedOnly = AllowedCharacters(extra: "")
    }

    /// `string` with every character outside `allowed` percent-encoded.
    ///
    /// - Parameter keepingUnicode: `true` for IRIs (non-ASCII `ucschar` stays, except bidi formatting
    ///   characters, which RFC 3987 §4.1 forbids), `false` for ASCII-only URIs.
    public static func encode(_ string: String, allowing allowed: AllowedCharacters, keepingUnicode: Bool) -> String {
        var result = ""
        for scalar in string.unicodeScalars {
            if scalar.isASCII {
                if isUnreserved(scalar) || allowed.extra.contains(Character(scalar)) {
                    result.unicodeScalars.append(scalar)
                    continue
                }
            } else if keepingUnicode && isUCSChar(scalar) && !isBidiFormatting(scalar) {
                result.unicodeScalars.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 {
                result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return result
    }

    /// `string` with `%XX` sequences decoded as UTF-8. A `+` stays a plus (RFC 5122 is not form encoding).
    public static func decode<S: StringProtocol>(_ string: S) throws(XMPPURIError) -> String {
        guard string.contains("%") else { return String(string) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        var iterator = string.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalidPercentEncoding
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return decoded
    }

    /// Checks that every unencoded character may appear in an IRI: `iunreserved`, `reserved`, `%`, and
    /// `iprivate` (RFC 3987 §2.2). Spaces, controls, `"<>\^`{|}` and bidi formatting characters are refused.
    static func validateRawCharacters<S: StringProtocol>(_ string: S) throws(XMPPURIError) {
        for scalar in string.unicodeScalars {
            if scalar.isASCII {
                guard isUnreserved(scalar) || reservedOrPercent.contains(Character(scalar)) else {
                    throw .invalidCharacter(scalar)
                }
            } else {
                guard (isUCSChar(scalar) || isPrivateUse(scalar)) && !isBidiFormatting(scalar) else {
                    throw .invalidCharacter(scalar)
                }
            }
        }
    }

    // MARK: - Character classes

    private static let reservedOrPercent: Set<Character> = Set(":/?#[]@!$&'()*+,;=%")

    /// RFC 3986 `unreserved`: ALPHA / DIGIT / `-` / `.` / `_` / `~`.
    static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~": true
        default: false
        }
    }

    /// RFC 3987 `ucschar`.
    static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0xE1000...0xEFFFD: return true
        case 0x10000...0xDFFFD: return value & 0xFFFF <= 0xFFFD
        default: return false
        }
    }

    /// RFC 3987 `iprivate` (allowed only in queries; accepted when parsing).
    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: true
        default: false
        }
    }

    /// Bidi formatting characters and invisible separators (RFC 3987 §4.1; security.md §7.1).
    static func isBidiFormatting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func hexDigit(_ value: UInt8) -> String {
        String(UnicodeScalar(value < 10 ? value + 0x30 : value + 0x37))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
