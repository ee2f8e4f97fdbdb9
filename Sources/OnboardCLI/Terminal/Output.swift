import FoundationEssentials
import Glibc

/// Where a command writes: results to stdout, progress and diagnostics to stderr (architecture.md §7).
struct Output: Sendable {
    /// Whether stderr is a colour-capable terminal and colour is wanted.
    let useColor: Bool
    /// Whether stdin and stderr are terminals (prompts allowed).
    let isInteractive: Bool
    /// Whether stdout is a terminal.
    let isStandardOutputTerminal: Bool

    init(color: ColorMode, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let stderrIsTTY = isatty(STDERR_FILENO) == 1
        let dumb = environment["TERM"] == "dumb"
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = stderrIsTTY && !dumb && environment["NO_COLOR"] == nil
        }
        isInteractive = isatty(STDIN_FILENO) == 1 && stderrIsTTY
        isStandardOutputTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// Writes a result line to stdout.
    func result(_ text: String) {
        StandardStreams.write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes a diagnostic or progress line to stderr.
    func diagnostic(_ text: String) {
        StandardStreams.write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes `error: …` (label in red on a colour terminal) to stderr.
    func error(_ label: String, _ text: String) {
        diagnostic(useColor ? "\u{1B}[1;31m\(label):\u{1B}[0m \(text)" : "\(label): \(text)")
    }

    /// Writes `warning: …` (label in yellow on a colour terminal) to stderr.
    func warning(_ label: String, _ text: String) {
        diagnostic(useColor ? "\u{1B}[1;33m\(label):\u{1B}[0m \(text)" : "\(label): \(text)")
    }
}
