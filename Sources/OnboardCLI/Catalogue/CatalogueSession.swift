import ArgumentParser
import FoundationEssentials
import ProviderCatalogue

/// Loads the catalogues for a command and reports problems on stderr the same way everywhere.
struct CatalogueSession {
    let context: CommandContext
    let text: CatalogueText
    let location: CatalogueLocation
    let environment: [String: String]

    init(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        context = CommandContext(global: global, environment: environment)
        text = CatalogueText(localizer: context.localizer)
        location = CatalogueLocation(explicitDirectory: global.dataDir, environment: environment)
        self.environment = environment
    }

    /// The provider catalogue in loading order; damaged candidates are skipped with a warning.
    func loadProviders() throws -> CatalogueLocation.Loaded {
        do {
            let loaded = try location.load()
            for skipped in loaded.skipped {
                context.output.warning(context.localizer.text("warning.label"), text.loadError(skipped.error))
            }
            return loaded
        } catch {
            context.output.error(context.localizer.text("error.label"), text.loadError(error))
            throw ExitStatus.failure.exitCode
        }
    }

    /// `clients.json` through the resource locator; problems in entries are warnings.
    func loadClients() throws -> ClientCatalogue {
        do {
            let catalogue = try ClientCatalogue.load(locator: context.locator)
            if catalogue.issues.containsErrors {
                context.output.warning(
                    context.localizer.text("warning.label"),
                    context.localizer.text(
                        "clients.warning.invalid-entries",
                        ["count": String(catalogue.issues.filter { $0.severity == .error }.count)]))
            }
            return catalogue
        } catch let error as CatalogueLoadError {
            context.output.error(context.localizer.text("error.label"), text.loadError(error))
            throw ExitStatus.failure.exitCode
        }
    }

    /// The language for localized provider pages: `--lang`, else the message language.
    var pageLanguage: String { context.localizer.language }

    /// Country and language from the POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), e.g. `de_AT.UTF-8` →
    /// (`at`, `de`); `C`/`POSIX` give nothing.
    var localeDefaults: (country: String?, language: String?) {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let value, value != "C", value != "POSIX", !value.hasPrefix("C.") else { return (nil, nil) }
        let base = value.split(separator: ".").first.map(String.init) ?? value
        let parts = base.split(separator: "_")
        let language = parts.first.map { $0.lowercased() }
        let country = parts.count > 1 ? parts[1].prefix(2).lowercased() : nil
        return (country, language)
    }
}
