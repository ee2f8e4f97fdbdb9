import FoundationEssentials
import ProviderCatalogue

/// The `providers show` text: one labelled line per fact, localized pages in the user's language when present.
struct ProviderDetails {
    let text: CatalogueText
    let language: String

    func lines(for provider: Provider) -> [String] {
        let localizer = text.localizer
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String) { rows.append((label, value)) }
        func link(_ urls: LocalizedURLs) -> String {
            urls.url(for: language).map { text.neutral($0.absoluteString) } ?? localizer.text("providers.value.none")
        }

        add(localizer.text("providers.field.category"), provider.category.rawValue)
        var registration = text.registration(provider.registrationMethod)
        if provider.registrationMethod == .webPage, let page = provider.registrationWebPage.url(for: language) {
            registration += " – " + text.neutral(page.absoluteString)
        }
        if provider.requiresEmailForRegistration {
            registration += " (" + localizer.text("providers.value.email-required") + ")"
        }
        add(localizer.text("providers.field.registration"), registration)
        add(localizer.text("providers.field.website"), link(provider.website))
        add(localizer.text("providers.field.location"), text.locations(provider.serverLocations))
        add(
            localizer.text("providers.field.languages"),
            provider.languages.isEmpty
                ? localizer.text("providers.value.unknown") : text.neutral(provider.languages.joined(separator: ", ")))
        add(localizer.text("providers.field.since"), text.neutral(provider.since, maximumLength: 10))
        add(localizer.text("providers.field.free"), text.yesNo(provider.isFreeOfCharge))
        add(localizer.text("providers.field.upload-file"), text.size(provider.maximumUploadFileSize))
        add(localizer.text("providers.field.upload-total"), text.size(provider.maximumUploadTotalSize))
        add(localizer.text("providers.field.upload-time"), text.duration(provider.uploadStorageTime))
        add(localizer.text("providers.field.history"), text.duration(provider.messageArchiveStorageTime))
        add(localizer.text("providers.field.professional"), text.yesNo(provider.isProfessionallyHosted))
        add(localizer.text("providers.field.organization"), text.organization(provider.organization))
        add(
            localizer.text("providers.field.bus-factor"),
            provider.busFactor.map(String.init) ?? localizer.text("providers.value.unknown"))
        let software = [provider.serverSoftwareName, provider.serverSoftwareVersion].filter { !$0.isEmpty }
        add(
            localizer.text("providers.field.software"),
            software.isEmpty ? localizer.text("providers.value.unknown") : text.neutral(software.joined(separator: " "))
        )
        let compliance = provider.complianceRating.map { "\($0) %" } ?? localizer.text("providers.value.unknown")
        let c2s = provider.clientToServerGrade?.rawValue ?? "?"
        let s2s = provider.serverToServerGrade?.rawValue ?? "?"
        add(
            localizer.text("providers.field.ratings"),
            localizer.text("providers.value.ratings", ["compliance": compliance, "c2s": c2s, "s2s": s2s]))
        add(localizer.text("providers.field.green"), text.yesNo(provider.hasGreenHosting))
        add(localizer.text("providers.field.password-reset"), link(provider.passwordReset))
        add(localizer.text("providers.field.legal-notice"), link(provider.legalNotice))
        let support =
            provider.groupChatSupport.addresses(for: language).map { "xmpp:\($0)?join" }
            + provider.chatSupport.addresses(for: language).map { "xmpp:\($0)" }
            + provider.emailSupport.addresses(for: language).map { "mailto:\($0)" }
        add(
            localizer.text("providers.field.support"),
            support.isEmpty ? localizer.text("providers.value.none") : text.neutral(support.joined(separator: ", ")))
        if !provider.alternativeJIDs.isEmpty {
            add(
                localizer.text("providers.field.alternative-jids"),
                text.neutral(provider.alternativeJIDs.joined(separator: ", ")))
        }
        switch provider.origin {
        case .upstream:
            if let page = provider.detailsPage { add(localizer.text("providers.field.details"), page.absoluteString) }
        case .xmppOnboard:
            add(localizer.text("providers.field.origin"), localizer.text("providers.origin.ours"))
        case .providerFile:
            add(localizer.text("providers.field.origin"), localizer.text("providers.origin.provider-file"))
        }
        if let note = provider.note {
            add(localizer.text("providers.field.note"), text.neutral(note, maximumLength: 1_000))
        }

        let labelWidth = rows.map { $0.0.count }.max() ?? 0
        let header = text.neutral(provider.jid, maximumLength: 253)
        return [header]
            + rows.map { label, value in
                "  " + label + ":" + String(repeating: " ", count: labelWidth - label.count + 1) + value
            }
    }
}

/// Messages for download failures.
struct FetchErrorText {
    let text: CatalogueText

    func message(_ error: CatalogueFetcher.FetchError) -> String {
        let localizer = text.localizer
        switch error {
        case .invalidURL(let url): return localizer.text("providers.fetch.invalid-url", ["url": text.neutral(url)])
        case .insecureURL(let url): return localizer.text("providers.fetch.insecure-url", ["url": text.neutral(url)])
        case .httpStatus(let status): return localizer.text("providers.fetch.http-status", ["status": String(status)])
        case .tooLarge(let size): return localizer.text("providers.fetch.too-large", ["size": String(size)])
        case .transport(let detail):
            return localizer.text("providers.fetch.transport", ["detail": text.neutral(detail)])
        case .unreadableFile(let path):
            return localizer.text("providers.fetch.unreadable", ["file": text.neutral(path)])
        }
    }

    /// The exit status: usage for bad URLs, temporary for 429/5xx, unavailable for other network failures.
    func exitStatus(_ error: CatalogueFetcher.FetchError) -> ExitStatus {
        switch error {
        case .invalidURL, .insecureURL: .usage
        case .httpStatus(let status) where status == 429 || status >= 500: .temporaryFailure
        case .httpStatus, .transport: .unavailable
        case .tooLarge, .unreadableFile: .failure
        }
    }
}
