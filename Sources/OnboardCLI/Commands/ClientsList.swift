import ArgumentParser
import Localization
import ProviderCatalogue

/// `xmpp-onboard clients list [--platform P]`: the apps for a platform, with OMEMO, calls and where to get them.
struct ClientsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the XMPP apps our guides recommend, optionally for one platform."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "android, ios, linux, windows, macos, web or terminal.")
    var platform: Platform?

    @Flag(help: "Print a JSON array of clients.json entries instead of a table.")
    var json = false

    func run() async throws {
        let session = CatalogueSession(global: global)
        let catalogue = try session.loadClients()
        let apps = catalogue.apps(for: platform)
        if json {
            session.context.output.result(JSONValue.array(apps.map(\.jsonValue)).serialized(indent: 2))
            return
        }
        let localizer = session.context.localizer
        let text = session.text
        var table = TextTable(columns: [
            .init(localizer.text("clients.column.app"), priority: 0),
            .init(localizer.text("clients.column.platforms"), priority: 2),
            .init(localizer.text("clients.column.omemo"), priority: 1),
            .init(localizer.text("clients.column.calls"), priority: 3),
            .init(localizer.text("clients.column.get"), priority: 0, isFlexible: true),
        ])
        for app in apps {
            let install = platform.map { app.links.install(on: $0) } ?? [app.links.website].compactMap { $0 }
            table.rows.append([
                text.neutral(app.name, maximumLength: 60),
                app.platforms.map(\.rawValue).joined(separator: ","),
                omemo(app.omemo, localizer: session.context.localizer),
                calls(app.calls, localizer: session.context.localizer),
                text.neutral(install.first?.absoluteString ?? "–"),
            ])
        }
        let width = TerminalSize.standardOutputColumns(environment: session.environment)
        session.context.output.result(table.render(width: width).joined(separator: "\n"))
    }

    private func omemo(_ omemo: ClientApp.OMEMOSupport, localizer: Localizer) -> String {
        guard omemo.isSupported else { return localizer.text("clients.omemo.none") }
        let version =
            omemo.legacy && omemo.v2
            ? localizer.text("clients.omemo.both")
            : omemo.v2 ? localizer.text("clients.omemo.v2") : localizer.text("clients.omemo.legacy")
        return omemo.defaultOn ? localizer.text("clients.omemo.default-on", ["version": version]) : version
    }

    private func calls(_ calls: ClientApp.CallSupport, localizer: Localizer) -> String {
        if calls.group { return localizer.text("clients.calls.group") }
        if calls.video { return localizer.text("clients.calls.video") }
        if calls.audio { return localizer.text("clients.calls.audio") }
        return localizer.text("clients.calls.none")
    }
}
