import FoundationEssentials
import Onboarding
import ProviderCatalogue

extension CatalogueFetcher {
    /// The fetcher the commands use: the project's HTTPS client (system OpenSSL and trust store).
    static func commandLine() -> CatalogueFetcher {
        CatalogueFetcher(downloader: HTTPDocumentDownloader(), userAgent: "xmpp-onboard/\(OnboardCommand.version)")
    }
}
