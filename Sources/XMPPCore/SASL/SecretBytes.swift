/// Helpers for secret byte strings (security.md §3.3 item 9, §6.2).
enum SecretBytes {
    /// Compares in time that depends only on the lengths, never on where the first difference is.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    /// Overwrites the bytes with zeros (best effort: copies made by the runtime are out of reach).
    static func wipe(_ bytes: inout [UInt8]) {
        for index in bytes.indices { bytes[index] = 0 }
    }

    /// `lhs XOR rhs` for equal lengths.
    static func xor(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        precondition(lhs.count == rhs.count, "XOR of unequal lengths")
        return zip(lhs, rhs).map { $0 ^ $1 }
    }
}
