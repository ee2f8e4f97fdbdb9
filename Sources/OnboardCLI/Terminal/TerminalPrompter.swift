import FoundationEssentials
import Localization
import Onboarding
import XMPPCore

#if canImport(Glibc)
    import Glibc
#endif

/// The `Prompter` of the command line: asks on the controlling terminal (`/dev/tty`), with echo off for
/// secrets (`SecretInput`), and words every `Prompt` through the `Localizer`. Server text (labels,
/// descriptions, options) is neutralized before it is printed (security.md §7.1). Without a terminal it
/// refuses at once (`PromptError.unavailable`).
struct TerminalPrompter: Prompter {
    let localizer: Localizer
    let isInteractive: Bool

    init(context: CommandContext) {
        localizer = context.localizer
        isInteractive = context.output.isInteractive
    }

    func ask(_ prompt: Prompt) async throws(PromptError) -> String {
        guard isInteractive else { throw .unavailable }
        showPreamble(prompt)
        return try Self.readLine(prompt: text(for: prompt))
    }

    func askSecret(_ prompt: Prompt) async throws(PromptError) -> String {
        guard isInteractive else { throw .unavailable }
        showPreamble(prompt)
        do {
            return try SecretInput.prompt(text(for: prompt))
        } catch .empty {
            return ""
        } catch .noTerminal {
            throw .unavailable
        } catch {
            throw .cancelled
        }
    }

    func confirm(_ prompt: Prompt) async throws(PromptError) -> Bool {
        guard isInteractive else { throw .unavailable }
        showPreamble(prompt)
        let answer = try Self.readLine(prompt: text(for: prompt) + " " + localizer.text("prompt.yes-no") + " ")
        // "y"/"yes" always count; the language adds its own words ("o, oui", "д, да"), so the local letter
        // shown in prompt.yes-no works.
        let localized = localizer.text("prompt.yes-answers").split(separator: ",")
            .map { $0.trimmingASCIIWhitespace().lowercased() }
        let accepted = Set(["y", "yes"] + localized)
        return accepted.contains(answer.trimmingASCIIWhitespace().lowercased())
    }

    func choose(_ prompt: Prompt, from options: [String]) async throws(PromptError) -> Int {
        guard isInteractive, !options.isEmpty else { throw .unavailable }
        showPreamble(prompt)
        for (index, option) in options.enumerated() {
            Self.write("  \(index + 1)) \(TerminalText.neutralized(option, maximumLength: 200))\n")
        }
        while true {
            let answer = try Self.readLine(
                prompt: text(for: prompt) + " " + localizer.text("prompt.choice", ["count": String(options.count)]) + " ")
            if let number = Int(answer.trimmingASCIIWhitespace()), (1...options.count).contains(number) {
                return number - 1
            }
        }
    }

    // MARK: - Words

    /// The prompt line itself.
    func text(for prompt: Prompt) -> String {
        let l = localizer
        switch prompt {
        case .username(let suggestion):
            guard let suggestion else { return l.text("prompt.username") }
            return l.text("prompt.username-suggested", ["suggestion": TerminalText.neutralized(suggestion)])
        case .usernameTaken(_, let alternatives):
            guard let first = alternatives.first else { return l.text("prompt.username") }
            return l.text("prompt.username-choice", ["first": TerminalText.neutralized(first)])
        case .newPassword: return l.text("prompt.new-password")
        case .repeatPassword: return l.text("prompt.repeat-password")
        case .currentPassword: return l.text("password.prompt")
        case .field(let field):
            return l.text("prompt.field", ["label": Self.label(of: field.field)])
        case .captcha(let question):
            let label = question.label.map { TerminalText.neutralized($0, maximumLength: 300) }
            return l.text("prompt.field", ["label": label ?? l.text("prompt.captcha-default")])
        case .confirmAccountDeletion(let jid):
            return l.text("prompt.delete-account", ["jid": TerminalText.neutralized(jid)])
        }
    }

    /// Lines shown before the prompt: the field's description, or the taken username and the suggestions.
    private func showPreamble(_ prompt: Prompt) {
        switch prompt {
        case .field(let field):
            if let description = field.field.descriptionText, !description.isEmpty {
                Self.write(TerminalText.neutralized(description, allowNewlines: true, maximumLength: 500) + "\n")
            }
        case .usernameTaken(let taken, let alternatives):
            Self.write(localizer.text("prompt.username-taken", ["username": TerminalText.neutralized(taken)]) + "\n")
            for (index, name) in alternatives.enumerated() {
                Self.write("  \(index + 1)) \(TerminalText.neutralized(name))\n")
            }
        default:
            break
        }
    }

    static func label(of field: DataForm.Field) -> String {
        let text = field.label ?? field.variable ?? "?"
        return TerminalText.neutralized(text, maximumLength: 200)
    }

    // MARK: - Terminal I/O

    private static func write(_ text: String) {
        StandardStreams.write(text, to: STDERR_FILENO)
    }

    /// Writes `prompt` to the terminal and reads one echoed line from it; end of input → `cancelled`.
    private static func readLine(prompt: String) throws(PromptError) -> String {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unavailable }
        defer { close(descriptor) }
        let bytes = Array(prompt.utf8)
        _ = Glibc.write(descriptor, bytes, bytes.count)
        do {
            return try LineReader.line(from: descriptor)
        } catch .endOfInput {
            throw .cancelled
        } catch {
            throw .cancelled
        }
    }
}
