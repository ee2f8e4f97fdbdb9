import FoundationEssentials
import Glibc
import Localization
import Onboarding
import QRCode
import TerminalImage
import XMPPCore

/// Shows a CAPTCHA (XEP-0158) and gets the answer while the registration stream waits (issue #3).
///
/// The image is saved to a private file (0600 in a 0700 directory) and, on a terminal, drawn with libchafa;
/// the fallback URL is printed with a QR code (plain http only shown, never fetched). The answer comes from
/// `--captcha-answer-file` when given — after a `needs-input` JSON line naming the saved image — else from the
/// terminal prompt; without either, `PromptError.unavailable` (exit 64 naming the flag).
actor TerminalCaptchaSolver: CaptchaSolving {
    let context: CommandContext
    let prompter: TerminalPrompter
    let answerFile: AnswerFile?
    let timeout: Double
    let environment: [String: String]
    private var directory: String?

    init(context: CommandContext, prompter: TerminalPrompter, answerFilePath: String?, timeout: Double,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.context = context
        self.prompter = prompter
        self.answerFile = answerFilePath.map(AnswerFile.init(path:))
        self.timeout = timeout
        self.environment = environment
    }

    /// Why no answer came from the answer file.
    struct NoAnswer: Error {
        let path: String
        let failure: LineReader.Failure
    }

    func answer(
        _ question: CaptchaChallenge.Question, of challenge: CaptchaChallenge, image: CaptchaImage?, attempt: Int
    ) async throws -> String {
        guard answerFile != nil || prompter.isInteractive else { throw PromptError.unavailable }
        let l = context.localizer
        let out = context.output
        out.diagnostic(l.text("captcha.title", ["attempt": String(attempt)]))
        if let fallback = challenge.fallbackText, !fallback.isEmpty, image == nil {
            out.diagnostic(TerminalText.neutralized(fallback, maximumLength: 300))
        }
        var savedPath: String?
        if let image {
            savedPath = try? save(image, attempt: attempt)
            if prompter.isInteractive { draw(image) }
            if let savedPath { out.diagnostic(l.text("captcha.saved", ["path": TerminalText.neutralized(savedPath)])) }
        }
        let url = Self.pageURL(question: question, challenge: challenge)
        if let url {
            let key: MessageKey = url.kind == .https ? "captcha.url" : "captcha.url-insecure"
            out.diagnostic(l.text(key, ["url": url.displayText]))
            if prompter.isInteractive, let matrix = try? QRMatrix(encoding: url.text),
                let text = try? matrix.terminalText(style: out.useColor ? .colored : .monochrome)
            {
                out.diagnostic(text)
            }
        }
        if let answerFile {
            let request = NeedsInputReport.captcha(
                question: question, imagePath: savedPath, url: url, answerFile: answerFile.path, attempt: attempt,
                timeout: timeout)
            out.result(JSONOutput.encode(request))
            out.diagnostic(l.text("captcha.waiting", ["path": TerminalText.neutralized(answerFile.path), "seconds": String(Int(timeout))]))
            do {
                return try await answerFile.nextLine(timeout: timeout).trimmingASCIIWhitespace()
            } catch {
                throw NoAnswer(path: answerFile.path, failure: error)
            }
        }
        return try await prompter.ask(.captcha(question)).trimmingASCIIWhitespace()
    }

    /// The web page with the challenge: a https/http media URL of the question, else ejabberd's fallback URL.
    static func pageURL(question: CaptchaChallenge.Question, challenge: CaptchaChallenge) -> ServerURL? {
        for media in question.media {
            switch media.source {
            case .https(let url), .insecureHTTP(let url): return url
            default: continue
            }
        }
        if let fallback = challenge.fallbackURL, fallback.isWebURL { return fallback }
        return nil
    }

    private func save(_ image: CaptchaImage, attempt: Int) throws -> String {
        let directory = try self.directory ?? makeDirectory()
        self.directory = directory
        let path = directory + "/captcha-\(attempt)." + image.fileExtension
        try CredentialFile.write(image.bytes, to: path, overwrite: true)
        return path
    }

    /// Deletes the saved images and their directory: call once the registration has ended (the images are only
    /// needed while an answer is awaited; none is left behind in `$TMPDIR`).
    func removeSavedImages() {
        guard let directory else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            unlink(directory + "/" + name)
        }
        rmdir(directory)
        self.directory = nil
    }

    /// A private directory for the images (0700), under `$TMPDIR` or `/tmp`.
    private func makeDirectory() throws -> String {
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/xmpp-onboard-captcha-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let start = buffer.baseAddress else { return false }
            return mkdtemp(start) != nil
        }
        guard created else { throw CredentialFile.Failure.system(operation: "mkdtemp", path: base, errno: errno) }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func draw(_ image: CaptchaImage) {
        let columns = TerminalSize.columns(environment: environment) ?? 80
        let renderer = TerminalImage(detectingFrom: environment, maximumColumns: min(80, max(20, columns - 2)), maximumRows: 20)
        guard let text = try? renderer.render(image.bytes) else { return }
        context.output.diagnostic(text)
    }
}
