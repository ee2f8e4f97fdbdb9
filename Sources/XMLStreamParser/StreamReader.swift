import XMPPCore

/// Reads one XMPP XML stream (RFC 6120 §4, §11) from raw bytes into `StreamEvent`s.
///
/// Bytes go through three stages:
/// 1. `StreamScanner` sees every byte first and enforces `StreamLimits` on raw bytes (stanza size, depth,
///    attribute count) and the RFC 6120 §11.1 restrictions that can be seen in the markup itself.
/// 2. `LibXML2PushParser` (libxml2's SAX2 push parser, hardened per security.md §4.4) checks well-formedness and
///    resolves namespaces. It is handed bytes in pieces of at most `pieceSize` bytes, and only once a tag is
///    complete or a piece is full, so its per-call rescans of unparsed input stay linear under a slow drip.
/// 3. `StanzaAssembler` turns parser events into `.opened(header)`, `.element(stanza)` and `.closed`.
///
/// The events do not depend on how the bytes were split into `feed(_:)` calls. The first error is terminal and
/// thrown again by every later call; events completed in the same call before an error are dropped with it,
/// since the stream must be closed anyway (RFC 6120 §4.9). After `.closed`, further bytes are ignored.
///
/// One reader per stream: the driver makes a new one after STARTTLS and after SASL success (RFC 6120 §5.4.3.3,
/// §6.4.6). Not `Sendable`; the connection actor owns it.
public final class StreamReader {
    /// Largest piece handed to libxml2 in one call.
    static let pieceSize = 4096

    /// The limits this reader enforces.
    public let limits: StreamLimits
    private var scanner: StreamScanner
    private let parser: LibXML2PushParser
    private var assembler: StanzaAssembler
    /// Scanned bytes not yet handed to libxml2 (at most `pieceSize`).
    private var pending: [UInt8] = []
    private var failure: XMLStreamError?
    private var isFinished = false

    public init(limits: StreamLimits = .default) {
        self.limits = limits
        scanner = StreamScanner(limits: limits)
        // libxml2 may hold back at most the current stanza plus one piece.
        parser = LibXML2PushParser(
            maximumTextBytes: limits.maximumTextBytes,
            maximumUnparsedBytes: limits.maximumStanzaBytes + Self.pieceSize
        )
        assembler = StanzaAssembler(limits: limits)
        pending.reserveCapacity(Self.pieceSize)
    }

    /// Whether `</stream:stream>` has been read; later bytes are ignored.
    public var isClosed: Bool { isFinished && failure == nil }

    /// Feeds raw bytes as they arrive; returns the stream events completed so far (the header as soon as its
    /// start tag is parsed).
    ///
    /// - Throws: `XMLStreamError`; close the stream with its `streamCondition`.
    public func feed(_ bytes: some Collection<UInt8>) throws(XMLStreamError) -> [StreamEvent] {
        if let failure { throw failure }
        if isFinished { return [] }
        let result =
            bytes.withContiguousStorageIfAvailable { process($0) }
            ?? Array(bytes).withUnsafeBufferPointer { process($0) }
        return try result.get()
    }

    private func process(_ input: UnsafeBufferPointer<UInt8>) -> Result<[StreamEvent], XMLStreamError> {
        var output: [StreamEvent] = []
        do throws(XMLStreamError) {
            var index = 0
            while index < input.count {
                let end = min(input.count, index + Self.pieceSize - pending.count)
                let piece = UnsafeBufferPointer(rebasing: input[index..<end])
                let scan = scanner.scan(piece)
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: piece[..<scan.count]))
                index += scan.count
                switch scan.stop {
                case .violation(let error):
                    // Let libxml2 judge the bytes before the violation first, so that the earlier error wins.
                    try flush(into: &output)
                    throw error
                case .streamClosed:
                    try flush(into: &output)
                    // The scanner and libxml2 must agree on where the stream ends.
                    guard assembler.isClosed else { throw .notWellFormed(parserCode: 0) }
                    isFinished = true
                    return .success(output)
                case nil:
                    if pending.count >= Self.pieceSize || scanner.hasCompletedTag { try flush(into: &output) }
                }
            }
        } catch {
            failure = error
            isFinished = true
            pending = []
            return .failure(error)
        }
        return .success(output)
    }

    /// Hands the pending bytes to libxml2 and the resulting events to the assembler.
    private func flush(into output: inout [StreamEvent]) throws(XMLStreamError) {
        scanner.clearCompletedTag()
        guard !pending.isEmpty else { return }
        let parsed = pending.withUnsafeBufferPointer { bytes in
            Result { () throws(XMLStreamError) in try parser.parse(bytes) }
        }
        pending.removeAll(keepingCapacity: true)
        for event in try parsed.get() {
            if let streamEvent = try assembler.receive(event) { output.append(streamEvent) }
        }
    }
}
