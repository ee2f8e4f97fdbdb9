import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Where `providers update` takes a list from.
public enum UpdateSource: Sendable, Hashable, CustomStringConvertible {
    case url(URL)
    case file(String)

    /// The upstream A+B list, as Kaidan and Gajim use it (protocols.md §12.1).
    public static let defaultURL = URL(string: "https://data.xmpp.net/providers/v2/providers-B.json")

    /// `https://…` (or `http://` to a loopback address) is a URL; anything else is a file path.
    public init(parsing argument: String) throws(CatalogueFetcher.FetchError) {
        if argument.contains("://") {
            guard let url = URL(string: argument) else { throw .invalidURL(argument) }
            try CatalogueFetcher.checkPolicy(url)
            self = .url(url)
        } else {
            self = .file(argument)
        }
    }

    public var description: String {
        switch self {
        case .url(let url): url.absoluteString
        case .file(let path): path
        }
    }
}

/// Downloads catalogue documents with FoundationNetworking's `URLSession` (libcurl with the system OpenSSL and
/// trust store). HTTPS only; `http://` is allowed only to loopback addresses (tests). Redirects are checked
/// against the same policy.
public struct CatalogueFetcher: Sendable {
    /// Why a document could not be obtained.
    public enum FetchError: Error, Sendable, Hashable {
        case invalidURL(String)
        /// Not `https:` (and not `http:` on loopback).
        case insecureURL(String)
        /// The server answered with a non-2xx status.
        case httpStatus(Int)
        /// More than `maximumSize` bytes.
        case tooLarge(Int)
        /// Connection, DNS, TLS or timeout failure; the detail is the system's description.
        case transport(String)
        /// A local file could not be read.
        case unreadableFile(String)
    }

    /// The largest document accepted (the full D list is about 200 kB).
    public static let maximumSize = 16 * 1024 * 1024

    public var timeout: TimeInterval
    public var userAgent: String

    public init(timeout: TimeInterval = 30, userAgent: String = "xmpp-onboard") {
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// The bytes of `source`.
    public func fetch(_ source: UpdateSource) async throws(FetchError) -> [UInt8] {
        switch source {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path) }
            guard data.count <= Self.maximumSize else { throw .tooLarge(data.count) }
            return Array(data)
        case .url(let url):
            return try await download(url)
        }
    }

    /// Downloads `url` after checking the scheme policy.
    public func download(_ url: URL) async throws(FetchError) -> [UInt8] {
        try Self.checkPolicy(url)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration, delegate: RedirectGuard(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        let result: Result<(Data, URLResponse), FetchError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(returning: .failure(.transport(error.localizedDescription)))
                } else if let data, let response {
                    continuation.resume(returning: .success((data, response)))
                } else {
                    continuation.resume(returning: .failure(.transport("no response")))
                }
            }
            task.resume()
        }
        let (data, response) = try result.get()
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw .httpStatus(http.statusCode)
        }
        if let finalURL = response.url { try Self.checkPolicy(finalURL) }
        guard data.count <= Self.maximumSize else { throw .tooLarge(data.count) }
        return Array(data)
    }

    /// HTTPS, or HTTP to 127.0.0.0/8, `::1` or `localhost`.
    public static func checkPolicy(_ url: URL) throws(FetchError) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .invalidURL(url.absoluteString)
        }
        switch scheme {
        case "https": return
        case "http" where isLoopback(host): return
        default: throw .insecureURL(url.absoluteString)
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// Refuses redirects that leave the scheme policy.
private final class RedirectGuard: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard let url = request.url, (try? CatalogueFetcher.checkPolicy(url)) != nil else {
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }
}
