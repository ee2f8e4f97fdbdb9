/// One XEP-0221 media URI of a CAPTCHA challenge, resolved to what the client may do with it.
///
/// Order of preference (`CaptchaChallenge.Question.preferredMedia`): inline Bits of Binary data, an `https:`
/// URL to fetch, a `cid:` to request with a BoB IQ; plain `http:` is only reported (never fetched silently) and
/// other schemes are rejected (displayed escaped).
public struct CaptchaMedia: Sendable, Hashable {
    /// Where the bytes are.
    public enum Source: Sendable, Hashable {
        /// `cid:` resolved from `<data/>` sent with the form, validated.
        case inline(BitsOfBinaryData)
        /// `cid:` whose data did not come with the form: fetch it with `BitsOfBinaryData.makeRequest`.
        case unresolvedContentID(String)
        /// `cid:` whose inline data was refused (too large, wrong type, bad base64, hash mismatch).
        case invalidInline(contentID: String, BitsOfBinaryData.Problem)
        /// An `https:` URL: may be fetched.
        case https(ServerURL)
        /// An `http:` URL: shown to the user, not fetched silently.
        case insecureHTTP(ServerURL)
        /// Any other scheme (`javascript:`, `data:`, `file:`…) or a malformed URL: display escaped only.
        case rejected(ServerURL)
    }

    /// The `<uri type=…/>` MIME type as sent (normalized), if any.
    public var contentType: String?
    public var width: Int?
    public var height: Int?
    public var source: Source

    public init(contentType: String?, width: Int? = nil, height: Int? = nil, source: Source) {
        self.contentType = contentType
        self.width = width
        self.height = height
        self.source = source
    }

    /// Resolves each `<uri/>` of `media` against the `<data/>` elements sent with the form.
    static func resolve(
        _ media: MediaElement,
        data: [Element],
        limits: BitsOfBinaryData.Limits,
        crypto: (any CryptoPrimitives)?
    ) -> [CaptchaMedia] {
        media.uris.map { uri in
            let url = ServerURL(uri.value)
            let source: Source
            switch url.kind {
            case .contentID:
                let contentID = url.contentID ?? ""
                switch BitsOfBinaryData.find(contentID, in: data, limits: limits, verifyingWith: crypto) {
                case .success(let decoded)?: source = .inline(decoded)
                case .failure(let problem)?: source = .invalidInline(contentID: contentID, problem)
                case nil: source = .unresolvedContentID(contentID)
                }
            case .https: source = .https(url)
            case .http: source = .insecureHTTP(url)
            case .rejected: source = .rejected(url)
            }
            return CaptchaMedia(
                contentType: uri.contentType.map(BitsOfBinaryData.normalizedContentType),
                width: media.width, height: media.height, source: source)
        }
    }

    /// Inline data replacing an unresolved `cid:` after a BoB fetch (XEP-0231 §3).
    public func resolved(with data: BitsOfBinaryData) -> CaptchaMedia {
        guard case .unresolvedContentID(let contentID) = source, contentID == data.contentID else { return self }
        var copy = self
        copy.source = .inline(data)
        return copy
    }

    /// Rank for `preferredMedia`: lower is better; `nil` for media that cannot be shown.
    var preference: Int? {
        switch source {
        case .inline: 0
        case .https: 1
        case .unresolvedContentID: 2
        case .insecureHTTP: 3
        case .invalidInline, .rejected: nil
        }
    }
}
