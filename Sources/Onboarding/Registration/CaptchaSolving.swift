import XMPPCore

/// Shows a CAPTCHA question and gets its answer while the registration stream waits (XEP-0158): the challenge
/// is tied to that stream and expires (ejabberd: 120 s), so the answer must come during the run.
///
/// The CLI implements it with a terminal image and a prompt, or with an answer file (`--captcha-answer-file`).
public protocol CaptchaSolving: Sendable {
    /// The answer to `question`. `image` is the fetched or inline media (`nil` when none could be loaded, for
    /// example a `qa` question, or a plain-http URL that is shown but not fetched); `attempt` starts at 1.
    func answer(
        _ question: CaptchaChallenge.Question,
        of challenge: CaptchaChallenge,
        image: CaptchaImage?,
        attempt: Int
    ) async throws -> String
}

/// The bytes of a CAPTCHA image, checked against the Bits of Binary limits (allowed type, size, signature).
public struct CaptchaImage: Sendable, Hashable {
    public var bytes: [UInt8]
    /// A normalized MIME type (`image/png`).
    public var contentType: String
    /// Where it came from: `cid:…` or the https URL.
    public var origin: String

    public init(bytes: [UInt8], contentType: String, origin: String) {
        self.bytes = bytes
        self.contentType = contentType
        self.origin = origin
    }

    /// The file name extension (`png`, `jpg`, `gif`).
    public var fileExtension: String {
        switch contentType {
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        case "image/png": "png"
        default: "bin"
        }
    }

    /// The content type recognized from the bytes' signature (PNG, JPEG, GIF), `nil` otherwise.
    public static func sniffedContentType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        return nil
    }
}
