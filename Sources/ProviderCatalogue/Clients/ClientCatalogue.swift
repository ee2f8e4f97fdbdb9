import FoundationEssentials
import ResourceLocation

/// The apps in `clients.json` (beside `providers.json`): one entry per app our guides recommend.
///
/// File shape: `{"format": "xmpp-onboard-clients-1", "retrieved": "YYYY-MM-DD", "clients": [ … ]}`.
/// Loading keeps the valid entries and reports every problem in `issues` (entries with errors are dropped).
public struct ClientCatalogue: Sendable {
    /// The file name looked up through `ResourceLocator`.
    public static let fileName = "clients.json"
    /// The `format` value this version writes and reads.
    public static let format = "xmpp-onboard-clients-1"

    /// The valid apps in file order.
    public let apps: [ClientApp]
    /// Every problem found while reading (errors and warnings).
    public let issues: [CatalogueIssue]
    /// `retrieved` date of the file, if present.
    public let retrieved: String?

    public init(apps: [ClientApp], issues: [CatalogueIssue] = [], retrieved: String? = nil) {
        self.apps = apps
        self.issues = issues
        self.retrieved = retrieved
    }

    /// Parses and validates `clients.json` content. Throws only if the bytes are not JSON; everything else is
    /// reported in `issues`.
    public init(parsing data: some Sequence<UInt8>) throws(JSONSyntaxError) {
        let document = try JSONParser.parse(data)
        self = Self.validate(document)
    }

    /// Validates a parsed document, collecting every problem.
    public static func validate(_ document: JSONValue) -> ClientCatalogue {
        let log = IssueLog()
        let entries: [JSONValue]
        var retrieved: String?
        switch document {
        case .array(let array):
            entries = array
        case .object(let object):
            let reader = FieldReader(object: object, path: "", subject: nil, log: log)
            reader.warnAboutUnknownKeys(["format", "retrieved", "source", "note", "clients"])
            if let format = reader.string("format", required: false), format != Self.format {
                reader.report(.unknownValue, "format", detail: format)
            }
            retrieved = reader.date("retrieved", required: false)
            entries = reader.value("clients", required: true)?.arrayValue ?? []
            if let clients = object["clients"], clients.arrayValue == nil {
                reader.wrongType("clients", expected: "array", found: clients)
            }
        default:
            log.report(CatalogueIssue(.wrongType, path: "$", detail: "object/\(document.typeName)"))
            entries = []
        }

        var apps: [ClientApp] = []
        var seen: Set<String> = []
        for (position, entry) in entries.enumerated() {
            let path = "clients[\(position)]"
            guard case .object(let object) = entry else {
                log.report(CatalogueIssue(.wrongType, path: path, detail: "object/\(entry.typeName)"))
                continue
            }
            if let id = object["id"]?.stringValue {
                if seen.contains(id) {
                    log.report(CatalogueIssue(.duplicate, path: "\(path).id", subject: id, detail: id))
                    continue
                }
                seen.insert(id)
            }
            if let app = ClientApp(validating: object, path: path, log: log) { apps.append(app) }
        }
        return ClientCatalogue(apps: apps, issues: log.issues, retrieved: retrieved)
    }

    /// Loads `clients.json` from the first directory on `locator`'s search path that has one.
    public static func load(locator: ResourceLocator = ResourceLocator()) throws -> ClientCatalogue {
        guard let url = locator.locate(fileName) else { throw CatalogueLoadError.notFound(fileName) }
        return try load(contentsOf: url)
    }

    /// Loads and validates a file.
    public static func load(contentsOf url: URL) throws -> ClientCatalogue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogueLoadError.unreadable(url.path)
        }
        do {
            return try ClientCatalogue(parsing: data)
        } catch {
            throw CatalogueLoadError.syntax(url.path, error)
        }
    }

    /// The app with this id.
    public func app(id: String) -> ClientApp? { apps.first { $0.id == id } }

    /// The apps for `platform` (all apps when `nil`), in file order — the order our guides recommend them.
    public func apps(for platform: Platform?) -> [ClientApp] {
        guard let platform else { return apps }
        return apps.filter { $0.supports(platform) }
    }
}
