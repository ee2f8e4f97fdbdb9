import Localization
import Onboarding
import ProviderCatalogue
import QRCode
import XMPPCore

/// The human-readable `links` output: a heading with the URI to share, then one block per app.
struct LinksText {
    let localizer: Localizer
    /// How to draw QR codes, or nil for none.
    let rendering: QRRendering?

    func render(_ links: SetupLinks) -> String {
        var lines: [String] = []
        let jid = neutral(links.uri.bareJID)
        switch links.subject {
        case .invitation(let uri):
            if uri.action == .register {
                lines.append(
                    uri.localpart == nil
                        ? localizer.text("links.heading.register", ["domain": neutral(uri.domain)])
                        : localizer.text("links.heading.register-user", ["jid": jid]))
            } else {
                lines.append(localizer.text("links.heading.contact", ["jid": jid]))
                if uri.offersRegistration { lines.append("  " + localizer.text("links.invitation.offers-registration")) }
            }
            if let name = uri.proposedName {
                lines.append("  " + localizer.text("links.invitation.name", ["name": neutral(name), "jid": jid]))
            }
            lines.append("  " + localizer.text("links.field.landing", ["url": neutral(links.landingLink)]))
            lines.append("  " + localizer.text("links.field.invitation-uri", ["uri": neutral(uri.iriString)]))
        case .account:
            lines.append(localizer.text("links.heading.account", ["jid": jid]))
            lines.append("  " + localizer.text("links.field.add-me", ["uri": neutral(links.uri.iriString)]))
            lines.append("  " + localizer.text("links.field.web-link", ["url": neutral(links.landingLink)]))
        }
        lines += qrLines(links.uri.iriString)

        for setup in links.apps {
            lines.append("")
            lines += appLines(setup, links: links)
        }
        return lines.joined(separator: "\n")
    }

    private func appLines(_ setup: AppSetup, links: SetupLinks) -> [String] {
        let appName = neutral(setup.app.name)
        var lines = [localizer.text("links.app.heading", ["app": appName, "platform": platformName(setup.platform)])]
        for (position, link) in setup.installLinks.enumerated() {
            let store = storeName(link.store)
            let url = neutral(link.url.absoluteString)
            if link.carriesInvitation {
                lines.append("  " + localizer.text("links.install.carries", ["store": store]))
                lines.append("    " + url)
                lines += qrLines(link.url.absoluteString).map { "  " + $0 }
            } else {
                let key: MessageKey = position == 0 ? "links.install.first" : "links.install.alternative"
                lines.append("  " + localizer.text(key, ["store": store, "url": url]))
            }
            if setup.needsFollowUp(after: link) {
                lines.append("    " + localizer.text("links.install.then-open", ["store": store, "app": appName]))
            }
        }
        if setup.installLinks.isEmpty {
            lines.append("  " + localizer.text("links.install.none"))
        }
        switch links.subject {
        case .invitation(let uri):
            if !setup.canRedeemInvitation {
                lines.append(
                    "  "
                        + (uri.offersRegistration
                            ? localizer.text("links.invitation.unsupported", ["app": appName])
                            : localizer.text(
                                "links.invitation.unsupported-contact", ["app": appName, "jid": neutral(uri.bareJID)])))
            }
        case .account(let jid):
            if let payload = setup.loginPayload {
                let key: MessageKey = payload.containsPassword ? "links.login.qr" : "links.login.qr-no-password"
                lines.append("  " + localizer.text(key, ["app": appName]))
                lines.append("    " + neutral(payload.text))
                lines += qrLines(payload.text).map { "  " + $0 }
            }
            if setup.loginPayload?.containsPassword != true {
                lines.append("  " + localizer.text("links.login.sign-in", ["jid": neutral(jid)]))
            }
        }
        return lines
    }

    /// The QR code lines for `text`, or none when QR codes are off or the text does not fit.
    private func qrLines(_ text: String) -> [String] {
        guard let rendering,
            let matrix = try? QRMatrix(encoding: text),
            let bytes = try? rendering.render(matrix)
        else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    private func neutral(_ text: String) -> String { TerminalText.neutralized(text, maximumLength: 2_000) }

    private func storeName(_ store: InstallLink.Store) -> String {
        switch store {
        case .play: localizer.text("links.store.play")
        case .fdroid: localizer.text("links.store.fdroid")
        case .appStore: localizer.text("links.store.appstore")
        case .macAppStore: localizer.text("links.store.appstore-macos")
        case .flathub: localizer.text("links.store.flathub")
        case .microsoft: localizer.text("links.store.microsoft")
        case .website: localizer.text("links.store.website")
        }
    }

    private func platformName(_ platform: Platform) -> String {
        switch platform {
        case .android: localizer.text("links.platform.android")
        case .ios: localizer.text("links.platform.ios")
        case .linux: localizer.text("links.platform.linux")
        case .windows: localizer.text("links.platform.windows")
        case .macos: localizer.text("links.platform.macos")
        case .web: localizer.text("links.platform.web")
        case .terminal: localizer.text("links.platform.terminal")
        }
    }
}
