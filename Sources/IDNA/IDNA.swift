import CIDN2

/// IDNA2008 domain-name conversion (RFC 5890–5893) through libidn2, with UTS #46 non-transitional mapping.
///
/// This is the only Swift file that imports `CIDN2`; its API mentions no C types (architecture.md §4.1).
/// libidn2's own STD3 option silently *deletes* disallowed ASCII (`exa_mple.com` → `example.com` in
/// libidn2 2.3.3), so it is not used: instead `toASCII` checks its output itself and accepts only
/// letter-digit-hyphen labels (RFC 5890 §2.3.1, "LDH"), as RFC 7622 §3.2 requires of XMPP domainparts.
public enum IDNA {
    /// The A-label form of `domain`: UTS #46 non-transitional mapping (case folding, width folding, NFC),
    /// IDNA2008 validation, Punycode; lowercase ASCII.
    ///
    /// Throws for libidn2 failures, non-LDH output (`_`, spaces, other ASCII punctuation), empty labels and
    /// an empty result. A single trailing dot is not removed here: callers strip it (RFC 7622 §3.2).
    public static func toASCII(_ domain: String) throws(IDNAError) -> String {
        guard !domain.utf8.contains(0) else { throw .invalidInput }
        var output: UnsafeMutablePointer<UInt8>?
        let flags = Int32(IDN2_NONTRANSITIONAL.rawValue) | Int32(IDN2_NFC_INPUT.rawValue)
        let code = domain.withCString { input in
            input.withMemoryRebound(to: UInt8.self, capacity: domain.utf8.count + 1) { bytes in
                idn2_lookup_u8(bytes, &output, flags)
            }
        }
        defer { idn2_free(output) }
        guard code == Int32(IDN2_OK.rawValue), let output else {
            throw .library(code: code, name: errorName(code))
        }
        let ascii = String(cString: output)
        try checkLDH(ascii)
        return ascii
    }

    /// The U-label form of `domain` (A-labels decoded, other labels unchanged).
    ///
    /// Performs no validation beyond Punycode decoding: pass only output of `toASCII`.
    public static func toUnicode(_ domain: String) throws(IDNAError) -> String {
        guard !domain.utf8.contains(0) else { throw .invalidInput }
        var output: UnsafeMutablePointer<CChar>?
        let code = idn2_to_unicode_8z8z(domain, &output, 0)
        defer { idn2_free(output) }
        guard code == Int32(IDN2_OK.rawValue), let output else {
            throw .library(code: code, name: errorName(code))
        }
        return String(cString: output)
    }

    /// RFC 5890 §2.3.1: every label is non-empty and consists of ASCII letters, digits and hyphens.
    static func checkLDH(_ ascii: String) throws(IDNAError) {
        guard !ascii.isEmpty else { throw .emptyLabel }
        var labelLength = 0
        for byte in ascii.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard labelLength > 0 else { throw .emptyLabel }
                labelLength = 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                labelLength += 1
            default:
                throw .notLDH
            }
        }
        guard labelLength > 0 else { throw .emptyLabel }
    }

    private static func errorName(_ code: Int32) -> String {
        guard let name = idn2_strerror_name(code) else { return "IDN2_UNKNOWN(\(code))" }
        return String(cString: name)
    }
}

/// Why a domain name was rejected.
public enum IDNAError: Error, Sendable, Hashable {
    /// libidn2 rejected the name; `name` is its symbolic code, for example `IDN2_DISALLOWED`.
    case library(code: Int32, name: String)
    /// The A-label form contains ASCII other than letters, digits, hyphens and dots (RFC 5890 §2.3.1).
    case notLDH
    /// An empty label (`a..b`, a leading dot, or an empty name).
    case emptyLabel
    /// The input contains a NUL character.
    case invalidInput
}
