import IDNA

extension JID {
    /// An enforced domainpart (RFC 7622 §3.2): an IP literal, or an IDNA2008 name in both forms.
    struct Domainpart {
        /// Lowercase U-labels (or the IP literal).
        var unicode: String
        /// Lowercase A-labels (or the IP literal).
        var ascii: String

        init(_ input: String) throws(JIDError) {
            var name = Substring(input)
            // §3.2.1: a trailing label separator is removed (but a lone "." is not a domain).
            if name.count > 1, let last = name.last, Self.isLabelSeparator(last) { name = name.dropLast() }
            guard !name.isEmpty else { throw .emptyDomainpart }
            guard name.utf8.count <= JID.maximumInputLength else { throw .domainpartTooLong }

            if name.first == "[" {
                guard name.last == "]", IPAddress.isIPv6(name.dropFirst().dropLast()) else {
                    throw .invalidDomainpart(reason: "invalid-ip-literal")
                }
                unicode = name.lowercased()
                ascii = unicode
            } else if IPAddress.isIPv4(name) {
                unicode = String(name)
                ascii = unicode
            } else {
                do {
                    ascii = try IDNA.toASCII(String(name))
                    unicode = try IDNA.toUnicode(ascii)
                } catch {
                    throw .invalidDomainpart(reason: Self.reason(error))
                }
            }
            guard unicode.utf8.count <= JID.maximumPartLength else { throw .domainpartTooLong }
        }

        /// U+002E and the separators IDNA2003 also accepted (RFC 3490 §3.1), which UTS #46 maps to ".".
        static func isLabelSeparator(_ character: Character) -> Bool {
            switch character {
            case ".", "\u{3002}", "\u{FF0E}", "\u{FF61}": true
            default: false
            }
        }

        static func reason(_ error: IDNAError) -> String {
            switch error {
            case .library(_, let name): name
            case .notLDH: "not-ldh"
            case .emptyLabel: "empty-label"
            case .invalidInput: "invalid-input"
            }
        }
    }
}

/// Textual IP address checks for JID domainparts (RFC 7622 §3.2: IPv4 or a bracketed IPv6 literal,
/// RFC 3986 §3.2.2).
enum IPAddress {
    /// Dotted-quad IPv4, each octet 0–255 in decimal without leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            guard octet.count == 1 || octet.first != "0" else { return false }
            return Int(octet).map { $0 <= 255 } ?? false
        }
    }

    /// Whether `text` is an IPv6 address in an RFC 4291 §2.2 text form.
    ///
    /// Eight groups of 1–4 hex digits, at most one `::`, optionally ending in an IPv4 dotted quad. Zone
    /// identifiers are not allowed.
    static func isIPv6(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 45 else { return false }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groupCount = 0
        for (halfIndex, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, group) in groups.enumerated() {
                let isLastGroup = halfIndex == halves.count - 1 && index == groups.count - 1
                if isLastGroup && group.contains(".") {
                    guard isIPv4(group) else { return false }
                    groupCount += 2
                } else {
                    guard (1...4).contains(group.count) else { return false }
                    guard group.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return false }
                    groupCount += 1
                }
            }
        }
        return halves.count == 2 ? groupCount <= 7 : groupCount == 8
    }
}

extension Substring {
    /// Splits on a multi-character separator (no Foundation).
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var index = startIndex
        let separatorCount = separator.count
        while index < endIndex {
            if self[index...].hasPrefix(separator) {
                parts.append(self[start..<index])
                index = self.index(index, offsetBy: separatorCount)
                start = index
            } else {
                index = self.index(after: index)
            }
        }
        parts.append(self[start..<endIndex])
        return parts
    }
}
