import OpenSSLSupport
import Testing
import XMPPCore

@Suite("Bits of Binary (XEP-0231)")
struct BitsOfBinaryTests {
    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func data(_ text: String, type: String = "image/png", cid: String = "sha1+00@bob.xmpp.org") -> Element {
        Element("data", namespace: Namespace.bitsOfBinary, attributes: [.init("cid", cid), .init("type", type), .init("max-age", "0")],
                children: text.isEmpty ? [] : [.text(text)])
    }

    /// The ejabberd fixture's `<data/>`, decoded and its `cid` hash checked with OpenSSL's SHA-1.
    @Test("the real ejabberd CAPTCHA image decodes and matches its cid")
    func ejabberdImage() throws {
        let query = try #require(ServerFixtures.ejabberdCaptchaFormIQ.payload)
        let element = try #require(query.child("data", namespace: Namespace.bitsOfBinary))
        let decoded = try BitsOfBinaryData(parsing: element, verifyingWith: OpenSSLCrypto())
        #expect(decoded.contentID == "sha1+aeee47ebe7dee7eb2004d35e8a1ce5563d2da646@bob.xmpp.org")
        #expect(decoded.contentType == "image/png")
        #expect(decoded.maximumAge == 0)
        #expect(decoded.isHashVerified)
        #expect(decoded.bytes.starts(with: Self.pngSignature))
        #expect(decoded.bytes.count == 1129)
        #expect(decoded.fileExtension == "png")
        #expect(!String(describing: decoded).contains("iVBOR"))
    }

    /// RFC 4648 §10 test vectors, plus white space as XML pretty-printing inserts it.
    @Test("base64 decoding (RFC 4648 §10)", arguments: [
        ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"), ("Zm9vYmE=", "fooba"),
        ("Zm9vYmFy", "foobar"), ("Zm9v\n  YmFy\n", "foobar"),
    ])
    func base64(encoded: String, plain: String) throws {
        // audio/* skips the image signature check, so any bytes decode.
        let decoded = try BitsOfBinaryData(parsing: Self.data(encoded, type: "audio/ogg"))
        #expect(decoded.bytes == Array(plain.utf8))
    }

    @Test("refused payloads", arguments: [
        (data("Zm9v!", type: "audio/wav"), BitsOfBinaryData.Problem.invalidBase64),
        (data("Zm9", type: "audio/wav"), .invalidBase64),
        (data("Zg=", type: "audio/wav"), .invalidBase64),
        (data("Zg==Zg==", type: "audio/wav"), .invalidBase64),
        (data("", type: "audio/wav"), .empty),
        (data("PHN2Zy8+", type: "image/svg+xml"), .contentTypeNotAllowed("image/svg+xml")),
        (data("PGh0bWw+", type: "text/html; charset=utf-8"), .contentTypeNotAllowed("text/html")),
        (data("Zm9v", type: ""), .contentTypeNotAllowed("")),
        (data("Zm9vYmFy", type: "image/png"), .contentDoesNotMatchType),
        (Element("data", namespace: Namespace.bitsOfBinary, text: "Zm9v"), .notBitsOfBinary),
    ])
    func refused(element: Element, problem: BitsOfBinaryData.Problem) {
        #expect(throws: problem) { try BitsOfBinaryData(parsing: element) }
    }

    @Test("the size limit is checked before decoding")
    func sizeLimit() {
        let big = String(repeating: "AAAA", count: 1_000)
        let limits = BitsOfBinaryData.Limits(maximumBytes: 1_000)
        #expect(throws: BitsOfBinaryData.Problem.tooLarge(3_003)) {
            try BitsOfBinaryData(parsing: Self.data(big, type: "audio/wav"), limits: limits)
        }
        #expect(throws: Never.self) { try BitsOfBinaryData(parsing: Self.data(big, type: "audio/wav")) }
    }

    @Test("content types: normalized, audio/* allowed, parameters dropped")
    func contentTypes() throws {
        #expect(BitsOfBinaryData.Limits.default.allows("audio/ogg"))
        #expect(BitsOfBinaryData.Limits.default.allows("image/gif"))
        #expect(!BitsOfBinaryData.Limits.default.allows("image/svg+xml"))
        #expect(!BitsOfBinaryData.Limits.default.allows("audiox/ogg"))
        let gif = try BitsOfBinaryData(parsing: Self.data("R0lGODlhAQABAAAAACw=", type: " IMAGE/GIF ; x=y"))
        #expect(gif.contentType == "image/gif")
        #expect(gif.fileExtension == "gif")
    }

    @Test("cid hash checks", arguments: [
        // SHA-1("foo") = 0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33
        ("sha1+0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33@bob.xmpp.org", nil),
        ("SHA1+0BEEC7B5EA3F0FDBC95D0DD47F3C5BC275DA8A33@bob.xmpp.org", nil),
        ("sha1+0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a34@bob.xmpp.org", BitsOfBinaryData.Problem.hashMismatch),
        ("sha1+0beec7@bob.xmpp.org", .malformedContentID),
        ("md5+acbd18db4cc2f85cedef654fccc4a4d8@bob.xmpp.org", .unsupportedHashAlgorithm("md5")),
        ("foo@bar", .malformedContentID),
    ] as [(String, BitsOfBinaryData.Problem?)])
    func hashes(cid: String, problem: BitsOfBinaryData.Problem?) {
        let element = Self.data("Zm9v", type: "audio/wav", cid: cid)
        if let problem {
            #expect(throws: problem) { try BitsOfBinaryData(parsing: element, verifyingWith: OpenSSLCrypto()) }
        } else {
            #expect((try? BitsOfBinaryData(parsing: element, verifyingWith: OpenSSLCrypto()))?.isHashVerified == true)
        }
    }

    @Test("request for data not sent inline (XEP-0231 §3)")
    func request() {
        let iq = BitsOfBinaryData.makeRequest(contentID: "sha1+abc@bob.xmpp.org", id: "bob1", to: "example.org")
        #expect(iq.element.serialized()
            == "<iq xmlns='jabber:client' type='get' id='bob1' to='example.org'><data xmlns='urn:xmpp:bob' cid='sha1+abc@bob.xmpp.org'/></iq>")
    }
}
