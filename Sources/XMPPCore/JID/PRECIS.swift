/// PRECIS profiles used by XMPP (RFC 8264 framework, RFC 8265 profiles, RFC 7622 §3.3–§3.4).
///
/// Written against Swift's own Unicode properties (`Unicode.Scalar.Properties`) and the standard library's
/// NFC normalization; the few properties Swift does not expose (Bidi_Class, compatibility decompositions of
/// cased letters, width mappings, scripts for the contextual rules) come from small tables in this folder.
/// Unassigned code points are those unassigned in the Unicode version of the Swift runtime.
public enum PRECIS {
    /// The UsernameCaseMapped profile (RFC 8265 §3.3), used for JID localparts.
    ///
    /// Width mapping, lowercase mapping (`toLowerCase`, RFC 8264 §9.3), NFC, then the IdentifierClass
    /// (RFC 8264 §4.2) with its contextual rules, and the Bidi Rule for strings containing right-to-left
    /// code points.
    public static func usernameCaseMapped(_ string: String) throws(PRECISError) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            scalars.append(contentsOf: WidthMapping.map(scalar))
        }
        scalars = lowercased(scalars)
        let normalized = nfc(scalars)
        try check(normalized, stringClass: .identifier)
        if BidiRule.containsRightToLeft(normalized) {
            guard BidiRule.isSatisfied(by: normalized) else { throw .bidiRuleViolated }
        }
        return makeString(normalized)
    }

    /// The OpaqueString profile (RFC 8265 §4.2), used for JID resourceparts and passwords.
    ///
    /// Non-ASCII spaces become U+0020, then NFC, then the FreeformClass (RFC 8264 §4.3). Case and width
    /// are preserved; there is no directionality rule.
    public static func opaqueString(_ string: String) throws(PRECISError) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            if scalar != " " && scalar.properties.generalCategory == .spaceSeparator {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        let normalized = nfc(scalars)
        try check(normalized, stringClass: .freeform)
        return makeString(normalized)
    }

    // MARK: - Steps

    /// RFC 8264 §9.3: Unicode `toLowerCase()`, scalar by scalar (no language tailoring and no Final_Sigma
    /// context, as in other PRECIS implementations, so that the mapping is idempotent and context-free).
    static func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    result.append(lower)
                } else {
                    result.append(scalar)
                }
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// Unicode Normalization Form C.
    static func nfc(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if scalars.allSatisfy(\.isASCII) { return scalars }
        let normalized = makeString(scalars)._nfcCodeUnits
        return Array(String(decoding: normalized, as: UTF8.self).unicodeScalars)
    }

    /// The behavioural rules: every code point must be valid in the string class, and every CONTEXTJ or
    /// CONTEXTO code point must satisfy its rule (RFC 8264 §8, RFC 5892 Appendix A); the result must not
    /// be empty.
    static func check(_ scalars: [Unicode.Scalar], stringClass: StringClass) throws(PRECISError) {
        guard !scalars.isEmpty else { throw .empty }
        for index in scalars.indices {
            let scalar = scalars[index]
            switch (derivedProperty(of: scalar), stringClass) {
            case (.pvalid, _), (.identifierDisallowedFreeformValid, .freeform):
                continue
            case (.contextJ, _), (.contextO, _):
                guard ContextRule.isSatisfied(at: index, in: scalars) else { throw .contextRuleFailed(scalar) }
            case (.identifierDisallowedFreeformValid, .identifier), (.disallowed, _), (.unassigned, _):
                throw .disallowed(scalar)
            }
        }
    }

    static func makeString(_ scalars: [Unicode.Scalar]) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
