import Testing
import XMPPCore

@Suite struct Base64Tests {
    /// RFC 4648 §10.
    @Test(
        "RFC 4648 §10 vectors",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ])
    func vectors(_ plain: String, _ encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test("every byte value round-trips")
    func allBytes() {
        let bytes = (0...255).map(UInt8.init)
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
    }

    @Test(
        "strict decoding",
        arguments: ["Zg", "Zg=", "Z===", "Zm9v\n", " Zm9v", "Zm9v YmFy", "Zg==Zg==", "Zm9-", "Zm9_"])
    func rejects(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
