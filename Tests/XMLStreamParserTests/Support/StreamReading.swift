import XMLStreamParser
import XMPPCore

/// What a reader produced for one input: the events, and the error that ended it, if any.
struct ReadOutcome: Equatable {
    var events: [StreamEvent]
    var error: XMLStreamError?
}

/// Feeds `bytes` to a fresh reader in consecutive chunks of the sizes `chunkSizes` yields (the last size repeats),
/// stopping at the first error.
func read(
    _ bytes: [UInt8],
    chunkSizes: [Int],
    limits: StreamLimits = .default
) -> ReadOutcome {
    let reader = StreamReader(limits: limits)
    var outcome = ReadOutcome(events: [], error: nil)
    var start = 0
    var sizeIndex = 0
    while start < bytes.count {
        let size = max(1, chunkSizes[min(sizeIndex, chunkSizes.count - 1)])
        sizeIndex += 1
        let end = min(bytes.count, start + size)
        do {
            outcome.events += try reader.feed(bytes[start..<end])
        } catch {
            outcome.error = error
            return outcome
        }
        start = end
    }
    return outcome
}

/// Feeds `bytes` to a fresh reader in one call.
func read(_ bytes: [UInt8], limits: StreamLimits = .default) -> ReadOutcome {
    read(bytes, chunkSizes: [max(1, bytes.count)], limits: limits)
}

/// Feeds `text` to a fresh reader in one call.
func read(_ text: String, limits: StreamLimits = .default) -> ReadOutcome {
    read(Array(text.utf8), limits: limits)
}

/// A small deterministic generator (SplitMix64) so that random chunkings are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A client stream header as Prosody and ejabberd send it.
let streamHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
    + " id='c2s-1' from='example.org' version='1.0' xml:lang='en'>"

/// The header `streamHeader` parses to.
let expectedHeader = StreamHeader(
    streamNamespace: Namespace.stream,
    contentNamespace: Namespace.client,
    id: "c2s-1",
    from: "example.org",
    to: nil,
    version: "1.0",
    language: "en"
)

/// Wraps top-level elements in `streamHeader`, without closing the stream.
func stream(_ body: String) -> String {
    streamHeader + body
}
