import Localization

extension CommandContext {
    /// The `locales/` directory; without one, prints `error: …` and throws the failure exit code.
    func requireLocaleDirectory() throws -> LocaleDirectory {
        guard let directory = LocaleDirectory(locator: locator) else {
            output.error(localizer.text("error.label"), localizer.text("l10n.error.no-locales"))
            throw ExitStatus.failure.exitCode
        }
        return directory
    }
}
