/// A stable message identifier: the `msgid` of an entry in `locales/<lang>/messages.po`.
///
/// Convention: every key is written as a string literal in one of three forms, so that the catalogue test
/// (`Tests/LocalizationTests/CatalogueCheckTests.swift`) can find every key used in `Sources/` and compare the set
/// with `locales/en/messages.po` in both directions:
///
/// - `localizer.text("tls.untrusted")` or `localizer.text("tls.untrusted", ["host": host])`,
/// - `localizer.plural("bulk.accounts-created", count: n)`,
/// - `MessageKey("guide.topic.omemo")` (or `MessageKey(rawValue: "…")`) where a key is chosen before it is looked
///   up, for example in a `switch` that maps error cases to keys; a declaration line such as
///   `let key: MessageKey = isFirst ? "links.install.first" : "links.install.other"` also counts.
///
/// Keys built at run time (string interpolation, concatenation) are invisible to the test; don't build keys.
public struct MessageKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
}
