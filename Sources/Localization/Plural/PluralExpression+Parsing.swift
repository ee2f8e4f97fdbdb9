extension PluralExpression {
    /// Why an expression could not be parsed; `position` counts characters from the start.
    public enum ParseError: Error, Sendable, Hashable {
        case unexpectedCharacter(position: Int)
        case unexpectedToken(position: Int)
        case unexpectedEnd
        case numberTooLarge(position: Int)
        case tooDeeplyNested
    }

    /// The deepest nesting accepted; real rules need fewer than 10 levels.
    static let maximumDepth = 64

    /// Parses a C-like plural expression such as `(n%10==1 && n%100!=11 ? 0 : 1)`.
    public init(parsing text: String) throws(ParseError) {
        var parser = try PluralExpressionParser(tokens: PluralExpressionParser.tokenize(text))
        self = try parser.parseExpression(depth: 0)
        try parser.expectEnd()
    }
}

/// A recursive-descent parser with C precedence for ``PluralExpression``.
struct PluralExpressionParser {
    enum Token: Equatable {
        case n
        case number(UInt64)
        case operation(PluralExpression.Operator)
        case not, question, colon, open, close
    }

    private let tokens: [(token: Token, position: Int)]
    private var index = 0

    init(tokens: [(token: Token, position: Int)]) {
        self.tokens = tokens
    }

    static func tokenize(_ text: String) throws(PluralExpression.ParseError) -> [(token: Token, position: Int)] {
        let characters = Array(text)
        var result: [(token: Token, position: Int)] = []
        var position = 0
        while position < characters.count {
            let character = characters[position]
            let next = position + 1 < characters.count ? characters[position + 1] : nil
            let start = position
            position += 1
            switch character {
            case " ", "\t", "\n", "\r": continue
            case "n": result.append((.n, start))
            case "?": result.append((.question, start))
            case ":": result.append((.colon, start))
            case "(": result.append((.open, start))
            case ")": result.append((.close, start))
            case "+": result.append((.operation(.add), start))
            case "-": result.append((.operation(.subtract), start))
            case "*": result.append((.operation(.multiply), start))
            case "/": result.append((.operation(.divide), start))
            case "%": result.append((.operation(.remainder), start))
            case "|", "&", "=":
                guard next == character else { throw .unexpectedCharacter(position: start) }
                position += 1
                let operation: PluralExpression.Operator =
                    character == "|" ? .or : character == "&" ? .and : .equal
                result.append((.operation(operation), start))
            case "!", "<", ">":
                if next == "=" {
                    position += 1
                    let operation: PluralExpression.Operator =
                        character == "!" ? .notEqual : character == "<" ? .lessOrEqual : .greaterOrEqual
                    result.append((.operation(operation), start))
                } else {
                    result.append((character == "!" ? .not : .operation(character == "<" ? .less : .greater), start))
                }
            case "0"..."9":
                var value: UInt64 = 0
                var cursor = start
                while cursor < characters.count, let digit = characters[cursor].wholeNumberValue,
                    characters[cursor].isASCII
                {
                    let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (added, overflow2) = multiplied.addingReportingOverflow(UInt64(digit))
                    guard !overflow1, !overflow2 else { throw .numberTooLarge(position: start) }
                    value = added
                    cursor += 1
                }
                position = cursor
                result.append((.number(value), start))
            default:
                throw .unexpectedCharacter(position: start)
            }
        }
        return result
    }

    /// conditional := binary ( '?' conditional ':' conditional )?
    mutating func parseExpression(depth: Int) throws(PluralExpression.ParseError) -> PluralExpression {
        guard depth < PluralExpression.maximumDepth else { throw .tooDeeplyNested }
        let condition = try parseBinary(minimumPrecedence: 1, depth: depth)
        guard peek() == .question else { return condition }
        index += 1
        let then = try parseExpression(depth: depth + 1)
        try expect(.colon)
        let otherwise = try parseExpression(depth: depth + 1)
        return .conditional(condition, then, otherwise)
    }

    /// Precedence climbing over the left-associative binary operators.
    private mutating func parseBinary(minimumPrecedence: Int, depth: Int) throws(PluralExpression.ParseError)
        -> PluralExpression
    {
        var left = try parseUnary(depth: depth)
        while case .operation(let operation)? = peek(), operation.precedence >= minimumPrecedence {
            index += 1
            let right = try parseBinary(minimumPrecedence: operation.precedence + 1, depth: depth + 1)
            left = .binary(operation, left, right)
        }
        return left
    }

    /// unary := '!' unary | 'n' | number | '(' conditional ')'
    private mutating func parseUnary(depth: Int) throws(PluralExpression.ParseError) -> PluralExpression {
        guard depth < PluralExpression.maximumDepth else { throw .tooDeeplyNested }
        guard index < tokens.count else { throw .unexpectedEnd }
        let (token, position) = tokens[index]
        index += 1
        switch token {
        case .not: return .not(try parseUnary(depth: depth + 1))
        case .n: return .n
        case .number(let value): return .constant(value)
        case .open:
            let inner = try parseExpression(depth: depth + 1)
            try expect(.close)
            return inner
        default: throw .unexpectedToken(position: position)
        }
    }

    mutating func expectEnd() throws(PluralExpression.ParseError) {
        if index < tokens.count { throw .unexpectedToken(position: tokens[index].position) }
    }

    private mutating func expect(_ token: Token) throws(PluralExpression.ParseError) {
        guard index < tokens.count else { throw .unexpectedEnd }
        guard tokens[index].token == token else { throw .unexpectedToken(position: tokens[index].position) }
        index += 1
    }

    private func peek() -> Token? { index < tokens.count ? tokens[index].token : nil }
}
