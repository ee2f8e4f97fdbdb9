import ArgumentParser
import FoundationEssentials
import ProviderCatalogue

/// `xmpp-onboard providers validate FILE`: every problem in a providers.json (or clients.json) file.
struct ProvidersValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a providers.json, an upstream v2 list or a clients.json file and report every problem.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 1 otherwise."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to check.")
    var file: String

    @Flag(help: "Print the problems as a JSON array.")
    var json = false

    func run() async throws {
        let session = CatalogueSession(global: global)
        let localizer = session.context.localizer
        let output = session.context.output
        guard let data = FileManager.default.contents(atPath: file) else {
            output.error(localizer.text("error.label"), session.text.loadError(.unreadable(file)))
            throw ExitStatus.failure.exitCode
        }
        let issues: [CatalogueIssue]
        let validEntries: Int
        do {
            let document = try JSONParser.parse(data)
            if case .object(let object) = document, object["clients"] != nil {
                let clients = ClientCatalogue.validate(document)
                (issues, validEntries) = (clients.issues, clients.apps.count)
            } else {
                let catalogue = Catalogue.validate(document)
                (issues, validEntries) = (catalogue.issues, catalogue.providers.count)
            }
        } catch {
            issues = [
                CatalogueIssue(.syntax, path: "$", detail: "\(error.line):\(error.column) \(error.reason.rawValue)")
            ]
            validEntries = 0
        }

        let errors = issues.filter { $0.severity == .error }.count
        if json {
            output.result(JSONValue.array(issues.map(Self.json)).serialized(indent: 2))
        } else {
            for issue in issues {
                let label =
                    issue.severity == .error
                    ? localizer.text("error.label") : localizer.text("warning.label")
                output.result("\(label): \(session.text.issue(issue))")
            }
            output.result(
                localizer.text(
                    "providers.validate.summary",
                    [
                        "file": session.text.neutral(file), "valid": String(validEntries), "errors": String(errors),
                        "warnings": String(issues.count - errors),
                    ]))
        }
        if errors > 0 { throw ExitStatus.failure.exitCode }
    }

    static func json(_ issue: CatalogueIssue) -> JSONValue {
        .object(
            JSONObject([
                ("severity", .string(issue.severity.rawValue)), ("kind", .string(issue.kind.rawValue)),
                ("path", .string(issue.path)), ("subject", issue.subject.map(JSONValue.string) ?? .null),
                ("detail", issue.detail.map(JSONValue.string) ?? .null),
            ]))
    }
}
