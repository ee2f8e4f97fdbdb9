import FoundationEssentials

/// The provider catalogue: `providers.json` decoded and validated (architecture.md §6, protocols.md §12).
///
/// The file is an object `{"format": "xmpp-providers-v2", "source": URL, "retrieved": "YYYY-MM-DD",
/// "providers": [entry…]}`; a bare upstream v2 array is accepted too, so upstream lists drop in. Validation
/// collects every problem (`issues`); entries with errors are left out of `providers`.
public struct Catalogue: Sendable {
    /// The file name looked up through the loading order (`CatalogueLocation`).
    public static let fileName = "providers.json"
    /// The `format` value of our wrapper object.
    public static let format = "xmpp-providers-v2"

    /// Metadata of the wrapper object; empty strings for a bare array.
    public struct Metadata: Sendable, Hashable {
        public var format: String
        /// Where the upstream entries came from.
        public var source: String
        /// When they were retrieved, `YYYY-MM-DD`.
        public var retrieved: String
        /// Our remark on the file (data, English), if any.
        public var note: String?

        public init(format: String = Catalogue.format, source: String = "", retrieved: String = "", note: String? = nil)
        {
            self.format = format
            self.source = source
            self.retrieved = retrieved
            self.note = note
        }
    }

    public var metadata: Metadata
    /// Valid entries in file order.
    public var providers: [Provider]
    /// Every problem found (errors and warnings).
    public var issues: [CatalogueIssue]

    public init(metadata: Metadata = Metadata(), providers: [Provider], issues: [CatalogueIssue] = []) {
        self.metadata = metadata
        self.providers = providers
        self.issues = issues
    }

    /// Parses and validates a document. Throws only if the bytes are not JSON.
    public init(parsing data: some Sequence<UInt8>) throws(JSONSyntaxError) {
        self = Self.validate(try JSONParser.parse(data))
    }

    /// Validates a parsed document (object with metadata, or bare array), collecting every problem.
    public static func validate(_ document: JSONValue) -> Catalogue {
        let log = IssueLog()
        var metadata = Metadata(format: "", source: "", retrieved: "")
        let entries: [JSONValue]
        switch document {
        case .array(let array):
            entries = array
        case .object(let object):
            let reader = FieldReader(object: object, path: "", subject: nil, log: log)
            reader.warnAboutUnknownKeys(["format", "source", "retrieved", "note", "providers"])
            if let format = reader.string("format") {
                metadata.format = format
                if format != Self.format { reader.report(.unknownValue, "format", detail: format) }
            }
            if let source = reader.string("source") {
                metadata.source = source
                _ = reader.checkedURL(source, at: "source")
            }
            metadata.retrieved = reader.date("retrieved") ?? ""
            metadata.note = reader.string("note", required: false)
            let providers = reader.value("providers", required: true)
            if let providers, providers.arrayValue == nil {
                reader.wrongType("providers", expected: "array", found: providers)
            }
            entries = providers?.arrayValue ?? []
        default:
            log.report(CatalogueIssue(.wrongType, path: "$", detail: "object/\(document.typeName)"))
            entries = []
        }

        var providers: [Provider] = []
        var owners: [String: String] = [:]  // lower-cased domain → JID of the valid entry that has it
        var seenJIDs: Set<String> = []
        for (position, value) in entries.enumerated() {
            let path = "providers[\(position)]"
            guard case .object(let object) = value else {
                log.report(CatalogueIssue(.wrongType, path: path, detail: "object/\(value.typeName)"))
                continue
            }
            // A repeated JID is a problem even when the first entry with it was invalid.
            var isDuplicate = false
            if let jid = object["jid"]?.stringValue {
                if !seenJIDs.insert(jid.lowercased()).inserted {
                    log.report(CatalogueIssue(.duplicate, path: "\(path).jid", subject: jid, detail: jid))
                    isDuplicate = true
                }
            }
            guard let provider = Provider(validating: object, path: path, log: log), !isDuplicate else { continue }
            owners[provider.jid.lowercased()] = provider.jid
            for (index, alternative) in provider.alternativeJIDs.enumerated() {
                if let owner = owners[alternative.lowercased()], owner != provider.jid {
                    log.report(
                        CatalogueIssue(
                            .duplicate, severity: .warning, path: "\(path).alternativeJids[\(index)]",
                            subject: provider.jid, detail: alternative))
                } else {
                    owners[alternative.lowercased()] = provider.jid
                }
            }
            providers.append(provider)
        }
        return Catalogue(metadata: metadata, providers: providers, issues: log.issues)
    }

    /// The provider whose JID or alternative JID is `domain` (case-insensitive).
    public func provider(_ domain: String) -> Provider? {
        providers.first { $0.jid.lowercased() == domain.lowercased() } ?? providers.first { $0.answers(to: domain) }
    }

    /// The document to write: our wrapper object with the entries as read.
    public func document() -> JSONValue {
        var object = JSONObject([
            ("format", .string(metadata.format.isEmpty ? Self.format : metadata.format)),
            ("source", .string(metadata.source)),
            ("retrieved", .string(metadata.retrieved)),
        ])
        if let note = metadata.note { object["note"] = .string(note) }
        object["providers"] = .array(providers.map { .object($0.entry) })
        return .object(object)
    }
}
