import FoundationEssentials
import ProviderCatalogue
import XMPPCore

/// Loads the bytes behind a CAPTCHA question's preferred media (protocols.md §5.3): inline Bits of Binary data
/// as decoded by the core, or an `https:` URL fetched with `CatalogueFetcher` (https only, redirects checked).
/// Plain `http:` and unresolved `cid:` give `nil` here: the first is shown, never fetched silently; the second
/// is fetched over XMPP by the session before this is called.
struct CaptchaMediaLoader: Sendable {
    var timeout: Double
    var limits: BitsOfBinaryData.Limits = .default

    func image(for media: CaptchaMedia) async -> CaptchaImage? {
        switch media.source {
        case .inline(let data):
            guard data.contentType.hasPrefix("image/") else { return nil }
            return CaptchaImage(bytes: data.bytes, contentType: data.contentType, origin: "cid:" + data.contentID)
        case .https(let url):
            guard let target = URL(string: url.text) else { return nil }
            let bytes: [UInt8]
            do {
                bytes = try await CatalogueFetcher(downloader: HTTPDocumentDownloader(), timeout: timeout).download(target)
            } catch {
                return nil
            }
            guard bytes.count <= limits.maximumBytes, let type = CaptchaImage.sniffedContentType(bytes),
                limits.allows(type)
            else { return nil }
            return CaptchaImage(bytes: bytes, contentType: type, origin: url.text)
        case .unresolvedContentID, .insecureHTTP, .invalidInline, .rejected:
            return nil
        }
    }
}
