import ArgumentParser
import ProviderCatalogue

/// `xmpp-onboard providers recommend`: a few good providers for a newcomer, with the reasons.
struct ProvidersRecommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend providers for a new account and explain why.",
        discussion: """
            Category A providers with in-band registration come first; providers in your country are preferred \
            when at least 2 qualify, otherwise providers in your language. Country and language default to your \
            locale (LC_ALL, LC_MESSAGES, LANG). The choice is random among equals: --seed N makes it repeatable.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Your country (ISO 3166-1 code, e.g. de). Default: from the locale.")
    var country: String?

    @Option(help: "Your language (e.g. de, pt-BR). Default: from the locale.")
    var language: String?

    @Option(help: "The device you will chat on first: android, ios, linux, windows, macos, web or terminal.")
    var platform: Platform?

    @Option(help: "Seed for the random choice among equals, for a repeatable result.")
    var seed: UInt64?

    @Option(help: "How many providers to recommend.")
    var count = 3

    @Flag(name: .customLong("in-band"), help: "Only providers that allow registration from an app.")
    var inBand = false

    @Flag(name: .customLong("no-captcha"), help: "Leave out providers that ask for a CAPTCHA.")
    var noCAPTCHA = false

    @Flag(help: "Only providers that are free of charge.")
    var free = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError(CommandContext(global: global).localizer.text("providers.error.country-code"))
        }
        if count < 1 { throw ValidationError(CommandContext(global: global).localizer.text("providers.error.count")) }
    }

    func run() async throws {
        let session = CatalogueSession(global: global)
        let catalogue = try session.loadProviders().catalogue
        let defaults = session.localeDefaults
        var needs: RecommendationRequest.Needs = []
        if inBand { needs.insert(.inBandRegistration) }
        if noCAPTCHA { needs.insert(.noCAPTCHA) }
        if free { needs.insert(.freeOfCharge) }
        let request = RecommendationRequest(
            country: (country ?? defaults.country)?.lowercased(), language: language ?? defaults.language,
            platform: platform, needs: needs, count: count)
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        let recommendations = catalogue.recommend(for: request, seed: seed)
        let apps = platform.flatMap { platform in (try? session.loadClients())?.apps(for: platform) } ?? []

        let localizer = session.context.localizer
        if json {
            session.context.output.result(
                RecommendationJSON.document(recommendations, request: request, seed: seed, apps: apps).serialized(
                    indent: 2))
            return
        }
        guard !recommendations.isEmpty else {
            session.context.output.error(
                localizer.text("error.label"), localizer.text("providers.recommend.none"))
            throw ExitStatus.failure.exitCode
        }
        let explainer = RecommendationText(text: session.text, language: request.language ?? session.pageLanguage)
        var lines: [String] = []
        for recommendation in recommendations {
            lines += explainer.lines(for: recommendation)
            lines.append("")
        }
        if let platform, !apps.isEmpty {
            lines.append(
                localizer.text(
                    "providers.recommend.apps",
                    [
                        "platform": platform.rawValue,
                        "apps": apps.map { session.text.neutral($0.name) }.joined(separator: ", "),
                    ]))
        }
        lines.append(localizer.text("providers.recommend.seed", ["seed": String(seed)]))
        session.context.output.result(lines.joined(separator: "\n"))
    }
}

extension Platform: ExpressibleByArgument {}
