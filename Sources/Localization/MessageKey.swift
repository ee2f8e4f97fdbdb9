/// A stable message identifier: the `msgid` of an entry in `locales/<lang>/messages.po`.
///
/// Keys are written as string literals at the call site (`localizer.text("tls.untrusted")`) so that a test
/// can find every key used in `Sources/` and compare the set with `locales/en/messages.po`.
public struct MessageKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
}
