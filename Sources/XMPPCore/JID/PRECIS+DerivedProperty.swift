extension PRECIS {
    /// The two PRECIS string classes (RFC 8264 §4).
    enum StringClass {
        /// §4.2: letters and digits only (localparts).
        case identifier
        /// §4.3: also spaces, symbols, punctuation and compatibility characters (resources, passwords).
        case freeform
    }

    /// The derived property values of RFC 8264 §8; `ID_DIS`/`FREE_PVAL` share one case.
    enum DerivedProperty: Hashable {
        case pvalid
        case contextJ
        case contextO
        /// `ID_DIS` in the IdentifierClass, `FREE_PVAL` in the FreeformClass.
        case identifierDisallowedFreeformValid
        case disallowed
        case unassigned
    }

    /// RFC 8264 §8: the derived property of one code point, in the order the algorithm tests them.
    static func derivedProperty(of scalar: Unicode.Scalar) -> DerivedProperty {
        let value = scalar.value
        if let exception = exception(value) { return exception }
        // BackwardCompatible (§9.7) is empty.
        let properties = scalar.properties
        let category = properties.generalCategory
        if category == .unassigned && !properties.isNoncharacterCodePoint { return .unassigned }
        if (0x21...0x7E).contains(value) { return .pvalid }  // ASCII7 (§9.11)
        if properties.isJoinControl { return .contextJ }  // JoinControl (§9.8)
        if isOldHangulJamo(value) { return .disallowed }  // §9.9
        if properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint {
            return .disallowed  // PrecisIgnorableProperties (§9.13)
        }
        if category == .control { return .disallowed }  // Controls (§9.12)
        if hasCompatibilityDecomposition(scalar) { return .identifierDisallowedFreeformValid }  // HasCompat (§9.17)
        switch category {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter,
            .nonspacingMark, .spacingMark:
            return .pvalid  // LetterDigits (§9.1)
        case .titlecaseLetter, .letterNumber, .otherNumber, .enclosingMark,  // OtherLetterDigits (§9.18)
            .spaceSeparator,  // Spaces (§9.14)
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,  // Symbols (§9.15)
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:  // Punctuation (§9.16)
            return .identifierDisallowedFreeformValid
        default:
            return .disallowed
        }
    }

    /// RFC 5892 §2.6 Exceptions, which take precedence over every other rule.
    static func exception(_ value: UInt32) -> DerivedProperty? {
        switch value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
            .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9:
            .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
            .disallowed
        default:
            nil
        }
    }

    /// RFC 5892 §2.9: Hangul_Syllable_Type L, V or T (conjoining jamo).
    static func isOldHangulJamo(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF, 0xA960...0xA97C, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB: true
        default: false
        }
    }

    /// RFC 8264 §9.17 HasCompat: `toNFKC(cp) != cp`.
    ///
    /// Swift exposes no compatibility decompositions, so this combines three facts: a change under NFC
    /// (canonical singletons and composition exclusions); `Changes_When_NFKC_Casefolded` for code points that
    /// do not change under case folding (then only NFKC can have changed them); and, for the few code points
    /// that change under both, a list taken from UnicodeData.txt (`casefoldedCompatibilityCharacters`).
    /// Callers have already excluded default-ignorable code points.
    static func hasCompatibilityDecomposition(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        let properties = scalar.properties
        guard properties.changesWhenNFKCCaseFolded else {
            return false
        }
        if !properties.changesWhenCaseFolded { return true }
        if casefoldedCompatibilityCharacters.contains(scalar.value) { return true }
        let single = String(Character(scalar))
        return !single._nfcCodeUnits.elementsEqual(single.utf8)
    }

    /// Letters and digits with a compatibility decomposition that also change under case folding
    /// (so `Changes_When_NFKC_Casefolded` alone cannot tell), from UnicodeData.txt (Unicode 14).
    static let casefoldedCompatibilityCharacters: Set<UInt32> = {
        var set: Set<UInt32> = [
            0x00B5, 0x0132, 0x013F, 0x0149, 0x017F, 0x01C4, 0x01C7, 0x01CA, 0x01F1, 0x03D0, 0x03D1, 0x03D5,
            0x03D6, 0x03F0, 0x03F1, 0x03F4, 0x03F5, 0x03F9, 0x0587, 0x1E9A, 0x1E9B,
        ]
        set.formUnion(0xFB00...0xFB06)
        set.formUnion(0xFB13...0xFB17)
        set.formUnion(0xFF21...0xFF3A)
        return set
    }()
}
