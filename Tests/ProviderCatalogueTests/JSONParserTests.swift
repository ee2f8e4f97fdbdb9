import Testing

@testable import ProviderCatalogue

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test("keys keep their order; integers stay apart from fractions")
    func orderAndNumbers() throws {
        let value = try parse(#"{"z": 1, "a": -1, "m": 1.5, "e": 1e3, "n": null, "t": true, "s": "x"}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "e", "n", "t", "s"])
        #expect(object["z"] == .integer(1))
        #expect(object["a"] == .integer(-1))
        #expect(object["m"] == .double(1.5))
        #expect(object["e"] == .double(1000))
        #expect(object["n"] == .null)
        #expect(object["t"] == .bool(true))
    }

    @Test("escapes, surrogate pairs and UTF-8")
    func strings() throws {
        let value = try parse(#"["a\"b\\c\/\n\u00e9\ud83d\ude00", "grüß"]"#)
        #expect(value == .array([.string("a\"b\\c/\né😀"), .string("grüß")]))
    }

    @Test(
        "malformed documents are rejected with a reason and position",
        arguments: [
            ("", JSONSyntaxError.Reason.unexpectedEnd),
            ("[1, 2", .unexpectedEnd),
            (#"{"a": 1,}"#, .unexpectedCharacter),
            ("[01]", .invalidNumber),
            ("[1.]", .invalidNumber),
            (#"["\x"]"#, .invalidEscape),
            (#"["\ud83d"]"#, .invalidEscape),
            ("[\"a\nb\"]", .controlCharacterInString),
            ("[1] x", .trailingContent),
            ("<html><body>502 Bad Gateway</body></html>", .unexpectedCharacter),
            ("[nul]", .unexpectedCharacter),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), .tooDeep),
        ])
    func malformed(text: String, reason: JSONSyntaxError.Reason) {
        #expect {
            try parse(text)
        } throws: { error in
            (error as? JSONSyntaxError)?.reason == reason
        }
    }

    @Test("the error position is line and column")
    func position() throws {
        do {
            _ = try parse("{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
        }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D]) }
    }

    @Test("serialization round-trips and escapes control characters")
    func roundTrip() throws {
        let text = #"{"b": [1, 2.5, "x\u0001y", {"c": null}], "a": {}, "d": []}"#
        let value = try parse(text)
        #expect(try parse(value.serialized(indent: 4)) == value)
        #expect(try parse(value.serialized(indent: nil)) == value)
        #expect(value.serialized(indent: nil) == #"{"b":[1,2.5,"x\u0001y",{"c":null}],"a":{},"d":[]}"#)
    }
}
