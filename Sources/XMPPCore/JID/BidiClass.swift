/// The Bidi_Class values the Bidi Rule distinguishes (UAX #9 Table 4).
///
/// Swift does not expose Bidi_Class.
enum BidiClass: Hashable {
    case l, r, al, an, en, es, cs, et, on, bn, nsm
    /// Every other class (B, S, WS, LRE, …): never PVALID in a PRECIS class, so never seen by the rule.
    case other

    /// The class of `scalar`, exact for the code points a PRECIS IdentifierClass string can contain.
    ///
    /// Derived from Swift's general category plus Unicode's default Bidi_Class blocks
    /// (DerivedBidiClass.txt: unassigned code points in these blocks default to R or AL), and a short table
    /// of the letters, digits, marks and ASCII characters whose class differs from that prediction
    /// (generated from UnicodeData.txt, Unicode 14: every LetterDigits or ASCII7 code point was compared).
    static func of(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        if let listed = listed(value) { return listed }
        let properties = scalar.properties
        if properties.isJoinControl { return .bn }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return .nsm
        case .control, .spaceSeparator, .lineSeparator, .paragraphSeparator: return .other
        case .format: return .bn
        default: break
        }
        if isArabicLetterBlock(value) { return .al }
        if isRightToLeftBlock(value) { return .r }
        return .l
    }

    static func listed(_ value: UInt32) -> BidiClass? {
        var low = 0
        var high = exceptions.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let entry = exceptions[middle]
            if value < entry.first {
                high = middle - 1
            } else if value > entry.last {
                low = middle + 1
            } else {
                return entry.bidiClass
            }
        }
        return nil
    }

    /// Blocks whose code points default to AL.
    static func isArabicLetterBlock(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDCF, 0xFDF0...0xFDFF, 0xFE70...0xFEFF,
            0x10D00...0x10D3F, 0x10EC0...0x10EFF, 0x10F30...0x10F6F, 0x1EC70...0x1ECBF, 0x1ED00...0x1ED4F,
            0x1EE00...0x1EEFF:
            true
        default: false
        }
    }

    /// Blocks whose code points default to R.
    static func isRightToLeftBlock(_ value: UInt32) -> Bool {
        switch value {
        case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10CFF, 0x10D40...0x10EBF,
            0x10F00...0x10F2F, 0x10F70...0x10FFF, 0x1E800...0x1EC6F, 0x1ECC0...0x1ECFF, 0x1ED50...0x1EDFF,
            0x1EF00...0x1EFFF:
            true
        default: false
        }
    }

    /// Sorted, non-overlapping ranges whose class differs from the prediction in `of(_:)`.
    static let exceptions: [(first: UInt32, last: UInt32, bidiClass: BidiClass)] = [
        (0x0021, 0x0022, .on), (0x0023, 0x0025, .et), (0x0026, 0x002A, .on), (0x002B, 0x002B, .es),
        (0x002C, 0x002C, .cs), (0x002D, 0x002D, .es), (0x002E, 0x002F, .cs), (0x0030, 0x0039, .en),
        (0x003A, 0x003A, .cs), (0x003B, 0x0040, .on), (0x005B, 0x0060, .on), (0x007B, 0x007E, .on),
        (0x00B7, 0x00B7, .on), (0x02B9, 0x02BA, .on), (0x02C6, 0x02CF, .on), (0x02EC, 0x02EC, .on),
        (0x0374, 0x0375, .on), (0x0660, 0x0669, .an), (0x06F0, 0x06F9, .en), (0x0CBF, 0x0CBF, .l),
        (0x0CC6, 0x0CC6, .l), (0x2E2F, 0x2E2F, .on), (0x30FB, 0x30FB, .on), (0xA67F, 0xA67F, .on),
        (0xA717, 0xA71F, .on), (0xA788, 0xA788, .on), (0xFF10, 0xFF19, .en), (0x10D30, 0x10D39, .an),
        (0x11A07, 0x11A08, .l), (0x11C3F, 0x11C3F, .l), (0x1D7CE, 0x1D7FF, .en), (0x1FBF0, 0x1FBF9, .en),
    ]
}
