import Foundation
import Localization
import ResourceLocation

/// What every command needs: localized text, data-file lookup and the output streams.
struct CommandContext: Sendable {
    let localizer: Localizer
    let locator: ResourceLocator
    let output: Output

    init(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let locator = ResourceLocator(explicitDirectory: global.dataDir, environment: environment)
        self.locator = locator
        // TODO(#5): resolve from LC_ALL / LC_MESSAGES / LANG with fallbacks.
        self.localizer = Localizer(language: global.lang ?? "en", locator: locator)
        self.output = Output(color: global.color, environment: environment)
    }
}
