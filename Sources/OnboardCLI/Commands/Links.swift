import ArgumentParser
import FoundationEssentials
import Glibc
import Localization
import Onboarding
import ProviderCatalogue
import QRCode
import XMPPCore

/// `xmpp-onboard links (JID | URI)`: per-app install links, invitation hand-over and login codes.
struct Links: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Show how to get an account or an invitation into each XMPP app: install links and QR codes.",
        discussion: """
            Give your address (alice@example.org) to get install links, the "add me" link for your contacts and, \
            with --include-password-from, the login QR codes of apps that have one. Give an invitation \
            (xmpp:example.com?register;preauth=… or an https://xmpp.link/#… link) to get install links that carry \
            it: Google Play passes it to apps that read the install referrer; after installing from F-Droid or the \
            App Store, come back and open the invitation. QR codes are printed when the output is a terminal.
            """
    )

    /// When to print QR codes (`--qr`).
    enum QRMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Your address (alice@example.org), an xmpp: URI, or an https invitation link.")
    var target: String

    @Option(help: "Only apps for this platform: android, ios, linux, windows, macos, web or terminal.")
    var platform: Platform?

    @Option(help: "Only this app (id or name from clients.json, for example conversations).")
    var client: String?

    @Option(
        help: ArgumentHelp(
            "Read the account's password from this file ('-' for stdin) to make login QR codes. The codes are a key to the account.",
            valueName: "file"
        )
    )
    var includePasswordFrom: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(help: "QR codes: auto (when stdout is a terminal), always or never.")
    var qr: QRMode = .auto

    @Flag(help: "Draw QR codes in plain ASCII (the default when TERM=dumb).")
    var plain = false

    @Flag(help: "Swap dark and light in the QR codes.")
    var invert = false

    func run() async throws {
        let session = CatalogueSession(global: global)
        let context = session.context
        let localizer = context.localizer

        let subject: SetupSubject
        do {
            subject = try SetupSubject(parsing: target)
        } catch {
            throw Self.report(error, input: target, context: context)
        }
        if target.lowercased().hasPrefix("xmpp:"), (try? XMPPURI(parsing: target))?.loginPassword != nil {
            context.output.warning(localizer.text("warning.label"), localizer.text("links.warning.password-in-uri"))
        }
        let password = try includePasswordFrom.map { try Self.readPassword(from: $0, context: context) }

        let catalogue = try session.loadClients()
        let links: SetupLinks
        do {
            links = try SetupLinkGenerator(catalogue: catalogue)
                .links(for: subject, platform: platform, client: client, password: password)
        } catch {
            throw Self.report(error, input: target, context: context, catalogue: catalogue)
        }
        if links.containsPassword {
            context.output.warning(localizer.text("warning.label"), localizer.text("links.warning.password-qr"))
        }

        if json {
            context.output.result(links.jsonValue.serialized(indent: 2))
            return
        }
        let environment = session.environment
        let showQR = qr == .always || (qr == .auto && isatty(STDOUT_FILENO) == 1)
        let rendering = QRRendering(
            format: plain || environment["TERM"] == "dumb" ? .ascii : .terminal,
            style: QR.terminalStyle(color: global.color, environment: environment),
            inverted: invert,
            quietZone: nil,
            moduleSize: QRMatrix.defaultModuleSize
        )
        let text = LinksText(localizer: localizer, rendering: showQR ? rendering : nil)
        context.output.result(text.render(links))
    }

    /// Reads the password: the whole file, without one trailing line break.
    static func readPassword(from path: String, context: CommandContext) throws -> String {
        let bytes =
            path == "-"
            ? StandardStreams.read(from: STDIN_FILENO, limit: 4096)
            : StandardStreams.read(path: path, limit: 4096)
        guard let bytes, bytes.count <= 4096, let text = String(validating: bytes, as: UTF8.self) else {
            context.output.error(
                context.localizer.text("error.label"),
                context.localizer.text("links.error.unreadable-password", ["path": path])
            )
            throw ExitStatus.failure.exitCode
        }
        var password = text
        // One trailing line break is the file's, not the password's ("\r\n" is a single Character).
        if password.hasSuffix("\n") || password.hasSuffix("\r\n") { password.removeLast() }
        guard !password.isEmpty else {
            context.output.error(context.localizer.text("error.label"), context.localizer.text("links.error.empty-password"))
            throw ExitStatus.usage.exitCode
        }
        return password
    }

    /// Prints the message for a setup-link error and returns the exit code to throw.
    static func report(
        _ error: SetupLinkError,
        input: String,
        context: CommandContext,
        catalogue: ClientCatalogue? = nil
    ) -> ExitCode {
        let localizer = context.localizer
        let shown = TerminalText.neutralized(input, maximumLength: 200)
        let message: String
        switch error {
        case .invalidInput(let uriError):
            message = localizer.text(
                "links.error.invalid-input", ["input": shown, "reason": Self.reason(uriError, localizer: localizer)]
            )
        case .missingLocalpart:
            message = localizer.text("links.error.missing-localpart", ["input": shown])
        case .unsupportedAction(let action):
            message = localizer.text("links.error.unsupported-action", ["action": TerminalText.neutralized(action)])
        case .unknownClient(let name):
            let known = catalogue?.apps.map(\.id).joined(separator: ", ") ?? ""
            message = localizer.text(
                "links.error.unknown-client", ["client": TerminalText.neutralized(name), "apps": known]
            )
        case .clientNotOnPlatform(let client, let platform):
            message = localizer.text(
                "links.error.client-not-on-platform", ["client": client, "platform": platform.rawValue]
            )
        case .noAppsForPlatform(let platform):
            message = localizer.text("links.error.no-apps", ["platform": platform.rawValue])
        case .passwordWithInvitation:
            message = localizer.text("links.error.password-with-invitation")
        case .emptyPassword:
            message = localizer.text("links.error.empty-password")
        }
        context.output.error(localizer.text("error.label"), message)
        return ExitStatus.usage.exitCode
    }

    /// Why a URI was refused, in words.
    static func reason(_ error: XMPPURIError, localizer: Localizer) -> String {
        switch error {
        case .notXMPPScheme: localizer.text("uri.error.not-xmpp")
        case .invalidCharacter(let scalar):
            localizer.text(
                "uri.error.invalid-character",
                ["character": "U+" + String(scalar.value, radix: 16, uppercase: true)]
            )
        case .invalidPercentEncoding: localizer.text("uri.error.percent-encoding")
        case .invalidUTF8: localizer.text("uri.error.utf8")
        case .missingDomain: localizer.text("uri.error.missing-domain")
        case .emptyLocalpart: localizer.text("uri.error.empty-localpart")
        case .emptyResource: localizer.text("uri.error.empty-resource")
        case .unexpectedAtSign: localizer.text("uri.error.at-sign")
        case .invalidJID: localizer.text("uri.error.invalid-jid")
        case .emptyQueryKey: localizer.text("uri.error.empty-key")
        case .invalidOMEMOParameter(let key): localizer.text("uri.error.omemo", ["key": TerminalText.neutralized(key)])
        case .invalidTrustMessage: localizer.text("uri.error.trust-message")
        case .notALandingLink: localizer.text("uri.error.landing-link")
        }
    }
}
