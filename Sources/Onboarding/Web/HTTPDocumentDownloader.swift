import FoundationEssentials
import ProviderCatalogue
import XMPPClient

/// `DocumentDownloading` over `XMPPClient.HTTPFetcher`; plain HTTP only to loopback (the policy is checked
/// again by `CatalogueFetcher` for every hop).
public struct HTTPDocumentDownloader: DocumentDownloading {
    public init() {}

    public func get(_ url: URL, headers: [(String, String)], timeout: Double, maximumSize: Int) async throws(
        CatalogueFetcher.FetchError
    ) -> (status: Int, location: String?, body: [UInt8]) {
        let fetcher = HTTPFetcher(timeout: timeout, maximumSize: maximumSize)
        do {
            let allowPlain = (try? CatalogueFetcher.checkPolicy(url)) != nil
            let response = try await fetcher.get(url, headers: headers, allowPlainHTTP: allowPlain)
            return (response.status, response.header("Location"), response.body)
        } catch HTTPFetcher.FetchError.tooLarge(let limit) {
            throw .tooLarge(limit)
        } catch HTTPFetcher.FetchError.plainHTTPNotAllowed(let text) {
            throw .insecureURL(text)
        } catch HTTPFetcher.FetchError.invalidURL(let text) {
            throw .invalidURL(text)
        } catch {
            throw .transport(Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? HTTPFetcher.FetchError {
        case .timedOut?: "timed out"
        case .tls(let tlsError)?: "TLS: \(tlsError)"
        case .connectionFailed(let detail)?: detail
        case .malformedResponse?: "malformed HTTP response"
        default: "\(error)"
        }
    }
}
