/// A language's plural rule from the `Plural-Forms` header: how many forms, and which form a number takes.
///
/// GNU gettext manual §12.6 "Additional functions for plural forms", for example
/// `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);`.
public struct PluralForms: Sendable, Hashable {
    /// The largest `nplurals` accepted (gettext's own tables stop at 6).
    public static let maximumCount = 10

    /// `nplurals`.
    public let count: Int
    /// `plural`: maps `n` to the index of the form.
    public let expression: PluralExpression

    /// The rule of English and most Germanic languages: `nplurals=2; plural=(n != 1);`.
    public static let english = PluralForms(count: 2, expression: .binary(.notEqual, .n, .constant(1)))

    public init(count: Int, expression: PluralExpression) {
        self.count = count
        self.expression = expression
    }

    /// Errors in a `Plural-Forms` value.
    public enum ParseError: Error, Sendable, Hashable {
        case missingCount
        case invalidCount
        case missingExpression
        case invalidExpression(PluralExpression.ParseError)
    }

    /// Parses a header value such as `nplurals=2; plural=(n > 1);`.
    public init(parsing value: String) throws(ParseError) {
        var count: Int?
        var expressionText: String?
        for part in value.split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingSpaces()
            let text = String(part[part.index(after: equals)...])
            switch name {
            case "nplurals":
                guard let parsed = Int(Substring(text).trimmingSpaces()) else { throw .invalidCount }
                count = parsed
            case "plural": expressionText = text
            default: continue
            }
        }
        guard let count else { throw .missingCount }
        guard (1...Self.maximumCount).contains(count) else { throw .invalidCount }
        guard let expressionText else { throw .missingExpression }
        do {
            self.init(count: count, expression: try PluralExpression(parsing: expressionText))
        } catch {
            throw .invalidExpression(error)
        }
    }

    /// The form to use for `count` items: the expression's value, or the last form when the expression
    /// yields an index it has no form for (a broken header must not crash or select nothing).
    public func formIndex(for number: Int) -> Int {
        guard let value = expression.evaluate(n: UInt64(number.magnitude)), value < UInt64(count) else {
            return count - 1
        }
        return Int(value)
    }

    /// The first `n` in `0...limit` for which the expression yields no valid index, if any.
    public func firstInvalidNumber(upTo limit: Int = 1_000) -> Int? {
        (0...limit).first { n in
            guard let value = expression.evaluate(n: UInt64(n)) else { return true }
            return value >= UInt64(count)
        }
    }
}
