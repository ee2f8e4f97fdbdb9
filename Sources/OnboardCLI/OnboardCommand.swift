import ArgumentParser

/// The root command: `xmpp-onboard`.
public struct OnboardCommand: AsyncParsableCommand {
    /// The tool's version, printed by `--version` and used in the stream `from`-less User-Agent-free places.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "xmpp-onboard",
        abstract: "Get onto XMPP (Jabber): pick a provider, register, set up your app, check OMEMO.",
        discussion: """
            Exit codes: 0 success, 1 failure, 2 partial bulk failure, 64 usage error, 69 service unavailable \
            (DNS, connection, TLS/certificate), 75 temporary failure (timeout, rate limit), 77 permission denied \
            (wrong password, forbidden), 130 interrupted.
            """,
        version: version,
        subcommands: [
            Register.self,
            Account.self,
            PasswordCommand.self,
            Providers.self,
            Clients.self,
            QR.self,
            Links.self,
            Guide.self,
            Locales.self,
        ]
    )

    public init() {}
}
