/// The line-by-line state machine behind ``POFile/init(parsing:)``.
///
/// GNU gettext manual §3: an entry is optional comments, an optional `msgctxt`, `msgid`, an optional
/// `msgid_plural`, then `msgstr` or `msgstr[0]`, `msgstr[1]`, …; each keyword takes a C string literal that may be
/// continued by further string lines. `#~` (obsolete) lines and `#|` (previous) comments are skipped.
struct POParser {
    /// The field a continuation string line appends to.
    private enum Field: Equatable {
        case context, id, pluralID
        case translation(Int)
    }

    /// The entry being read.
    private struct Draft {
        var entry = POEntry(id: "", translations: [])
        var hasID = false
        var hasContext = false
        var isIndexed = false
        var isInvalid = false
        /// After a rejected keyword, its continuation strings are skipped without further reports.
        var isSkippingStrings = false
        var field: Field?
        var hasKeyword: Bool { hasID || hasContext }
        var hasTranslation: Bool { !entry.translations.isEmpty }
    }

    private var draft = Draft()
    private var entries: [POEntry] = []
    private var header: POEntry?
    private var problems: [POProblem] = []
    private var seenKeys: Set<String> = []

    mutating func consume(_ rawLine: Substring, number: Int) {
        let line = rawLine.drop { $0 == " " || $0 == "\t" }
        if line.isEmpty {
            if draft.hasKeyword { finishEntry() }
            return
        }
        if line.hasPrefix("#") {
            consumeComment(line, number: number)
            return
        }
        if line.hasPrefix("\"") {
            consumeContinuation(line, number: number)
            return
        }
        let keyword = line.prefix { !($0 == " " || $0 == "\t" || $0 == "\"") }
        let rest = line.dropFirst(keyword.count)
        switch keyword {
        case "msgctxt": startField(.context, keyword: "msgctxt", rest: rest, number: number)
        case "msgid": startField(.id, keyword: "msgid", rest: rest, number: number)
        case "msgid_plural": startField(.pluralID, keyword: "msgid_plural", rest: rest, number: number)
        case "msgstr": startField(.translation(-1), keyword: "msgstr", rest: rest, number: number)
        default:
            if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                let index = Int(keyword.dropFirst(7).dropLast())
            {
                startField(.translation(index), keyword: String(keyword), rest: rest, number: number)
            } else {
                problems.append(POProblem(line: number, kind: .unexpectedLine))
                skipStrings()
            }
        }
    }

    mutating func finish() -> POFile {
        if draft.hasKeyword || draft.hasTranslation { finishEntry() }
        var fileHeader: POHeader?
        if let header {
            let (parsed, headerProblems) = POHeader.parse(header.translations.first ?? "", line: header.line)
            fileHeader = parsed
            problems.append(contentsOf: headerProblems)
        }
        problems.sort { $0.line < $1.line }
        return POFile(header: fileHeader, entries: entries, problems: problems)
    }

    // MARK: - Lines

    private mutating func consumeComment(_ line: Substring, number: Int) {
        // A comment after a complete entry belongs to the next one.
        if draft.hasTranslation { finishEntry() }
        let marker = line.dropFirst().first
        let text = { (drop: Int) in String(line.dropFirst(drop).drop { $0 == " " }) }
        switch marker {
        case ",":
            let flags = line.dropFirst(2).split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            draft.entry.flags.append(contentsOf: flags)
        case ".": draft.entry.extractedComments.append(text(2))
        case ":": draft.entry.references.append(text(2))
        case "~", "|": break  // obsolete entries and previous strings are not used
        default: draft.entry.translatorComments.append(text(1))
        }
    }

    private mutating func consumeContinuation(_ line: Substring, number: Int) {
        guard let field = draft.field else {
            if !draft.isSkippingStrings {
                problems.append(POProblem(line: number, kind: .unexpectedLine))
                skipStrings()
            }
            return
        }
        guard let value = decode(line, number: number) else { return }
        append(value, to: field)
    }

    private mutating func startField(_ field: Field, keyword: String, rest: Substring, number: Int) {
        switch field {
        case .context, .id:
            if draft.hasTranslation || (field == .context && draft.hasKeyword) {
                finishEntry()
            } else if draft.hasID {
                reject(keyword, number: number)
                finishEntry()
            }
            if !draft.hasKeyword { draft.entry.line = number }
            if case .context = field { draft.hasContext = true } else { draft.hasID = true }
        case .pluralID:
            guard draft.hasID, draft.entry.pluralID == nil, !draft.hasTranslation else {
                return reject(keyword, number: number)
            }
            draft.entry.pluralID = ""
        case .translation(let index):
            guard draft.hasID else { return reject(keyword, number: number) }
            if index < 0 {
                guard !draft.hasTranslation else { return reject(keyword, number: number) }
            } else {
                if !draft.hasTranslation { draft.isIndexed = true }
                guard draft.isIndexed, index == draft.entry.translations.count else {
                    problems.append(POProblem(line: number, kind: .pluralMismatch))
                    return skipStrings()
                }
            }
            draft.entry.translations.append("")
        }
        draft.field = field
        draft.isSkippingStrings = false
        guard let value = decode(rest, number: number) else { return }
        append(value, to: field)
    }

    private mutating func reject(_ keyword: String, number: Int) {
        problems.append(POProblem(line: number, kind: .unexpectedKeyword(keyword)))
        skipStrings()
    }

    /// Marks the entry being read as invalid (if one is being read) and ignores strings until the next keyword.
    private mutating func skipStrings() {
        if draft.hasKeyword { draft.isInvalid = true }
        draft.field = nil
        draft.isSkippingStrings = true
    }

    private mutating func decode(_ text: Substring, number: Int) -> String? {
        switch POString.decode(text) {
        case .success(let value):
            return value
        case .failure(let kind):
            problems.append(POProblem(line: number, kind: kind))
            draft.isInvalid = true
            return nil
        }
    }

    private mutating func append(_ value: String, to field: Field) {
        switch field {
        case .context: draft.entry.context = (draft.entry.context ?? "") + value
        case .id: draft.entry.id += value
        case .pluralID: draft.entry.pluralID = (draft.entry.pluralID ?? "") + value
        case .translation:
            if let last = draft.entry.translations.indices.last { draft.entry.translations[last] += value }
        }
    }

    // MARK: - Entries

    private mutating func finishEntry() {
        defer { draft = Draft() }
        let entry = draft.entry
        guard draft.hasKeyword else { return }  // comments only (e.g. at the end of the file)
        guard !draft.isInvalid else { return }
        guard draft.hasID, draft.hasTranslation else {
            problems.append(POProblem(line: entry.line, kind: .missingTranslation))
            return
        }
        guard draft.isIndexed == entry.isPlural else {
            problems.append(POProblem(line: entry.line, kind: .pluralMismatch))
            return
        }
        guard seenKeys.insert(entry.lookupKey).inserted else {
            problems.append(POProblem(line: entry.line, kind: .duplicateEntry(entry.id)))
            return
        }
        if entry.isHeader {
            header = entry
        } else {
            entries.append(entry)
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
