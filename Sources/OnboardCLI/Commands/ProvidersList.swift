import ArgumentParser
import ProviderCatalogue

/// `xmpp-onboard providers list`: a table of providers (or their v2 entries as JSON).
struct ProvidersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List providers, best category first.",
        discussion: """
            --category B means B or better, as the upstream lists do. --language matches the languages of a \
            provider's pages (website, legal notice, support). With --json, prints the matching entries in the \
            XMPP Providers v2 format as a JSON array.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this category or better: A, B, C or D.")
    var category: ProviderCategory?

    @Option(help: "Only providers with a server in this country (ISO 3166-1 code, e.g. de).")
    var country: String?

    @Option(help: "Only providers whose pages are in this language (e.g. fr, pt-BR).")
    var language: String?

    @Flag(help: "Only providers that are free of charge.")
    var free = false

    @Flag(name: .customLong("in-band"), help: "Only providers that allow registration from an app (XEP-0077).")
    var inBand = false

    @Flag(name: .customLong("no-captcha"), help: "Leave out providers that ask for a CAPTCHA when registering.")
    var noCAPTCHA = false

    @Flag(help: "Print a JSON array of v2 entries instead of a table.")
    var json = false

    func validate() throws {
        if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError(CommandContext(global: global).localizer.text("providers.error.country-code"))
        }
    }

    func run() async throws {
        let session = CatalogueSession(global: global)
        let catalogue = try session.loadProviders().catalogue
        let filter = ProviderFilter(
            category: category, country: country, language: language, freeOfChargeOnly: free, inBandOnly: inBand,
            withoutCAPTCHA: noCAPTCHA)
        let providers = catalogue.providers(matching: filter)

        if json {
            let array = JSONValue.array(providers.map { .object($0.entry) })
            session.context.output.result(array.serialized(indent: 2))
            return
        }
        let localizer = session.context.localizer
        guard !providers.isEmpty else {
            session.context.output.diagnostic(localizer.text("providers.list.none"))
            return
        }
        let text = session.text
        var table = TextTable(columns: [
            .init(localizer.text("providers.column.provider"), priority: 0, isFlexible: true),
            .init(localizer.text("providers.column.category"), priority: 0),
            .init(localizer.text("providers.column.registration"), priority: 1),
            .init(localizer.text("providers.column.country"), priority: 2),
            .init(localizer.text("providers.column.free"), priority: 3),
            .init(localizer.text("providers.column.upload"), priority: 4, alignsRight: true),
            .init(localizer.text("providers.column.history"), priority: 5, alignsRight: true),
            .init(localizer.text("providers.column.since"), priority: 6),
        ])
        for provider in providers {
            table.rows.append([
                text.neutral(provider.jid, maximumLength: 253),
                provider.category.rawValue,
                text.registration(provider.registrationMethod),
                provider.serverLocations.isEmpty
                    ? "–" : text.neutral(provider.serverLocations.joined(separator: ",")),
                text.yesNo(provider.isFreeOfCharge),
                text.size(provider.maximumUploadFileSize),
                text.duration(provider.messageArchiveStorageTime),
                text.neutral(provider.since, maximumLength: 10),
            ])
        }
        let width = TerminalSize.standardOutputColumns(environment: session.environment)
        session.context.output.result(table.render(width: width).joined(separator: "\n"))
    }
}

extension ProviderCategory: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
