import FoundationEssentials


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

/// One HTTP GET, performed by whoever can do I/O (the CLI injects the project's HTTPS client, which uses the
/// system OpenSSL and trust store); `ProviderCatalogue` itself opens no sockets.
public protocol DocumentDownloading: Sendable {
    /// GETs `url`; returns the status, the `Location` header (for redirects) and the body (at most
    /// `maximumSize` bytes, else `.tooLarge`).
    func get(_ url: URL, headers: [(String, String)], timeout: Double, maximumSize: Int) async throws(
        CatalogueFetcher.FetchError
    ) -> (status: Int, location: String?, body: [UInt8])
}

/// Downloads catalogue documents. HTTPS only; `http://` is allowed only to loopback addresses (tests).
/// Redirects (at most `maximumRedirects`) are followed only when each hop passes the same policy.
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
    /// Redirect hops followed before giving up.
    public static let maximumRedirects = 5

    public var timeout: TimeInterval
    public var userAgent: String
    public var downloader: any DocumentDownloading

    public init(downloader: any DocumentDownloading, timeout: TimeInterval = 30, userAgent: String = "xmpp-onboard") {
        self.downloader = downloader
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

    /// Downloads `url` after checking the scheme policy, following checked redirects.
    public func download(_ url: URL) async throws(FetchError) -> [UInt8] {
        var location = url
        for _ in 0...Self.maximumRedirects {
            try Self.checkPolicy(location)
            let headers = [("User-Agent", userAgent), ("Accept", "application/json")]
            let response = try await downloader.get(location, headers: headers, timeout: timeout, maximumSize: Self.maximumSize)
            switch response.status {
            case 200..<300:
                return response.body
            case 301, 302, 303, 307, 308:
                guard let target = response.location, let next = URL(string: target, relativeTo: location)?.absoluteURL else {
                    throw .httpStatus(response.status)
                }
                location = next
            default:
                throw .httpStatus(response.status)
            }
        }
        throw .transport("too many redirects")
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
        let bare = (host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
