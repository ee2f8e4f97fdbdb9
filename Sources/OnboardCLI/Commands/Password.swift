import ArgumentParser

/// `xmpp-onboard password …`: manage an account's password.
struct PasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Change an account's password.",
        subcommands: [PasswordChangeCommand.self]
    )
}
