/// Strong random passwords for `--generate-password` (protocols.md §4.7).
///
/// Characters come uniformly from an alphabet without look-alikes (no `0 O o 1 l I i`): 55 symbols, about
/// 5.78 bits each, so the default 24 characters carry about 138 bits — above the 128-bit target, and far above
/// ejabberd's `password_strength` (Shannon-entropy bits, 32 recommended). Letters and digits only, so no server
/// rejects a character (ejabberd: "The password contains unacceptable characters") and the password survives
/// copying from a terminal. Every password has a lower-case letter, an upper-case letter and a digit (policies
/// such as Metronome's demand one); candidates without them are redrawn, which costs well under 0.1 bit.
///
/// The randomness is injected: pass `SystemRandomNumberGenerator` (the kernel CSPRNG) in the product and a
/// seeded generator in tests.
public struct PasswordGenerator: Sendable, Hashable {
    /// The alphabet: `a–z` without `i l o`, `A–Z` without `I O`, `2–9`.
    public static let alphabet: [Character] = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    /// The default length (≈ 138 bits).
    public static let defaultLength = 24

    public let length: Int

    /// A generator for passwords of `length` characters (at least 3).
    public init(length: Int = defaultLength) {
        precondition(length >= 3, "a password needs room for a lower-case letter, an upper-case letter and a digit")
        self.length = length
    }

    /// The shortest generator whose passwords carry at least `bits` bits of entropy.
    public init(minimumEntropyBits bits: Int) {
        var length = 3
        while Double(length) * Self.bitsPerCharacter < Double(bits) { length += 1 }
        self.init(length: length)
    }

    /// Bits of entropy per character: log2 of the alphabet size.
    public static let bitsPerCharacter: Double = binaryLogarithm(Double(alphabet.count))

    /// The entropy of one password, in bits (before the ≤ 0.1-bit cost of the class requirement).
    public var entropyBits: Double { Double(length) * Self.bitsPerCharacter }

    /// A new password drawn with `generator`.
    public func makePassword<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        while true {
            var characters: [Character] = []
            characters.reserveCapacity(length)
            for _ in 0..<length {
                characters.append(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &generator)])
            }
            if characters.contains(where: \.isLowercase) && characters.contains(where: \.isUppercase)
                && characters.contains(where: \.isNumber)
            {
                return String(characters)
            }
        }
    }

    /// log2(x) for x ≥ 1 by repeated squaring (no Foundation in XMPPCore).
    static func binaryLogarithm(_ x: Double) -> Double {
        precondition(x >= 1)
        var value = x
        var result = 0.0
        while value >= 2 {
            value /= 2
            result += 1
        }
        var bit = 0.5
        for _ in 0..<52 {
            value *= value
            if value >= 2 {
                value /= 2
                result += bit
            }
            bit /= 2
        }
        return result
    }
}
