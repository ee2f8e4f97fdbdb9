import ArgumentParser
import FoundationEssentials
import Localization
import Markdown
import XMPPCore

/// `xmpp-onboard guide [TOPIC] [--client NAME]`: lists the guides or prints one in the user's language.
///
/// Guides are `locales/<lang>/guides/<topic>.md`, parsed by cmark and rendered for the terminal (or printed as
/// Markdown or HTML). A language without the guide gets the English one and a note on stderr. `--client` keeps
/// the guide's introduction and the `##` section about that app; without a topic it means the OMEMO guide.
struct Guide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a guide: what XMPP is, providers, apps, OMEMO, message history, own server, bridges.",
        discussion: "Without TOPIC, lists the guides. --client NAME shows only the part about one app."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The guide to show, for example xmpp or omemo (omit to list the guides).")
    var topic: String?

    @Option(help: "Show only the part about this app, for example conversations, gajim or monal.")
    var client: String?

    @Option(help: "Output: terminal (wrapped text), markdown or html.")
    var format: GuideFormat = .terminal

    @Option(help: "Wrap terminal output at this many columns (default: the terminal's width, or 80).")
    var width: Int?

    func run() async throws {
        let context = CommandContext(global: global)
        let localizer = context.localizer
        let directory = try context.requireLocaleDirectory()
        guard topic != nil || client != nil else {
            printTopics(context)
            return
        }
        let topicName = topic ?? GuideTopic.perAppDefault.rawValue
        guard let guideTopic = GuideTopic(rawValue: topicName.lowercased()) else {
            context.output.error(
                localizer.text("error.label"),
                localizer.text("guide.error.unknown-topic", ["topic": TerminalText.neutralized(topicName)]))
            printTopics(context)
            throw ExitStatus.usage.exitCode
        }
        guard let guide = GuideLibrary(directory: directory).guide(guideTopic, language: localizer.language) else {
            context.output.error(
                localizer.text("error.label"),
                localizer.text("guide.error.missing", ["topic": guideTopic.rawValue]))
            throw ExitStatus.failure.exitCode
        }
        if guide.isFallback { context.output.diagnostic(localizer.text("guide.fallback-note")) }

        var document = MarkdownDocument(parsing: guide.markdown)
        if let client {
            guard let section = document.section(named: client) else {
                reportUnknownClient(client, topic: guideTopic, document: document, context: context)
                throw ExitStatus.usage.exitCode
            }
            document = document.narrowed(to: section)
        }
        context.output.result(render(document, context: context))
    }

    private func render(_ document: MarkdownDocument, context: CommandContext) -> String {
        switch format {
        case .markdown:
            return document.source.trimmingNewlines()
        case .html:
            return document.html().trimmingNewlines()
        case .terminal:
            let columns = width ?? TerminalSize.columns() ?? 80
            let renderer = MarkdownTerminalRenderer(width: min(columns, 100), usesStyles: usesStyles(context))
            return renderer.render(document).trimmingNewlines()
        }
    }

    /// Styles on stdout: `--color always`, or `auto` on a terminal that is not `dumb` and without `NO_COLOR`.
    private func usesStyles(_ context: CommandContext) -> Bool {
        switch global.color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return context.output.isStandardOutputTerminal && environment["TERM"] != "dumb"
                && environment["NO_COLOR"] == nil
        }
    }

    private func printTopics(_ context: CommandContext) {
        let localizer = context.localizer
        let width = GuideTopic.allCases.map(\.rawValue.count).max() ?? 0
        var lines = [localizer.text("guide.list.heading")]
        for topic in GuideTopic.allCases {
            let padding = String(repeating: " ", count: width - topic.rawValue.count + 2)
            lines.append("  " + topic.rawValue + padding + localizer.text(topic.titleKey))
        }
        lines.append("")
        lines.append(localizer.text("guide.list.hint"))
        context.output.result(lines.joined(separator: "\n"))
    }

    private func reportUnknownClient(
        _ client: String, topic: GuideTopic, document: MarkdownDocument, context: CommandContext
    ) {
        let localizer = context.localizer
        context.output.error(
            localizer.text("error.label"),
            localizer.text(
                "guide.error.unknown-client",
                ["topic": topic.rawValue, "client": TerminalText.neutralized(client, maximumLength: 60)]))
        let sections = document.sections().map(\.title)
        if !sections.isEmpty {
            context.output.diagnostic(
                localizer.text("guide.error.sections", ["sections": sections.joined(separator: ", ")]))
        }
    }
}

/// How `guide` prints a guide.
enum GuideFormat: String, ExpressibleByArgument, Sendable {
    case terminal, markdown, html
}

extension String {
    /// The text without leading and trailing line breaks (a rendered document ends with one; `result` adds its own).
    fileprivate func trimmingNewlines() -> String {
        let isBreak: (Character) -> Bool = { $0.isNewline }
        guard let first = firstIndex(where: { !isBreak($0) }), let last = lastIndex(where: { !isBreak($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
