/// What an update would change: providers added, removed and changed, by JID (sorted).
public struct CatalogueDiff: Sendable, Hashable {
    public var added: [String]
    public var removed: [String]
    /// Present in both with a different entry.
    public var changed: [String]
    /// The subset of `changed` whose category moved: JID, old, new.
    public var categoryChanges: [CategoryChange]

    public struct CategoryChange: Sendable, Hashable {
        public let jid: String
        public let from: ProviderCategory
        public let to: ProviderCategory
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares two catalogues entry by entry. O(n log n).
    public init(from old: Catalogue, to new: Catalogue) {
        let before = Dictionary(
            old.providers.map { ($0.jid.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.providers.map { ($0.jid.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        added = after.keys.filter { before[$0] == nil }.compactMap { after[$0]?.jid }.sorted()
        removed = before.keys.filter { after[$0] == nil }.compactMap { before[$0]?.jid }.sorted()
        var changed: [String] = []
        var categoryChanges: [CategoryChange] = []
        for (key, newer) in after {
            guard let older = before[key], older.entry != newer.entry else { continue }
            changed.append(newer.jid)
            if older.category != newer.category {
                categoryChanges.append(CategoryChange(jid: newer.jid, from: older.category, to: newer.category))
            }
        }
        self.changed = changed.sorted()
        self.categoryChanges = categoryChanges.sorted { $0.jid < $1.jid }
    }
}

extension Catalogue {
    /// The catalogue after taking `incoming` (a downloaded or given v2 list): its entries replace ours from
    /// upstream, and the entries we added (`"origin": "xmpp-onboard"`) are kept unless `incoming` now lists that
    /// JID (or has it as an alternative JID). Issues are those of `incoming`.
    public func merged(with incoming: Catalogue, source: String, retrieved: String) -> Catalogue {
        let kept = providers.filter { ours in
            ours.origin == .xmppOnboard && !incoming.providers.contains { $0.answers(to: ours.jid) }
        }
        var metadata = Metadata(format: Self.format, source: source, retrieved: retrieved, note: metadata.note)
        if metadata.source.isEmpty { metadata.source = self.metadata.source }
        return Catalogue(metadata: metadata, providers: incoming.providers + kept, issues: incoming.issues)
    }
}
