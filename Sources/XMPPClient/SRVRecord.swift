/// One SRV resource record (RFC 2782).
public struct SRVRecord: Sendable, Hashable {
    public var priority: UInt16
    public var weight: UInt16
    public var port: UInt16
    /// The target host name without the trailing dot; `"."` stays `"."` (= service not offered).
    public var target: String

    public init(priority: UInt16, weight: UInt16, port: UInt16, target: String) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }

    /// RFC 2782: a target of `.` means the service is decidedly not available at this domain.
    public var isServiceUnavailableMarker: Bool { target == "." || target.isEmpty }

    /// Orders records by RFC 2782: ascending priority; within a priority, weighted random selection
    /// (zero-weight records first in the running sum, as the RFC describes). `random(n)` returns 0...n.
    public static func ordered<Item>(
        _ items: [Item],
        record: (Item) -> SRVRecord,
        random: (Int) -> Int
    ) -> [Item] {
        let byPriority = Dictionary(grouping: items, by: { record($0).priority })
        var result: [Item] = []
        for priority in byPriority.keys.sorted() {
            var remaining = (byPriority[priority] ?? []).sorted { record($0).weight < record($1).weight }
            while !remaining.isEmpty {
                let total = remaining.reduce(0) { $0 + Int(record($1).weight) }
                let pick = total == 0 ? 0 : random(total)
                var running = 0
                var chosen = remaining.count - 1
                for (index, item) in remaining.enumerated() {
                    running += Int(record(item).weight)
                    if running >= pick {
                        chosen = index
                        break
                    }
                }
                result.append(remaining.remove(at: chosen))
            }
        }
        return result
    }
}
