/// The PRECIS Width Mapping Rule (RFC 8264 §9.2, used by RFC 8265 §3.3.2): fullwidth and halfwidth code
/// points map to their `<wide>` / `<narrow>` decomposition mappings from UnicodeData.txt.
///
/// The code points with such mappings are U+3000 and U+FF01…U+FFEE; Swift exposes no decompositions, so
/// they are listed here.
enum WidthMapping {
    /// The mapping of one scalar (itself when it has no width decomposition).
    static func map(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard let mapped = mappedValue(scalar.value), let result = Unicode.Scalar(mapped) else { return [scalar] }
        return [result]
    }

    static func mappedValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x3000: return 0x0020
        case 0xFF01...0xFF5E: return value - 0xFEE0  // FULLWIDTH ASCII
        case 0xFF5F: return 0x2985
        case 0xFF60: return 0x2986
        case 0xFF61...0xFF9F: return halfwidthKatakana[Int(value - 0xFF61)]
        case 0xFFA0: return 0x3164
        case 0xFFA1...0xFFBE: return value - 0xFFA1 + 0x3131
        case 0xFFC2...0xFFC7: return value - 0xFFC2 + 0x314F
        case 0xFFCA...0xFFCF: return value - 0xFFCA + 0x3155
        case 0xFFD2...0xFFD7: return value - 0xFFD2 + 0x315B
        case 0xFFDA...0xFFDC: return value - 0xFFDA + 0x3161
        case 0xFFE0: return 0x00A2
        case 0xFFE1: return 0x00A3
        case 0xFFE2: return 0x00AC
        case 0xFFE3: return 0x00AF
        case 0xFFE4: return 0x00A6
        case 0xFFE5: return 0x00A5
        case 0xFFE6: return 0x20A9
        case 0xFFE8: return 0x2502
        case 0xFFE9...0xFFEC: return value - 0xFFE9 + 0x2190
        case 0xFFED: return 0x25A0
        case 0xFFEE: return 0x25CB
        default: return nil
        }
    }

    /// U+FF61…U+FF9F: halfwidth CJK punctuation and katakana.
    static let halfwidthKatakana: [UInt32] = [
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3,
        0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,
        0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,
        0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
        0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF,
        0x30F3, 0x3099, 0x309A,
    ]
}
