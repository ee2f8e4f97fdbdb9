/// Pronounceable usernames for `register DOMAIN` without `--username`, and alternatives after `conflict`.
///
/// Names are consonant–vowel syllables and two digits (`kavolu42`): lower-case ASCII letters and digits only,
/// so nodeprep / PRECIS leave them unchanged on every server. With 14 consonants, 5 vowels, 3 syllables and 2
/// digits there are 34 300 000 names — enough that a retry after `conflict` almost never collides again.
/// Randomness is injected (a seeded generator in tests).
public struct UsernameGenerator: Sendable, Hashable {
    /// Onset consonants: no `c q x` (ambiguous pronunciation) and no `h j w y` (awkward clusters).
    public static let consonants: [Character] = Array("bdfgklmnprstvz")
    public static let vowels: [Character] = Array("aeiou")
    /// The longest base kept when building alternatives.
    public static let maximumBaseLength = 32

    public let syllableCount: Int
    public let digitCount: Int

    public init(syllableCount: Int = 3, digitCount: Int = 2) {
        precondition(syllableCount >= 1 && digitCount >= 0)
        self.syllableCount = syllableCount
        self.digitCount = digitCount
    }

    /// A new username such as `kavolu42`.
    public func makeUsername<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        var name = ""
        for _ in 0..<syllableCount { name += Self.syllable(using: &generator) }
        for _ in 0..<digitCount { name += String(Int.random(in: 0...9, using: &generator)) }
        return name
    }

    /// Up to `count` distinct alternatives to a taken `username`, each different from it: the name with two
    /// digits, with a dot and two syllables, with three digits, then with more digits. The base is lower-cased
    /// and stripped of characters nodeprep prohibits (space, `" & ' / : < > @`) and of anything but letters,
    /// digits, `.`, `-` and `_`; an empty base gets a generated name instead.
    public func makeAlternatives<Generator: RandomNumberGenerator>(
        to username: String,
        count: Int = 3,
        using generator: inout Generator
    ) -> [String] {
        var base = Self.sanitizedBase(username)
        if base.isEmpty { base = UsernameGenerator(syllableCount: 2, digitCount: 0).makeUsername(using: &generator) }
        var alternatives: [String] = []
        var attempt = 0
        while alternatives.count < count && attempt < count * 20 {
            let candidate: String
            switch attempt % 3 {
            case 0: candidate = base + String(Int.random(in: 10...99, using: &generator))
            case 1: candidate = base + "." + Self.syllable(using: &generator) + Self.syllable(using: &generator)
            default:
                let digits = min(3 + attempt / 3, 9)
                let upper = Self.power(10, digits) - 1
                candidate = base + String(Int.random(in: Self.power(10, digits - 1)...upper, using: &generator))
            }
            if candidate != username && !alternatives.contains(candidate) { alternatives.append(candidate) }
            attempt += 1
        }
        return alternatives
    }

    private static func syllable<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        let consonant = consonants[Int.random(in: 0..<consonants.count, using: &generator)]
        let vowel = vowels[Int.random(in: 0..<vowels.count, using: &generator)]
        return String([consonant, vowel])
    }

    static func sanitizedBase(_ username: String) -> String {
        let kept = username.lowercased().filter { $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" || $0 == "_" }
        let trimmed = kept.drop { $0 == "." || $0 == "-" || $0 == "_" }
        var result = String(trimmed.prefix(maximumBaseLength))
        while let last = result.last, last == "." || last == "-" || last == "_" { result.removeLast() }
        return result
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= base }
        return result
    }
}
