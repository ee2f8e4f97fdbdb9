/// XEP-0231 Bits of Binary: `<data xmlns='urn:xmpp:bob' cid='sha1+HEX@bob.xmpp.org' type='image/png'
/// max-age='0'>BASE64</data>`, decoded defensively.
///
/// The payload comes from the server, so decoding enforces `Limits`: a size bound checked before decoding, a
/// content-type allow-list (PNG, JPEG, GIF, audio; never SVG or HTML), image signatures matching the declared
/// type, and — when a `CryptoPrimitives` is supplied — the `cid` hash (XEP-0231 §2).
public struct BitsOfBinaryData: Sendable, Hashable {
    /// What decoding accepts.
    public struct Limits: Sendable, Hashable {
        /// The largest decoded payload (XEP-0231 §3 suggests inline data stay under 8 KiB; CAPTCHAs are ~1 KiB).
        public var maximumBytes: Int
        /// Allowed MIME types; an entry ending in `/*` allows the whole top-level type.
        public var allowedContentTypes: [String]

        public init(maximumBytes: Int = 262_144, allowedContentTypes: [String] = Self.defaultContentTypes) {
            self.maximumBytes = maximumBytes
            self.allowedContentTypes = allowedContentTypes
        }

        public static let defaultContentTypes = ["image/png", "image/jpeg", "image/gif", "audio/*"]
        public static let `default` = Limits()

        /// Whether `contentType` (already normalized) is on the allow-list.
        public func allows(_ contentType: String) -> Bool {
            allowedContentTypes.contains { allowed in
                allowed.hasSuffix("/*") ? contentType.hasPrefix(String(allowed.dropLast())) : allowed == contentType
            }
        }
    }

    /// Why a `<data/>` element was not accepted.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a `<data xmlns='urn:xmpp:bob'/>` element, or no `cid`.
        case notBitsOfBinary
        /// The `type` is missing or not on the allow-list (normalized type, possibly empty).
        case contentTypeNotAllowed(String)
        /// The payload exceeds `Limits.maximumBytes` (the estimated decoded size).
        case tooLarge(Int)
        /// The text is not valid base64.
        case invalidBase64
        /// The payload is empty (a `<data/>` without content is a request, not data).
        case empty
        /// The bytes do not start with the signature of the declared image type.
        case contentDoesNotMatchType
        /// The `cid` names a hash this client cannot check (`md5`, unknown).
        case unsupportedHashAlgorithm(String)
        /// The `cid` is not `algo+hex@bob.xmpp.org`.
        case malformedContentID
        /// The payload's hash differs from the one in the `cid`.
        case hashMismatch
    }

    /// The `cid`, for example `sha1+8f35…@bob.xmpp.org`.
    public var contentID: String
    /// The normalized MIME type (lower case, no parameters).
    public var contentType: String
    /// `max-age` in seconds (`0`: do not cache), if given.
    public var maximumAge: Int?
    /// The decoded payload.
    public var bytes: [UInt8]
    /// Whether the `cid` hash was checked against `bytes` (only when decoding got a `CryptoPrimitives`).
    public var isHashVerified: Bool

    public init(contentID: String, contentType: String, maximumAge: Int? = nil, bytes: [UInt8], isHashVerified: Bool = false) {
        self.contentID = contentID
        self.contentType = contentType
        self.maximumAge = maximumAge
        self.bytes = bytes
        self.isHashVerified = isHashVerified
    }

    /// Decodes `<data xmlns='urn:xmpp:bob'/>`, checking `limits` and, with `crypto`, the `cid` hash.
    public init(
        parsing element: Element,
        limits: Limits = .default,
        verifyingWith crypto: (any CryptoPrimitives)? = nil
    ) throws(Problem) {
        guard element.is("data", Namespace.bitsOfBinary), let contentID = element[attribute: "cid"], !contentID.isEmpty
        else { throw .notBitsOfBinary }
        let contentType = Self.normalizedContentType(element[attribute: "type"] ?? "")
        guard !contentType.isEmpty, limits.allows(contentType) else { throw .contentTypeNotAllowed(contentType) }
        let text = element.text
        let estimated = Self.estimatedDecodedSize(text)
        guard estimated <= limits.maximumBytes else { throw .tooLarge(estimated) }
        guard let bytes = Self.decodeBase64(text) else { throw .invalidBase64 }
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maximumBytes else { throw .tooLarge(bytes.count) }
        guard Self.signatureMatches(bytes, contentType: contentType) else { throw .contentDoesNotMatchType }
        var verified = false
        if let crypto {
            try Self.verify(contentID: contentID, bytes: bytes, crypto: crypto)
            verified = true
        }
        self.init(
            contentID: contentID, contentType: contentType,
            maximumAge: element[attribute: "max-age"].flatMap { Int($0) }, bytes: bytes, isHashVerified: verified)
    }

    /// Finds and decodes the data for `contentID` among `elements`; `nil` when none has that `cid`.
    public static func find(
        _ contentID: String,
        in elements: [Element],
        limits: Limits = .default,
        verifyingWith crypto: (any CryptoPrimitives)? = nil
    ) -> Result<BitsOfBinaryData, Problem>? {
        guard let element = elements.first(where: { $0[attribute: "cid"] == contentID }) else { return nil }
        do {
            return .success(try BitsOfBinaryData(parsing: element, limits: limits, verifyingWith: crypto))
        } catch {
            return .failure(error)
        }
    }

    /// The request for data not sent inline (XEP-0231 §3): `<iq type='get'><data xmlns='urn:xmpp:bob' cid=…/></iq>`.
    public static func makeRequest(contentID: String, id: String, to: String? = nil) -> IQ {
        IQ(type: .get, id: id, to: to, payload: Element("data", namespace: Namespace.bitsOfBinary, ["cid": contentID]))
    }

    /// The file name extension for the content type (`png`, `jpg`, `gif`, else the subtype).
    public var fileExtension: String {
        switch contentType {
        case "image/png": "png"
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        default: String(contentType.split(separator: "/").last ?? "bin").filter { $0.isLetter || $0.isNumber }
        }
    }

    // MARK: - Checks

    static func normalizedContentType(_ raw: String) -> String {
        let base = raw.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(base).trimmingASCIIWhitespace().lowercased()
    }

    private static func signatureMatches(_ bytes: [UInt8], contentType: String) -> Bool {
        switch contentType {
        case "image/png": bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "image/jpeg": bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case "image/gif": bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
        default: true
        }
    }

    private static func verify(contentID: String, bytes: [UInt8], crypto: any CryptoPrimitives) throws(Problem) {
        guard let plus = contentID.firstIndex(of: "+"), let at = contentID.firstIndex(of: "@"), plus < at else {
            throw .malformedContentID
        }
        let algorithm = contentID[..<plus].lowercased()
        let expected = contentID[contentID.index(after: plus)..<at].lowercased()
        let hash: SCRAMHash
        switch algorithm {
        case "sha1", "sha-1": hash = .sha1
        case "sha256", "sha-256": hash = .sha256
        case "sha512", "sha-512": hash = .sha512
        default: throw .unsupportedHashAlgorithm(algorithm)
        }
        guard expected.count == hash.digestLength * 2 else { throw .malformedContentID }
        let digits = Array("0123456789abcdef")
        let actual = String(crypto.digest(hash, bytes).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
        guard actual == expected else { throw .hashMismatch }
    }
}

extension BitsOfBinaryData: CustomStringConvertible {
    /// `cid`, type and size; never the bytes.
    public var description: String {
        "BitsOfBinaryData(\(contentID), \(contentType), \(bytes.count) bytes)"
    }
}
