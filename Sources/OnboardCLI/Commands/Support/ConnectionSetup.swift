import FoundationEssentials
import OpenSSLSupport
import XMPPClient
import XMPPCore

/// Builds an `XMPPConnection` from the command-line options shared by every networked command.
enum ConnectionSetup {
    /// Opens a connection to the account's server (TCP, plus the TLS handshake for Direct TLS).
    static func open(
        account: JID, options: ConnectionOptions, global: GlobalOptions, context: CommandContext
    ) async throws -> XMPPConnection {
        try await XMPPConnection.open(configuration(domain: account.domainASCII, options: options, global: global, context: context))
    }

    static func configuration(
        domain: String, options: ConnectionOptions, global: GlobalOptions, context: CommandContext
    ) -> XMPPConnection.Configuration {
        let mode: TLSMode = options.directTLS ? .directTLS : (options.starttls ? .startTLS : .automatic)
        var nameServer: (host: String, port: Int)?
        let dnsOverride = options.dnsServer ?? ProcessInfo.processInfo.environment["XMPP_ONBOARD_DNS_SERVER"]
        if let dnsOverride {
            let parts = EndpointResolver.split(dnsOverride)
            nameServer = (parts.host, parts.port ?? 53)
        }
        var trace: (@Sendable (XMPPConnection.TraceDirection, String) -> Void)?
        if global.verbose {
            let output = context.output
            trace = { direction, text in
                let arrow = direction == .sent ? "C:" : "S:"
                output.diagnostic("\(arrow) \(TerminalText.neutralized(text, maximumLength: 4_000))")
            }
        }
        return XMPPConnection.Configuration(
            domain: domain,
            explicitHost: options.host,
            tlsMode: mode,
            tls: TLSConfiguration(additionalTrustAnchors: options.caFile),
            timeout: options.timeout,
            nameServer: nameServer,
            trace: trace
        )
    }
}
