import Testing
import XMLStreamParser
import XMPPCore

/// The reader's output must not depend on how the bytes are split (architecture.md §8: "feed the same input at
/// every chunk size").
@Suite struct ChunkingTests {
    @Test("the transcript parses to the expected events in one piece")
    func wholeTranscript() {
        let outcome = read(Transcript.bytes)
        #expect(outcome.error == nil)
        #expect(outcome.events == Transcript.events)
    }

    @Test("every chunk size from 1 byte to the whole transcript gives the same events")
    func everyChunkSize() {
        let bytes = Transcript.bytes
        var mismatches: [Int] = []
        for size in 1...bytes.count {
            let outcome = read(bytes, chunkSizes: [size])
            if outcome != ReadOutcome(events: Transcript.events, error: nil) { mismatches.append(size) }
        }
        #expect(mismatches.isEmpty, "chunk sizes with different output: \(mismatches.prefix(20))")
    }

    @Test("random chunkings give the same events", arguments: 0..<8)
    func randomChunkings(seed: UInt64) {
        var generator = SplitMix64(seed: 0x584D_4C00 + seed)
        let bytes = Transcript.bytes
        for _ in 0..<50 {
            // Mostly small pieces, sometimes large ones, as TCP delivers them.
            let sizes = (0..<bytes.count).map { _ in
                Bool.random(using: &generator)
                    ? Int.random(in: 1...8, using: &generator)
                    : Int.random(in: 1...700, using: &generator)
            }
            let outcome = read(bytes, chunkSizes: sizes)
            #expect(outcome == ReadOutcome(events: Transcript.events, error: nil), "sizes: \(sizes.prefix(40))")
        }
    }

    @Test("the stream header is reported as soon as its start tag is complete, before any stanza")
    func headerBeforeStanzas() throws {
        let reader = StreamReader()
        let text = Transcript.text
        let headerEnd = try #require(text.utf8.firstIndex(of: UInt8(ascii: ">"), after: "<stream:stream"))
        let bytes = Array(text.utf8)
        let beforeEnd = try reader.feed(bytes[..<(headerEnd - 1)])
        #expect(beforeEnd.isEmpty)
        #expect(try reader.feed(bytes[(headerEnd - 1)..<headerEnd]) == [.opened(Transcript.header)])
    }

    @Test(
        "a header alone is reported at its last byte, with or without declaration and whitespace",
        arguments: [
            streamHeader,
            streamHeader.replacing("<?xml version='1.0'?>", with: ""),
            streamHeader.replacing("<?xml version='1.0'?>", with: " \r\n"),
            streamHeader.replacing("?>", with: "?>\n"),
        ])
    func headerAlone(_ header: String) throws {
        let bytes = Array(header.utf8)
        for size in [1, 2, 3, 5, 64] {
            let reader = StreamReader()
            var start = 0
            while start < bytes.count - 1 {
                let end = min(bytes.count - 1, start + size)
                #expect(try reader.feed(bytes[start..<end]).isEmpty)
                start = end
            }
            #expect(try reader.feed(bytes[(bytes.count - 1)...]) == [.opened(expectedHeader)])
        }
    }

    @Test("each event is reported by the feed of the byte that completes it, not later")
    func eventLatency() throws {
        let bytes = Transcript.bytes
        // The byte that completes each event: the header's start tag, each top-level end tag, the root's end tag.
        let completions = try [
            "version='1.0' xml:lang='en'>", "</stream:features>", "</iq>", "</message>", "<presence/>",
            "</stream:stream>",
        ].map { marker in try #require(bytes.endOffset(of: marker)) - 1 }
        let reader = StreamReader()
        var reported: [Int] = []
        for index in bytes.indices {
            let events = try reader.feed(bytes[index...index])
            reported += Array(repeating: index, count: events.count)
        }
        #expect(reported == completions)
    }

    @Test("collections without contiguous storage are read the same way")
    func nonContiguousInput() throws {
        let reader = StreamReader()
        let lazyBytes = Transcript.bytes.lazy.map { $0 }
        #expect(try reader.feed(lazyBytes) == Transcript.events)
    }
}

extension [UInt8] {
    /// The offset just past the first occurrence of `marker`.
    fileprivate func endOffset(of marker: String) -> Int? {
        let needle = Array(marker.utf8)
        return indices.first { self[$0...].starts(with: needle) }.map { $0 + needle.count }
    }
}

extension String.UTF8View {
    /// The offset just past the first `byte` that follows the first occurrence of `marker`.
    fileprivate func firstIndex(of byte: UInt8, after marker: String) -> Int? {
        let bytes = Array(self)
        let needle = Array(marker.utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: needle) }),
            let found = bytes[start...].firstIndex(of: byte)
        else { return nil }
        return found + 1
    }
}
