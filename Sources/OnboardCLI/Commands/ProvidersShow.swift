import ArgumentParser
import FoundationEssentials
import ProviderCatalogue

/// `xmpp-onboard providers show DOMAIN`: everything known about one provider.
struct ProvidersShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one provider's details.",
        discussion: """
            A domain that the catalogue does not list is looked up in the provider's own file, \
            https://DOMAIN/.well-known/xmpp-provider-v2.json, unless --offline is given. --from reads such a file \
            from another URL or a local path instead.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The provider's domain, for example jabber.fr.")
    var domain: String

    @Flag(help: "Print the provider's v2 entry as JSON.")
    var json = false

    @Flag(help: "Read the provider's own file even if the catalogue lists the domain.")
    var fetch = false

    @Flag(help: "Never use the network.")
    var offline = false

    @Option(name: .customLong("from"), help: "Read the provider file from this https URL or local file.")
    var providerFile: String?

    func validate() throws {
        if fetch && offline {
            throw ValidationError(CommandContext(global: global).localizer.text("providers.error.fetch-offline"))
        }
    }

    func run() async throws {
        let session = CatalogueSession(global: global)
        let localizer = session.context.localizer
        let catalogue = try session.loadProviders().catalogue
        let listed = catalogue.provider(domain)

        var provider = listed
        if providerFile != nil || fetch || (listed == nil && !offline) {
            provider = try await readProviderFile(session) ?? (fetch ? listed : nil)
        }
        guard let provider else {
            session.context.output.error(
                localizer.text("error.label"),
                localizer.text("providers.show.not-found", ["domain": session.text.neutral(domain)]))
            throw ExitStatus.failure.exitCode
        }
        if json {
            session.context.output.result(JSONValue.object(provider.entry).serialized(indent: 2))
        } else {
            let lines = ProviderDetails(text: session.text, language: session.pageLanguage).lines(for: provider)
            session.context.output.result(lines.joined(separator: "\n"))
        }
    }

    /// The provider file's provider, or `nil` after reporting why not.
    private func readProviderFile(_ session: CatalogueSession) async throws -> Provider? {
        let localizer = session.context.localizer
        let output = session.context.output
        let normalized = domain.lowercased()
        do {
            let bytes: [UInt8]
            let fetcher = CatalogueFetcher.commandLine()
            if let providerFile {
                bytes = try await fetcher.fetch(try UpdateSource(parsing: providerFile))
            } else if !offline, let url = ProviderFile.url(for: normalized) {
                output.diagnostic(
                    localizer.text("providers.show.fetching", ["url": session.text.neutral(url.absoluteString)]))
                bytes = try await fetcher.download(url)
            } else {
                return nil
            }
            let (provider, issues) = try ProviderFile.provider(domain: normalized, parsing: bytes)
            for issue in issues {
                output.warning(localizer.text("warning.label"), session.text.issue(issue))
            }
            return provider
        } catch let error as CatalogueFetcher.FetchError {
            output.warning(localizer.text("warning.label"), FetchErrorText(text: session.text).message(error))
            return nil
        } catch let error as JSONSyntaxError {
            output.warning(localizer.text("warning.label"), session.text.syntaxError(error))
            return nil
        }
    }
}
