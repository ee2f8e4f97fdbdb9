/// The C-like expression of a `Plural-Forms` header, as a tree that can be evaluated for any `n`.
///
/// GNU gettext manual §12.6: the expression uses `n`, unsigned integer constants, `?:`, `||`, `&&`, `==`, `!=`,
/// `<`, `>`, `<=`, `>=`, `+`, `-`, `*`, `/`, `%`, `!` and parentheses with C precedence, evaluated on unsigned
/// long integers. Comparisons and logical operators yield 0 or 1.
public indirect enum PluralExpression: Sendable, Hashable {
    case n
    case constant(UInt64)
    case not(PluralExpression)
    case binary(Operator, PluralExpression, PluralExpression)
    case conditional(PluralExpression, PluralExpression, PluralExpression)

    /// Binary operators, with their C spelling as raw value.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case or = "||"
        case and = "&&"
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case greater = ">"
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
        case remainder = "%"

        /// C precedence, higher binds tighter (the conditional operator is below all of these).
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual: 3
            case .less, .greater, .lessOrEqual, .greaterOrEqual: 4
            case .add, .subtract: 5
            case .multiply, .divide, .remainder: 6
            }
        }
    }

    /// The value for `n`, or `nil` when it divides by zero.
    public func evaluate(n value: UInt64) -> UInt64? {
        switch self {
        case .n:
            return value
        case .constant(let constant):
            return constant
        case .not(let operand):
            return operand.evaluate(n: value).map { $0 == 0 ? 1 : 0 }
        case .conditional(let condition, let then, let otherwise):
            guard let test = condition.evaluate(n: value) else { return nil }
            return test != 0 ? then.evaluate(n: value) : otherwise.evaluate(n: value)
        case .binary(let operation, let left, let right):
            guard let lhs = left.evaluate(n: value) else { return nil }
            // && and || short-circuit as in C.
            if operation == .and, lhs == 0 { return 0 }
            if operation == .or, lhs != 0 { return 1 }
            guard let rhs = right.evaluate(n: value) else { return nil }
            return Self.apply(operation, lhs, rhs)
        }
    }

    private static func apply(_ operation: Operator, _ lhs: UInt64, _ rhs: UInt64) -> UInt64? {
        func truth(_ condition: Bool) -> UInt64 { condition ? 1 : 0 }
        switch operation {
        case .or: return truth(lhs != 0 || rhs != 0)
        case .and: return truth(lhs != 0 && rhs != 0)
        case .equal: return truth(lhs == rhs)
        case .notEqual: return truth(lhs != rhs)
        case .less: return truth(lhs < rhs)
        case .greater: return truth(lhs > rhs)
        case .lessOrEqual: return truth(lhs <= rhs)
        case .greaterOrEqual: return truth(lhs >= rhs)
        case .add: return lhs &+ rhs
        case .subtract: return lhs &- rhs
        case .multiply: return lhs &* rhs
        case .divide: return rhs == 0 ? nil : lhs / rhs
        case .remainder: return rhs == 0 ? nil : lhs % rhs
        }
    }
}
