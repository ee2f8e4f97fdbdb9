/// Asks a person for answers: the one seam between the onboarding logic and a terminal (architecture.md §7).
///
/// `TerminalPrompter` (OnboardCLI) implements it on a TTY with echo off for secrets; tests use a scripted one.
/// The wizard, `register`, and bulk runs share it. When nobody can answer (`isInteractive` is false) every
/// method throws `PromptError.unavailable` at once — never waits — and the caller reports which flag supplies
/// the answer instead.
public protocol Prompter: Sendable {
    /// Whether a person can answer (standard input and error are a terminal).
    var isInteractive: Bool { get }

    /// A line of text (echoed). An empty answer is returned as `""`.
    func ask(_ prompt: Prompt) async throws(PromptError) -> String

    /// A secret (not echoed), for example a password.
    func askSecret(_ prompt: Prompt) async throws(PromptError) -> String

    /// Yes or no.
    func confirm(_ prompt: Prompt) async throws(PromptError) -> Bool

    /// One of `options` (their display texts), as an index into `options`.
    func choose(_ prompt: Prompt, from options: [String]) async throws(PromptError) -> Int
}

/// Why a prompt got no answer.
public enum PromptError: Error, Sendable, Hashable {
    /// No terminal: nobody can be asked.
    case unavailable
    /// End of input (Ctrl-D) or the person declined.
    case cancelled
}
