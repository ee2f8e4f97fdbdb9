import ArgumentParser
import FoundationEssentials
import Glibc
import ProviderCatalogue

/// `xmpp-onboard providers update [--from URL|FILE]`: refresh the user's copy of the catalogue.
struct ProvidersUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Download (or read) an XMPP Providers v2 list, check it, show what changes, and save it.",
        discussion: """
            The list is validated first; a list that is not JSON or has no valid entries changes nothing. \
            Upstream entries are replaced; entries this project added are kept unless the new list has that \
            provider. The result is written atomically to $XDG_DATA_HOME/xmpp-onboard/providers.json (the \
            previous copy is kept as providers.last-good.json); the shipped file is never modified. \
            Only https:// URLs are accepted (http:// only to a loopback address).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("from"), help: "An https URL or a local file (default: the upstream A+B list).")
    var source: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would change without saving.")
    var dryRun = false

    func run() async throws {
        let session = CatalogueSession(global: global)
        let localizer = session.context.localizer
        let output = session.context.output
        let fetchText = FetchErrorText(text: session.text)
        let errorLabel = localizer.text("error.label")

        let updateSource: UpdateSource
        do {
            if let source {
                updateSource = try UpdateSource(parsing: source)
            } else if let url = UpdateSource.defaultURL {
                updateSource = .url(url)
            } else {
                throw CatalogueFetcher.FetchError.invalidURL("")
            }
        } catch let error as CatalogueFetcher.FetchError {
            output.error(errorLabel, fetchText.message(error))
            throw fetchText.exitStatus(error).exitCode
        }

        let current = (try? session.location.load().catalogue) ?? Catalogue(providers: [])
        output.diagnostic(
            localizer.text("providers.update.reading", ["source": session.text.neutral(updateSource.description)]))
        let bytes: [UInt8]
        do {
            bytes = try await CatalogueFetcher.commandLine().fetch(updateSource)
        } catch {
            output.error(errorLabel, fetchText.message(error))
            output.diagnostic(localizer.text("providers.update.unchanged"))
            throw fetchText.exitStatus(error).exitCode
        }

        let incoming: Catalogue
        do {
            incoming = try Catalogue(parsing: bytes)
        } catch {
            output.error(
                errorLabel, localizer.text("providers.update.not-json", ["detail": session.text.syntaxError(error)]))
            output.diagnostic(localizer.text("providers.update.unchanged"))
            throw ExitStatus.failure.exitCode
        }
        for issue in incoming.issues {
            output.warning(localizer.text("warning.label"), session.text.issue(issue))
        }
        guard !incoming.providers.isEmpty else {
            output.error(errorLabel, localizer.text("providers.update.no-valid-entries"))
            output.diagnostic(localizer.text("providers.update.unchanged"))
            throw ExitStatus.failure.exitCode
        }

        let sourceText: String =
            switch updateSource {
            case .url(let url): url.absoluteString
            case .file(let path): URL(fileURLWithPath: path).standardizedFileURL.absoluteString
            }
        let merged = current.merged(with: incoming, source: sourceText, retrieved: Self.today())
        let diff = CatalogueDiff(from: current, to: merged)
        for line in DiffText(text: session.text).lines(for: diff) { output.result(line) }

        let userCopyExists = FileManager.default.fileExists(atPath: session.location.userCopy.path)
        if dryRun {
            output.diagnostic(localizer.text("providers.update.dry-run"))
            return
        }
        if diff.isEmpty && userCopyExists {
            output.result(localizer.text("providers.update.up-to-date"))
            return
        }
        do {
            try CatalogueStore.write(merged, to: session.location)
        } catch {
            output.error(
                errorLabel,
                localizer.text(
                    "providers.update.write-failed",
                    ["file": session.text.neutral(error.path), "reason": String(cString: strerror(error.errno))]))
            throw ExitStatus.failure.exitCode
        }
        output.result(
            localizer.text("providers.update.saved", ["file": session.text.neutral(session.location.userCopy.path)]))
        if userCopyExists {
            output.result(
                localizer.text(
                    "providers.update.kept-last-good",
                    ["file": session.text.neutral(session.location.lastGoodCopy.path)]))
        }
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func today() -> String {
        Date.now.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }
}

/// The diff summary: counts, then the JIDs per kind of change.
struct DiffText {
    let text: CatalogueText

    func lines(for diff: CatalogueDiff) -> [String] {
        let localizer = text.localizer
        var lines = [
            localizer.text(
                "providers.update.summary",
                [
                    "added": String(diff.added.count), "removed": String(diff.removed.count),
                    "changed": String(diff.changed.count),
                ])
        ]
        func list(_ key: String, _ jids: [String]) {
            guard !jids.isEmpty else { return }
            let names = jids.map { text.neutral($0, maximumLength: 253) }.joined(separator: ", ")
            switch key {
            case "added": lines.append("  " + localizer.text("providers.update.added", ["providers": names]))
            case "removed": lines.append("  " + localizer.text("providers.update.removed", ["providers": names]))
            default: lines.append("  " + localizer.text("providers.update.changed", ["providers": names]))
            }
        }
        list("added", diff.added)
        list("removed", diff.removed)
        list("changed", diff.changed)
        for change in diff.categoryChanges {
            lines.append(
                "  "
                    + localizer.text(
                        "providers.update.category-changed",
                        ["provider": text.neutral(change.jid), "from": change.from.rawValue, "to": change.to.rawValue]))
        }
        return lines
    }
}
