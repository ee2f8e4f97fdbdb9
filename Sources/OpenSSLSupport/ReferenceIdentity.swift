/// Checks on the TLS reference identity: the XMPP domain in A-label form (RFC 6120 §13.7.2.1, RFC 9525 §6).
///
/// The name is used both for `SSL_set1_host(3)` and as SNI (RFC 6066 §3). OpenSSL skips the name check for
/// an empty name (security.md §2.3), SNI must not be an IP literal, and OpenSSL's matcher only covers
/// DNS-IDs; so only LDH host names are accepted here. IDNA conversion happens earlier, in the JID layer.
enum ReferenceIdentity {
    /// True for a non-empty LDH host name of at most 253 octets whose last label is not all digits.
    static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.allSatisfy(isValidLabel) else { return false }
        // "192.0.2.1" is LDH but an IPv4 literal; no top-level domain is all digits.
        guard let last = labels.last, !last.allSatisfy(isDigit) else { return false }
        return true
    }

    private static func isValidLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...63).contains(label.count),
            label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
        else { return false }
        return label.allSatisfy { isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
