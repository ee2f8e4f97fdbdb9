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
    ///
    /// The element stack of `.open` lives in stored properties rather than in the case: mutating an array held
    /// in an enum payload copies it (and the children of the element being built) on every event, which turns a
    /// stanza with many children quadratic.
    enum State: Sendable, Hashable {
        /// Waiting for the `<stream:stream>` start tag.
        case awaitingHeader
        /// Inside the stream; `openElements` holds the top-level element being built and its open descendants.
        case open
        /// `</stream:stream>` was received.
        case closed
        /// The peer sent something the stream layer rejects.
        case failed(XMLStreamError)
    }

    /// The limits checked on every event.
    public let limits: StreamLimits
    private(set) var state: State = .awaitingHeader
    /// The top-level element being built and its open descendants; empty between top-level elements.
    private var openElements: [Element] = []
    /// Character data in the top-level element being built, in UTF-8 bytes.
    private var textBytes = 0

    public init(limits: StreamLimits = .default) {
        self.limits = limits
    }

    /// Whether `</stream:stream>` has been received.
    public var isClosed: Bool { state == .closed }

    /// Consumes one parser event; returns the stream event it completes, if any.
    ///
    /// - Throws: `XMLStreamError` for a bad stream header (namespace, version), a second stream header, text
    ///   outside stanzas, a depth, attribute or text limit, or any event after the stream closed.
    public mutating func receive(_ event: XMLEvent) throws(XMLStreamError) -> StreamEvent? {
        do throws(XMLStreamError) {
            switch state {
            case .failed(let error): throw error
            case .closed: throw .notWellFormed(parserCode: 0)
            case .awaitingHeader: return try receiveBeforeHeader(event)
            case .open: return try receiveInStream(event)
            }
        } catch {
            state = .failed(error)
            openElements = []
            throw error
        }
    }

    // MARK: - Transitions

    private mutating func receiveBeforeHeader(_ event: XMLEvent) throws(XMLStreamError) -> StreamEvent? {
        switch event {
        case .startElement(let name, let namespace, let attributes, let declaredDefaultNamespace):
            let header = try Self.makeHeader(
                name: name,
                namespace: namespace,
                attributes: attributes,
                declaredDefaultNamespace: declaredDefaultNamespace
            )
            state = .open
            return .opened(header)
        case .text(let text):
            guard Self.isWhitespace(text) else { throw .textOutsideStanza }
            return nil
        case .endElement:
            throw .notWellFormed(parserCode: 0)
        }
    }

    private mutating func receiveInStream(_ event: XMLEvent) throws(XMLStreamError) -> StreamEvent? {
        switch event {
        case .startElement(let name, let namespace, let attributes, _):
            if openElements.isEmpty && name == "stream" && namespace == Namespace.stream {
                throw .unexpectedStreamHeader
            }
            guard openElements.count < limits.maximumDepth else { throw .limitExceeded(.depth) }
            guard attributes.count <= limits.maximumAttributes else { throw .limitExceeded(.attributes) }
            openElements.append(Element(name, namespace: namespace, attributes: attributes))
            return nil
        case .text(let text):
            let count = text.utf8.count
            if openElements.isEmpty {
                guard count <= limits.maximumTextBytes else { throw .limitExceeded(.textBytes) }
                guard Self.isWhitespace(text) else { throw .textOutsideStanza }
                return nil
            }
            textBytes += count
            guard textBytes <= limits.maximumTextBytes else { throw .limitExceeded(.textBytes) }
            openElements[openElements.count - 1].append(text: text)
            return nil
        case .endElement:
            guard let finished = openElements.popLast() else {
                state = .closed
                return .closed
            }
            guard !openElements.isEmpty else {
                textBytes = 0
                return .element(finished)
            }
            openElements[openElements.count - 1].append(finished)
            return nil
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
