/// The contextual rules for CONTEXTJ and CONTEXTO code points (RFC 5892 Appendix A), referenced by
/// RFC 8264 §9.8 and §9.10.
///
/// Swift exposes neither Script nor Joining_Type, so the script tests use the blocks of the scripts
/// involved, and the ZERO WIDTH NON-JOINER rule treats right-to-left letters (Arabic, Syriac, N'Ko, …) and
/// Mongolian as joining letters. That accepts a few ZWNJ placements next to right-joining letters that the
/// exact rule refuses; it never refuses one the rule accepts.
enum ContextRule {
    static func isSatisfied(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let value = scalars[index].value
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch value {
        case 0x200C:  // A.1 ZERO WIDTH NON-JOINER
            if let before, isVirama(before) { return true }
            return isJoiningContext(at: index, in: scalars)
        case 0x200D:  // A.2 ZERO WIDTH JOINER
            guard let before else { return false }
            return isVirama(before)
        case 0x00B7:  // A.3 MIDDLE DOT: between two 'l'
            return before == "l" && after == "l"
        case 0x0375:  // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
            guard let after else { return false }
            return isGreek(after.value)
        case 0x05F3, 0x05F4:  // A.5, A.6 HEBREW PUNCTUATION GERESH / GERSHAYIM: preceded by Hebrew
            guard let before else { return false }
            return isHebrew(before.value)
        case 0x30FB:  // A.7 KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the string
            return scalars.contains { $0.value != 0x30FB && isHiraganaKatakanaOrHan($0) }
        case 0x0660...0x0669:  // A.8 ARABIC-INDIC DIGITS: no extended Arabic-Indic digits
            return !scalars.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:  // A.9 EXTENDED ARABIC-INDIC DIGITS: no Arabic-Indic digits
            return !scalars.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }

    static func isVirama(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass == .virama
    }

    /// `(Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})`, approximated:
    /// transparent = non-spacing or enclosing marks and format characters.
    static func isJoiningContext(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: scalar.value != 0x200C
            default: false
            }
        }
        func isJoining(_ scalar: Unicode.Scalar) -> Bool {
            let category = scalar.properties.generalCategory
            guard category == .otherLetter || category == .modifierLetter else { return false }
            switch BidiClass.of(scalar) {
            case .r, .al: return true
            default: return (0x1800...0x18AF).contains(scalar.value) || (0xA840...0xA877).contains(scalar.value)
            }
        }
        var left = index - 1
        while left >= 0 && isTransparent(scalars[left]) { left -= 1 }
        var right = index + 1
        while right < scalars.count && isTransparent(scalars[right]) { right += 1 }
        guard left >= 0, right < scalars.count else { return false }
        return isJoining(scalars[left]) && isJoining(scalars[right])
    }

    /// Script=Greek, by block (the Coptic letters of the Greek and Coptic block excluded).
    static func isGreek(_ value: UInt32) -> Bool {
        switch value {
        case 0x0370...0x0373, 0x0375...0x0377, 0x037A...0x037D, 0x037F, 0x0384, 0x0386, 0x0388...0x03E1,
            0x03F0...0x03FF, 0x1D26...0x1D2A, 0x1D5D...0x1D61, 0x1D66...0x1D6A, 0x1DBF, 0x1F00...0x1FFE,
            0x2126, 0xAB65, 0x10140...0x1018E, 0x101A0, 0x1D200...0x1D245:
            true
        default: false
        }
    }

    /// Script=Hebrew, by block.
    static func isHebrew(_ value: UInt32) -> Bool {
        switch value {
        case 0x0591...0x05C7, 0x05D0...0x05EA, 0x05EF...0x05F4, 0xFB1D...0xFB4F: true
        default: false
        }
    }

    /// Script=Hiragana, Katakana or Han, by block and the Ideographic property.
    static func isHiraganaKatakanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic || scalar.properties.isUnifiedIdeograph { return true }
        return switch scalar.value {
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,  // Han
            0x3041...0x3096, 0x309D...0x309F, 0x1B001...0x1B11F, 0x1B132, 0x1B150...0x1B152,
            0x1F200,  // Hiragana
            0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF, 0x32D0...0x32FE, 0x3300...0x3357,
            0xFF66...0xFF6F, 0xFF71...0xFF9D, 0x1AFF0...0x1AFFE, 0x1B000, 0x1B120...0x1B122, 0x1B155,
            0x1B164...0x1B167:  // Katakana
            true
        default: false
        }
    }
}
