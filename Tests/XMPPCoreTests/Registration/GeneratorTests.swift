import Testing
import XMPPCore

@Suite("Username and password generators")
struct GeneratorTests {
    static let usernameCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789")

    @Test("usernames are pronounceable, lower-case ASCII and deterministic per seed", arguments: [1, 2, 42, 1_000] as [UInt64])
    func usernames(seed: UInt64) {
        var first = SeededGenerator(seed: seed)
        var second = SeededGenerator(seed: seed)
        let generator = UsernameGenerator()
        let name = generator.makeUsername(using: &first)
        #expect(name == generator.makeUsername(using: &second))
        #expect(name.count == 8)
        #expect(name.allSatisfy { Self.usernameCharacters.contains($0) })
        let letters = Array(name.prefix(6))
        for (index, letter) in letters.enumerated() {
            let pool = index.isMultiple(of: 2) ? UsernameGenerator.consonants : UsernameGenerator.vowels
            #expect(pool.contains(letter))
        }
        #expect(name.suffix(2).allSatisfy { $0.isNumber })
    }

    @Test("different draws give different names")
    func variety() {
        var random = SeededGenerator(seed: 7)
        let names = Set((0..<200).map { _ in UsernameGenerator().makeUsername(using: &random) })
        #expect(names.count == 200)
    }

    @Test("alternatives after conflict: distinct, not the taken name, nodeprep-safe", arguments: [
        "alice", "Alice Smith", "bob@example.org", "__x__", "", "@@@", "jürgen", String(repeating: "long", count: 20),
    ])
    func alternatives(taken: String) {
        var random = SeededGenerator(seed: 99)
        let alternatives = UsernameGenerator().makeAlternatives(to: taken, count: 5, using: &random)
        #expect(alternatives.count == 5)
        #expect(Set(alternatives).count == 5)
        #expect(!alternatives.contains(taken))
        for name in alternatives {
            #expect(!name.isEmpty)
            #expect(name == name.lowercased())
            #expect(!name.contains { " \"&'/:<>@".contains($0) })
            #expect(name.count <= UsernameGenerator.maximumBaseLength + 12)
        }
    }

    @Test("alternatives keep the chosen name recognizable")
    func alternativeShapes() {
        var random = SeededGenerator(seed: 3)
        let alternatives = UsernameGenerator().makeAlternatives(to: "Alice", count: 3, using: &random)
        #expect(alternatives.allSatisfy { $0.hasPrefix("alice") })
        #expect(alternatives[0].dropFirst(5).count == 2 && alternatives[0].dropFirst(5).allSatisfy(\.isNumber))
        #expect(alternatives[1].hasPrefix("alice."))
        #expect(alternatives[2].dropFirst(5).count == 3)
    }

    @Test("passwords: ≥ 128 bits, unambiguous alphabet, all classes, deterministic per seed", arguments: [1, 5, 77] as [UInt64])
    func passwords(seed: UInt64) {
        let generator = PasswordGenerator()
        #expect(generator.entropyBits >= 128)
        var first = SeededGenerator(seed: seed)
        var second = SeededGenerator(seed: seed)
        let password = generator.makePassword(using: &first)
        #expect(password == generator.makePassword(using: &second))
        #expect(password.count == PasswordGenerator.defaultLength)
        #expect(password.allSatisfy { PasswordGenerator.alphabet.contains($0) })
        #expect(!password.contains { "0Oo1lIi".contains($0) })
        #expect(password.contains(where: \.isLowercase) && password.contains(where: \.isUppercase) && password.contains(where: \.isNumber))
    }

    @Test("entropy arithmetic")
    func entropy() {
        #expect(PasswordGenerator.alphabet.count == 55)
        #expect(abs(PasswordGenerator.bitsPerCharacter - 5.781359713524660) < 1e-9)
        #expect(PasswordGenerator(minimumEntropyBits: 128).length == 23)
        #expect(PasswordGenerator(minimumEntropyBits: 256).length == 45)
        #expect(PasswordGenerator(minimumEntropyBits: 1).length == 3)
        var random = SeededGenerator(seed: 11)
        let passwords = Set((0..<100).map { _ in PasswordGenerator(length: 3).makePassword(using: &random) })
        #expect(passwords.allSatisfy { $0.count == 3 })
    }
}
