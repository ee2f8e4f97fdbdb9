/// The Bidi Rule of RFC 5893 §2, which RFC 8265 §3.3.2 applies to localparts containing right-to-left
/// code points.
enum BidiRule {
    /// Whether the string contains an R, AL or AN code point (an "RTL label", RFC 5893 §1.4).
    static func containsRightToLeft(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.contains { scalar in
            switch BidiClass.of(scalar) {
            case .r, .al, .an: true
            default: false
            }
        }
    }

    /// All six conditions of RFC 5893 §2.
    static func isSatisfied(by scalars: [Unicode.Scalar]) -> Bool {
        let classes = scalars.map(BidiClass.of)
        guard let first = classes.first else { return true }
        // 1. The first character must be L, R or AL.
        let isRightToLeft: Bool
        switch first {
        case .l: isRightToLeft = false
        case .r, .al: isRightToLeft = true
        default: return false
        }
        let allowed: Set<BidiClass>
        let allowedLast: Set<BidiClass>
        if isRightToLeft {
            // 2. Only R, AL, AN, EN, ES, CS, ET, ON, BN, NSM.
            allowed = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            // 3. End with R, AL, EN or AN, followed by zero or more NSM.
            allowedLast = [.r, .al, .en, .an]
            // 4. EN and AN must not both be present.
            if classes.contains(.en) && classes.contains(.an) { return false }
        } else {
            // 5. Only L, EN, ES, CS, ET, ON, BN, NSM.
            allowed = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            // 6. End with L or EN, followed by zero or more NSM.
            allowedLast = [.l, .en]
        }
        guard classes.allSatisfy(allowed.contains) else { return false }
        guard let last = classes.last(where: { $0 != .nsm }) else { return false }
        return allowedLast.contains(last)
    }
}
