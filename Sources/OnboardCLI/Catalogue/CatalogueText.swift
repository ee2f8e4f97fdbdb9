import FoundationEssentials
import Localization
import ProviderCatalogue
import XMPPCore

/// Localized wording for catalogue values. Everything read from a catalogue file or a server passes through
/// `neutral(_:)` before it reaches the terminal (security.md §7.1).
struct CatalogueText {
    let localizer: Localizer

    /// File- or server-provided text made safe for a terminal.
    func neutral(_ text: String, maximumLength: Int = 300) -> String {
        TerminalText.neutralized(text, maximumLength: maximumLength)
    }

    func yesNo(_ value: Bool) -> String {
        value ? localizer.text("providers.value.yes") : localizer.text("providers.value.no")
    }

    func registration(_ method: RegistrationMethod) -> String {
        switch method {
        case .inBand: localizer.text("providers.registration.in-band")
        case .inBandWithCAPTCHA: localizer.text("providers.registration.in-band-captcha")
        case .webPage: localizer.text("providers.registration.web")
        case .closed: localizer.text("providers.registration.closed")
        }
    }

    /// A size limit in MB.
    func size(_ limit: Limit) -> String {
        switch limit {
        case .unknown: localizer.text("providers.value.unknown")
        case .unlimited: localizer.text("providers.limit.unlimited")
        case .lessThanOne: localizer.text("providers.limit.size-less-than-one")
        case .value(let megabytes): localizer.text("providers.limit.size", ["value": String(megabytes)])
        }
    }

    /// A duration limit in days.
    func duration(_ limit: Limit) -> String {
        switch limit {
        case .unknown: localizer.text("providers.value.unknown")
        case .unlimited: localizer.text("providers.limit.unlimited")
        case .lessThanOne: localizer.text("providers.limit.days-less-than-one")
        case .value(let days): localizer.plural("providers.limit.days", count: days)
        }
    }

    func organization(_ organization: Organization) -> String {
        switch organization {
        case .company: localizer.text("providers.organization.company")
        case .commercialPerson: localizer.text("providers.organization.commercial-person")
        case .privatePerson: localizer.text("providers.organization.private-person")
        case .governmental: localizer.text("providers.organization.governmental")
        case .nonGovernmental: localizer.text("providers.organization.non-governmental")
        case .unknown: localizer.text("providers.value.unknown")
        }
    }

    func locations(_ codes: [String]) -> String {
        codes.isEmpty ? localizer.text("providers.value.unknown") : neutral(codes.joined(separator: ", "))
    }

    /// One line for a validation problem: `providers[3].website.en: not an https link (http://…)`.
    func issue(_ issue: CatalogueIssue) -> String {
        let detail = neutral(issue.detail ?? "", maximumLength: 120)
        let path = neutral(issue.path.isEmpty ? "$" : issue.path, maximumLength: 120)
        let message: String =
            switch issue.kind {
            case .syntax: localizer.text("catalogue.issue.syntax", ["detail": detail])
            case .wrongType: localizer.text("catalogue.issue.wrong-type", ["detail": detail])
            case .missingKey: localizer.text("catalogue.issue.missing-key")
            case .unknownValue: localizer.text("catalogue.issue.unknown-value", ["detail": detail])
            case .invalidURL: localizer.text("catalogue.issue.invalid-url", ["detail": detail])
            case .insecureURL: localizer.text("catalogue.issue.insecure-url", ["detail": detail])
            case .duplicate: localizer.text("catalogue.issue.duplicate", ["detail": detail])
            case .invalidDate: localizer.text("catalogue.issue.invalid-date", ["detail": detail])
            case .outOfRange: localizer.text("catalogue.issue.out-of-range", ["detail": detail])
            case .invalidCountryCode: localizer.text("catalogue.issue.invalid-country-code", ["detail": detail])
            case .invalidLanguageCode: localizer.text("catalogue.issue.invalid-language-code", ["detail": detail])
            case .invalidAddress: localizer.text("catalogue.issue.invalid-address", ["detail": detail])
            case .unknownKey: localizer.text("catalogue.issue.unknown-key", ["detail": detail])
            }
        let subject = issue.subject.map { " (\(neutral($0, maximumLength: 80)))" } ?? ""
        return "\(path)\(subject): \(message)"
    }

    func syntaxError(_ error: JSONSyntaxError) -> String {
        localizer.text(
            "catalogue.syntax-error",
            ["line": String(error.line), "column": String(error.column), "reason": error.reason.rawValue])
    }

    /// The message for a catalogue that could not be loaded.
    func loadError(_ error: CatalogueLoadError) -> String {
        switch error {
        case .notFound(let name): localizer.text("catalogue.error.not-found", ["file": neutral(name)])
        case .unreadable(let path): localizer.text("catalogue.error.unreadable", ["file": neutral(path)])
        case .syntax(let path, let syntax):
            localizer.text("catalogue.error.not-json", ["file": neutral(path), "detail": syntaxError(syntax)])
        case .invalid(let path, let issues):
            localizer.text(
                "catalogue.error.invalid",
                ["file": neutral(path), "count": String(issues.filter { $0.severity == .error }.count)])
        }
    }
}
