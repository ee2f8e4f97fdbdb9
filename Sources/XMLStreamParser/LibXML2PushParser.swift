import CLibXML2
import XMPPCore

/// libxml2 must be initialized once per process before parsers are created on several threads.
private let libraryInitialization: Void = xmlInitParser()

/// libxml2's SAX2 push parser configured for XMPP streams (security.md §4.4): bytes in, `XMLEvent`s out.
///
/// - Options `XML_PARSE_NONET | XML_PARSE_IGNORE_ENC` (plus `XML_PARSE_NO_XXE` on libxml2 ≥ 2.13); never `NOENT`,
///   `DTDLOAD`, `DTDATTR`, `DTDVALID`, `HUGE` or `RECOVER`.
/// - DOCTYPE (internal or external subset), entity, element, attribute and notation declarations, entity
///   references other than the predefined five, comments and processing instructions are recorded as
///   `restricted-xml` and stop the parser (`xmlStopParser`), as is an XML declaration with a version other
///   than 1.0 or `standalone="no"`.
/// - Every libxml2 error (not warnings) is fatal, including namespace errors that libxml2 itself would
///   continue after; `wellFormed` and `nsWellFormed` are checked after each chunk as well.
/// - Attribute values get libxml2's `&#38;` back to `&` (quirk 1, architecture.md §4.2); adjacent `characters`
///   and CDATA callbacks are joined into one `.text` (quirk 2). A run of text longer than `maximumTextBytes`
///   stops the parser, which bounds what entity expansion could ever deliver.
///
/// This layer enforces no byte, depth or attribute limits: `StreamReader` does that before bytes get here.
/// Not thread-safe; one instance per stream (a stream restart needs a new parser, security.md §4.4.1).
package final class LibXML2PushParser {
    private(set) var context: xmlParserCtxtPtr?
    private let maximumTextBytes: Int
    private let maximumUnparsedBytes: Int
    /// Events completed during the current `parse(_:)` call.
    private var events: [XMLEvent] = []
    /// Character data not yet emitted: joined until the next tag.
    private var pendingText: [UInt8] = []
    /// For each open element, whether it declares a default namespace.
    private var declaresDefaultNamespace: [Bool] = []
    private var openDefaultNamespaceDeclarations = 0
    private(set) var failure: XMLStreamError?

    /// Whether attribute values get `&#38;` decoded; `false` only in tests that pin libxml2's quirk.
    private let decodesAmpersands: Bool

    /// Character data libxml2 has handed over so far, for tests that bound delivered data.
    package private(set) var deliveredTextBytes = 0
    /// `characters`/`cdataBlock` callbacks so far, for tests that pin how libxml2 splits text.
    package private(set) var characterCallbackCount = 0

    /// Creates a parser context.
    ///
    /// - Parameters:
    ///   - maximumTextBytes: bounds one run of character data.
    ///   - maximumUnparsedBytes: bounds the input libxml2 holds without having parsed it. The push parser waits
    ///     for the end of a construct before parsing it; a construct that never ends (or a libxml2 heuristic that
    ///     keeps waiting) must not make it buffer without limit.
    package init(maximumTextBytes: Int, maximumUnparsedBytes: Int, decodesAmpersands: Bool = true) {
        _ = libraryInitialization
        self.maximumTextBytes = maximumTextBytes
        self.maximumUnparsedBytes = maximumUnparsedBytes
        self.decodesAmpersands = decodesAmpersands
        var handler = Self.makeSAXHandler()
        let userData = Unmanaged.passUnretained(self).toOpaque()
        // libxml2 copies the handler; the context keeps `userData` and passes it to every callback.
        context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, nil)
        guard let context else {
            failure = .notWellFormed(parserCode: Int(XML_ERR_NO_MEMORY.rawValue))
            return
        }
        let options =
            Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
            | clibxml2_version_specific_options()
        xmlCtxtUseOptions(context, options)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next bytes of the stream and returns the events they complete.
    ///
    /// - Throws: the first `XMLStreamError` found; the parser is then unusable and throws it again.
    package func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLStreamError) -> [XMLEvent] {
        if let failure { throw failure }
        guard let context, let base = bytes.baseAddress else { return [] }
        defer { events.removeAll(keepingCapacity: true) }
        var start = 0
        while start < bytes.count {
            let length = min(bytes.count - start, 1 << 16)
            let status = (base + start).withMemoryRebound(to: CChar.self, capacity: length) {
                xmlParseChunk(context, $0, Int32(length), 0)
            }
            start += length
            if failure == nil, status != 0 || context.pointee.wellFormed == 0 || context.pointee.nsWellFormed == 0 {
                let code = status != 0 ? status : context.pointee.errNo
                failure = .notWellFormed(parserCode: Int(code))
            }
            if failure == nil, let input = context.pointee.input, let cur = input.pointee.cur,
                let end = input.pointee.end, end - cur > maximumUnparsedBytes
            {
                fail(.limitExceeded(.stanzaBytes))
            }
            if let failure { throw failure }
        }
        return events
    }

    // MARK: - Callbacks (called by libxml2 through the handler in LibXML2PushParser+SAXHandler.swift)

    /// Records the first error and stops libxml2 before it reads further.
    func fail(_ error: XMLStreamError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// `startDocument`: runs after the XML declaration, if any (XML 1.0 §2.8).
    func startDocument() {
        guard let context else { return }
        let version = context.pointee.version.map { String(cString: $0) }
        // Without a declaration libxml2 records its default, "1.0"; `standalone` is -1 when absent.
        if version != "1.0" || context.pointee.standalone == 0 { fail(.restrictedXML(.xmlDeclaration)) }
    }

    func startElement(
        localName: UnsafePointer<xmlChar>?,
        prefix: UnsafePointer<xmlChar>?,
        uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int,
        namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return fail(.notWellFormed(parserCode: 0)) }
        emitPendingText()
        guard let localName else { return fail(.notWellFormed(parserCode: 0)) }

        // Namespace declarations come as (prefix, URI) pairs; a nil prefix is `xmlns='…'`.
        var declaredDefaultNamespace: String?
        for index in 0..<namespaceCount where namespaces?[2 * index] == nil {
            declaredDefaultNamespace = namespaces?[2 * index + 1].map { String(cString: $0) } ?? ""
        }
        declaresDefaultNamespace.append(declaredDefaultNamespace != nil)
        if declaredDefaultNamespace != nil { openDefaultNamespaceDeclarations += 1 }

        let namespace: String
        if let uri {
            namespace = String(cString: uri)
        } else if prefix != nil {
            return fail(.notWellFormed(parserCode: Int(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue)))
        } else if openDefaultNamespaceDeclarations > 0 {
            namespace = ""  // `xmlns=''` in scope
        } else {
            namespace = Namespace.client  // RFC 6120 §4.8.2: the content namespace of a client stream
        }

        // Attributes come as (localname, prefix, URI, value start, value end) quintuples.
        var decoded: [Element.Attribute] = []
        decoded.reserveCapacity(attributeCount)
        for index in 0..<attributeCount {
            guard let fields = attributes?.advanced(by: 5 * index),
                let attributeName = fields[0], let valueStart = fields[3], let valueEnd = fields[4]
            else { return fail(.notWellFormed(parserCode: 0)) }
            var name = String(cString: attributeName)
            if let attributePrefix = fields[1] { name = String(cString: attributePrefix) + ":" + name }
            let bytes = UnsafeBufferPointer(start: valueStart, count: valueEnd - valueStart)
            guard let value = decodesAmpersands ? Self.attributeValue(bytes) : String(validating: bytes, as: UTF8.self)
            else { return fail(.notWellFormed(parserCode: Int(XML_ERR_INVALID_CHAR.rawValue))) }
            decoded.append(Element.Attribute(name, value))
        }
        events.append(
            .startElement(
                name: String(cString: localName),
                namespace: namespace,
                attributes: decoded,
                declaredDefaultNamespace: declaredDefaultNamespace
            )
        )
    }

    func endElement() {
        guard failure == nil else { return fail(.notWellFormed(parserCode: 0)) }
        emitPendingText()
        if declaresDefaultNamespace.popLast() == true { openDefaultNamespaceDeclarations -= 1 }
        events.append(.endElement)
    }

    /// `characters`, `ignorableWhitespace` and `cdataBlock`.
    func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
        guard failure == nil else { return fail(.notWellFormed(parserCode: 0)) }
        guard let bytes, count > 0 else { return }
        deliveredTextBytes += count
        characterCallbackCount += 1
        guard pendingText.count + count <= maximumTextBytes else { return fail(.limitExceeded(.textBytes)) }
        pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// `serror`: libxml2's structured error channel. Warnings are ignored; every error is fatal.
    func libraryError(code: Int32, level: xmlErrorLevel) {
        guard level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        switch xmlParserErrors(rawValue: UInt32(bitPattern: code)) {
        case XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_UNKNOWN_ENCODING:
            failure = .unsupportedEncoding
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY, XML_ERR_ENTITY_PE_INTERNAL:
            failure = .restrictedXML(.entityReference)
        default:
            failure = .notWellFormed(parserCode: Int(code))
        }
    }

    // MARK: - Helpers

    private func emitPendingText() {
        guard !pendingText.isEmpty else { return }
        defer { pendingText = [] }
        guard let text = String(validating: pendingText, as: UTF8.self) else {
            return fail(.notWellFormed(parserCode: Int(XML_ERR_INVALID_CHAR.rawValue)))
        }
        events.append(.text(text))
    }

    /// Decodes an attribute value as libxml2 delivers it without `XML_PARSE_NOENT`: every `&` the peer encoded
    /// (`&amp;`, `&#38;`, `&#x26;`) arrives as the five characters `&#38;`, and a raw `&` cannot occur.
    static func attributeValue(_ bytes: UnsafeBufferPointer<xmlChar>) -> String? {
        guard let value = String(validating: bytes, as: UTF8.self) else { return nil }
        guard bytes.contains(UInt8(ascii: "&")) else { return value }
        return value.replacing("&#38;", with: "&")
    }
}
