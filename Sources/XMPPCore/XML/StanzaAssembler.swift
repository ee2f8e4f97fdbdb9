/// Builds stream events from parser events by counting depth (RFC 6120 §4.1, §4.7, §4.8; architecture.md §3).
///
/// Depth 1 is the `<stream:stream>` root: its start tag becomes `.opened(header)` at once, before any stanza.
/// An element that closes back to depth 1 is a complete top-level element (stanza or nonza) and becomes
/// `.element(_:)`; the end of the root becomes `.closed`. Whitespace between top-level elements is dropped.
///
/// A value with no I/O: feed it `XMLEvent`s, forward the `StreamEvent`s it returns. The first error is terminal:
/// every later call throws it again. One assembler serves one stream; make a new one on a stream restart.
public struct StanzaAssembler: Sendable {
    /// Where the stream stands.
    enum State: Sendable {
        /// Waiting for the `<stream:stream>` start tag.
        case awaitingHeader
        /// Inside the stream. `openElements` is the top-level element being built and its open descendants
        /// (empty between stanzas); `textBytes` counts its character data so far.
        case open(openElements: [Element], textBytes: Int)
        /// `</stream:stream>` was received.
        case closed
        /// The peer sent something the stream layer rejects.
        case failed(XMLStreamError)
    }

    /// The limits checked on every event.
    public let limits: StreamLimits
    private(set) var state: State = .awaitingHeader

    public init(limits: StreamLimits = .default) {
        self.limits = limits
    }

    /// Whether `</stream:stream>` has been received.
    public var isClosed: Bool {
        if case .closed = state { true } else { false }
    }

    /// Consumes one parser event; returns the stream event it completes, if any.
    ///
    /// - Throws: `XMLStreamError` for a bad stream header (namespace, version), a second stream header, text
    ///   outside stanzas, a depth, attribute or text limit, or any event after the stream closed.
    public mutating func receive(_ event: XMLEvent) throws(XMLStreamError) -> StreamEvent? {
        let current = state
        // Park the state so that the element stack below is uniquely referenced and mutated in place.
        state = .closed
        do {
            let (next, output) = try Self.transition(from: current, on: event, limits: limits)
            state = next
            return output
        } catch {
            state = .failed(error)
            throw error
        }
    }

    // MARK: - Transitions

    private static func transition(
        from state: consuming State,
        on event: XMLEvent,
        limits: StreamLimits
    ) throws(XMLStreamError) -> (State, StreamEvent?) {
        switch state {
        case .failed(let error):
            throw error
        case .closed:
            throw .notWellFormed(parserCode: 0)
        case .awaitingHeader:
            switch event {
            case .startElement(let name, let namespace, let attributes, let declaredDefaultNamespace):
                let header = try makeHeader(
                    name: name,
                    namespace: namespace,
                    attributes: attributes,
                    declaredDefaultNamespace: declaredDefaultNamespace
                )
                return (.open(openElements: [], textBytes: 0), .opened(header))
            case .text(let text):
                guard isWhitespace(text) else { throw .textOutsideStanza }
                return (.awaitingHeader, nil)
            case .endElement:
                throw .notWellFormed(parserCode: 0)
            }
        case .open(var openElements, var textBytes):
            switch event {
            case .startElement(let name, let namespace, let attributes, _):
                if openElements.isEmpty && name == "stream" && namespace == Namespace.stream {
                    throw .unexpectedStreamHeader
                }
                guard openElements.count < limits.maximumDepth else { throw .limitExceeded(.depth) }
                guard attributes.count <= limits.maximumAttributes else { throw .limitExceeded(.attributes) }
                openElements.append(Element(name, namespace: namespace, attributes: attributes))
                return (.open(openElements: openElements, textBytes: textBytes), nil)
            case .text(let text):
                let count = text.utf8.count
                if openElements.isEmpty {
                    guard count <= limits.maximumTextBytes else { throw .limitExceeded(.textBytes) }
                    guard isWhitespace(text) else { throw .textOutsideStanza }
                    return (.open(openElements: openElements, textBytes: textBytes), nil)
                }
                textBytes += count
                guard textBytes <= limits.maximumTextBytes else { throw .limitExceeded(.textBytes) }
                openElements[openElements.count - 1].append(text: text)
                return (.open(openElements: openElements, textBytes: textBytes), nil)
            case .endElement:
                guard let finished = openElements.popLast() else { return (.closed, .closed) }
                guard !openElements.isEmpty else { return (.open(openElements: [], textBytes: 0), .element(finished)) }
                openElements[openElements.count - 1].append(finished)
                return (.open(openElements: openElements, textBytes: textBytes), nil)
            }
        }
    }

    // MARK: - Stream header (RFC 6120 §4.7)

    private static func makeHeader(
        name: String,
        namespace: String,
        attributes: [Element.Attribute],
        declaredDefaultNamespace: String?
    ) throws(XMLStreamError) -> StreamHeader {
        guard namespace == Namespace.stream else { throw .invalidStreamNamespace(truncated(namespace)) }
        guard name == "stream" else { throw .invalidStreamElement(truncated(name)) }
        if let content = declaredDefaultNamespace, content != Namespace.client {
            throw .invalidContentNamespace(truncated(content))
        }
        func value(_ attribute: String) -> String? {
            attributes.first { $0.name == attribute }?.value
        }
        let version = value("version")
        guard let version, isSupportedVersion(version) else { throw .unsupportedVersion(version.map(truncated)) }
        return StreamHeader(
            streamNamespace: namespace,
            contentNamespace: declaredDefaultNamespace,
            id: value("id"),
            from: value("from"),
            to: value("to"),
            version: version,
            language: value("xml:lang")
        )
    }

    /// RFC 6120 §4.7.5: `major.minor`, two non-negative integers (leading zeros ignored); major must be 1.
    /// A missing version means a pre-XMPP (0.9) peer, which is unsupported too.
    static func isSupportedVersion(_ version: String) -> Bool {
        let parts = version.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } })
        else { return false }
        let major = parts[0].drop { $0 == UInt8(ascii: "0") }
        return major.elementsEqual("1".utf8)
    }

    /// XML 1.0 §2.3 `S`: space, tab, carriage return, line feed.
    static func isWhitespace(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    private static func truncated(_ value: String) -> String {
        String(value.prefix(256))
    }
}
