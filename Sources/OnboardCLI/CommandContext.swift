import FoundationEssentials
import Localization
import ResourceLocation
import XMPPCore

/// What every command needs: localized text, data-file lookup and the output streams.
struct CommandContext: Sendable {
    let localizer: Localizer
    let locator: ResourceLocator
    let output: Output
    /// How the language was chosen (`--lang`, `LC_ALL`/`LC_MESSAGES`/`LANG`, or the English fallback).
    let languageResolution: LanguageResolver.Resolution

    /// Resolves the language (``LanguageResolver``: `--lang`, then the locale environment, then English) and
    /// loads only that language's messages and English's. Warns on stderr when `--lang` names a language that
    /// is not shipped.
    init(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let locator = ResourceLocator(explicitDirectory: global.dataDir, environment: environment)
        self.locator = locator
        let available = LocaleDirectory(locator: locator)?.languages ?? []
        let resolution = LanguageResolver(available: available).resolve(explicit: global.lang, environment: environment)
        self.languageResolution = resolution
        self.localizer = Localizer(language: resolution.language, locator: locator)
        self.output = Output(color: global.color, environment: environment)
        if let requested = resolution.unavailableRequest {
            output.warning(
                localizer.text("warning.label"),
                localizer.text(
                    "l10n.warning.unavailable-language",
                    ["language": TerminalText.neutralized(requested, maximumLength: 40)]))
        }
    }
}
