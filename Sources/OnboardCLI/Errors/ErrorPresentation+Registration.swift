import FoundationEssentials
import Glibc
import Localization
import Onboarding
import XMPPClient
import XMPPCore

extension ErrorPresentation {
    /// What a registration refusal means for the person, with the next step (issue #3; security.md §5.3).
    /// The JSON `condition` is the classification (`conflict`, `invite-only`, `rate-limited` …), never English.
    static func of(
        _ failure: RegistrationFailure, domain: String, username: String?, alternatives: [String], webPage: String?,
        localizer l: Localizer
    ) -> ErrorPresentation {
        let shownDomain = TerminalText.neutralized(domain, maximumLength: 200)
        let otherProvider = l.text("register.hint.other-provider")
        let webHint = webPage.map { l.text("register.hint.web-page", ["url": $0]) }
        let condition = failure.kind.rawValue
        switch failure.kind {
        case .conflict:
            let names = alternatives.joined(separator: ", ")
            return .init(
                status: .failure, condition: condition,
                message: l.text("register.error.conflict", ["username": TerminalText.neutralized(username ?? ""), "domain": shownDomain]),
                serverText: failure.text,
                hint: alternatives.isEmpty ? nil : l.text("register.hint.alternatives", ["names": names]),
                alternatives: alternatives)
        case .notAcceptable:
            return .init(
                status: .failure, condition: condition, message: l.text("register.error.not-acceptable"),
                serverText: failure.text, hint: l.text("register.hint.not-acceptable"))
        case .invalidUsername:
            return .init(
                status: .failure, condition: condition,
                message: l.text("register.error.invalid-username", ["username": TerminalText.neutralized(username ?? "")]),
                serverText: failure.text)
        case .notAllowed:
            return .init(
                status: .permissionDenied, condition: condition,
                message: l.text("register.error.not-allowed", ["domain": shownDomain]), serverText: failure.text,
                hint: [webHint, otherProvider].compactMap { $0 }.joined(separator: "\n"), url: webPage)
        case .forbidden:
            return .init(
                status: .permissionDenied, condition: condition,
                message: l.text("register.error.forbidden", ["domain": shownDomain]), serverText: failure.text,
                hint: [webHint, otherProvider].compactMap { $0 }.joined(separator: "\n"), url: webPage)
        case .inviteOnly:
            return .init(
                status: .permissionDenied, condition: condition,
                message: l.text("register.error.invite-only", ["domain": shownDomain]), serverText: failure.text,
                hint: l.text("register.hint.invite", ["domain": shownDomain]))
        case .rateLimited:
            return .init(
                status: .temporaryFailure, condition: condition,
                message: l.text("register.error.rate-limited", ["domain": shownDomain]), serverText: failure.text,
                hint: l.text("register.hint.rate-limited"))
        case .registrationUnavailable:
            return .init(
                status: .unavailable, condition: condition,
                message: l.text("register.error.unavailable", ["domain": shownDomain]), serverText: failure.text,
                hint: [webHint, otherProvider].compactMap { $0 }.joined(separator: "\n"), url: webPage)
        case .temporaryFailure:
            return .init(
                status: .temporaryFailure, condition: condition,
                message: l.text("register.error.temporary", ["domain": shownDomain]), serverText: failure.text,
                hint: l.text("register.hint.temporary"))
        case .captchaFailed:
            return .init(
                status: .failure, condition: condition, message: l.text("register.error.captcha-failed"),
                serverText: failure.text, hint: webHint, url: webPage)
        case .malformedResponse:
            return .init(status: .failure, condition: condition, message: l.text("register.error.malformed"))
        case .other:
            return .init(
                status: .failure, condition: condition,
                message: l.text("register.error.other", ["condition": failure.condition?.rawValue ?? "-"]),
                serverText: failure.text)
        }
    }

    /// Why a password change or account removal (XEP-0077 §3.2, §3.3) failed.
    static func of(_ failure: AccountRequestFailure, localizer l: Localizer) -> ErrorPresentation {
        let condition = failure.condition?.rawValue ?? failure.kind.rawValue
        switch failure.kind {
        case .badRequest:
            return .init(status: .failure, condition: condition, message: l.text("account-request.error.bad-request"), serverText: failure.text)
        case .notAuthorized:
            return .init(status: .permissionDenied, condition: condition, message: l.text("account-request.error.not-authorized"), serverText: failure.text)
        case .notAllowed, .forbidden:
            return .init(status: .permissionDenied, condition: condition, message: l.text("account-request.error.not-allowed"), serverText: failure.text)
        case .notRegistered:
            return .init(status: .permissionDenied, condition: condition, message: l.text("account-request.error.not-registered"), serverText: failure.text)
        case .rateLimited:
            return .init(status: .temporaryFailure, condition: condition, message: l.text("account-request.error.rate-limited"), serverText: failure.text)
        case .temporaryFailure:
            return .init(status: .temporaryFailure, condition: condition, message: l.text("account-request.error.temporary"), serverText: failure.text)
        case .unavailable:
            return .init(status: .unavailable, condition: condition, message: l.text("account-request.error.unavailable"), serverText: failure.text)
        case .malformedResponse:
            return .init(status: .failure, condition: condition, message: l.text("account-request.error.malformed"))
        case .other:
            return .init(
                status: .failure, condition: condition,
                message: l.text("account-request.error.other", ["condition": condition]), serverText: failure.text)
        }
    }

    /// `--save` problems: the file is never overwritten without `--force` (security.md §6.3).
    static func of(_ failure: CredentialFile.Failure, localizer l: Localizer) -> ErrorPresentation {
        switch failure {
        case .exists(let path):
            .init(status: .usage, condition: "file-exists", message: l.text("save.error.exists", ["path": TerminalText.neutralized(path)]))
        case .symbolicLink(let path):
            .init(status: .usage, condition: "file-is-symlink", message: l.text("save.error.symlink", ["path": TerminalText.neutralized(path)]))
        case .unsafeDirectory(let path):
            .init(
                status: .usage, condition: "unsafe-directory",
                message: l.text("save.error.unsafe-directory", ["path": TerminalText.neutralized(path)]))
        case .system(let operation, let path, let code):
            .init(
                status: .failure, condition: "file-write-failed",
                message: l.text("save.error.system", ["path": TerminalText.neutralized(path), "operation": operation, "reason": String(cString: strerror(code))]))
        }
    }
}
