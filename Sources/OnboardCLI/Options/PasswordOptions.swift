import ArgumentParser

/// Where the account password comes from. Never from argv (security.md §6.2).
struct PasswordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the password from the first line of this file.", valueName: "file"))
    var passwordFile: String?

    @Flag(name: .long, help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func validate() throws {
        if passwordFile != nil && passwordStdin {
            throw ValidationError("--password-file and --password-stdin exclude each other.")
        }
    }
}
