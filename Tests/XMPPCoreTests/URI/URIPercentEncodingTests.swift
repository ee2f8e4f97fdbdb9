import Testing
import XMPPCore

@Suite("URIPercentEncoding")
struct URIPercentEncodingTests {
    @Test("a whole URI as an https query value (Play Store referrer)")
    func referrer() {
        let encoded = URIPercentEncoding.encode(
            "xmpp:juliet@example.com?register;preauth=a+b c/ř", allowing: .unreservedOnly, keepingUnicode: false
        )
        #expect(encoded == "xmpp%3Ajuliet%40example.com%3Fregister%3Bpreauth%3Da%2Bb%20c%2F%C5%99")
    }

    @Test("decoding: plus stays plus, percent sequences become UTF-8")
    func decode() throws {
        #expect(try URIPercentEncoding.decode("Romeo+Montague") == "Romeo+Montague")
        #expect(try URIPercentEncoding.decode("a%20b%2B%c5%99") == "a b+ř")
        #expect(try URIPercentEncoding.decode("") == "")
        #expect(throws: XMPPURIError.invalidPercentEncoding) { try URIPercentEncoding.decode("%4") }
        #expect(throws: XMPPURIError.invalidUTF8) { try URIPercentEncoding.decode("%80") }
    }

    @Test("every part's encoding round-trips every BMP scalar and a few astral ones")
    func roundTrip() throws {
        var text = ""
        for value in Array(1...0x2FF) + [0x200E, 0x202E, 0xE000, 0xFFFD, 0x1F642, 0x10FFFD] {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        let parts: [URIPercentEncoding.AllowedCharacters] = [
            .localpart, .domain, .resource, .queryKey, .queryValue, .fragment, .unreservedOnly,
        ]
        for allowed in parts {
            for keepingUnicode in [true, false] {
                let encoded = URIPercentEncoding.encode(text, allowing: allowed, keepingUnicode: keepingUnicode)
                #expect(try URIPercentEncoding.decode(encoded) == text)
                #expect(!encoded.contains(" "))
            }
        }
    }
}
