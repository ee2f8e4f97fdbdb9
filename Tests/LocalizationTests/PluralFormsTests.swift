import Localization
import Testing

@Suite("Plural-Forms rules")
struct PluralFormsTests {
    /// Headers as each language's gettext community writes them (GNU gettext manual §12.6).
    static let russian =
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    static let polish = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"

    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var header: String
        var expected: [Int: Int]
        var testDescription: String { language }
    }

    static let cases: [Case] = [
        Case(language: "en", header: "nplurals=2; plural=(n != 1);", expected: [0: 1, 1: 0, 2: 1, 11: 1, 101: 1]),
        Case(
            language: "fr (0 is singular)", header: "nplurals=2; plural=(n > 1);",
            expected: [0: 0, 1: 0, 2: 1, 100: 1]),
        Case(language: "pt-BR", header: "nplurals=2; plural=(n > 1);", expected: [0: 0, 1: 0, 2: 1]),
        Case(
            language: "ru", header: russian,
            expected: [
                0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 101: 0, 111: 2, 112: 2, 122: 1,
                1001: 0,
            ]),
        Case(language: "uk", header: russian, expected: [1: 0, 3: 1, 7: 2, 11: 2, 21: 0, 24: 1, 111: 2]),
        Case(
            language: "pl", header: polish,
            expected: [0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 12: 2, 21: 2, 22: 1, 25: 2, 102: 1, 112: 2]),
        Case(language: "ja", header: "nplurals=1; plural=0;", expected: [0: 0, 1: 0, 2: 0, 1000: 0]),
    ]

    @Test("form index per number", arguments: cases)
    func formIndex(_ testCase: Case) throws {
        let forms = try PluralForms(parsing: testCase.header)
        for (n, index) in testCase.expected {
            #expect(forms.formIndex(for: n) == index, "n = \(n)")
        }
        #expect(forms.firstInvalidNumber() == nil)
    }

    @Test("C precedence: && binds tighter than ||, ?: is right-associative, ! and arithmetic")
    func precedence() throws {
        let expression = try PluralExpression(parsing: "n == 1 || n == 2 && n != 2 ? 0 : n < 5 ? 1 : 2")
        #expect([1, 2, 3, 7].map { expression.evaluate(n: $0) } == [0, 1, 1, 2])
        let arithmetic = try PluralExpression(parsing: "(n + 2) * 3 - 4 / 2 % 3")
        #expect(arithmetic.evaluate(n: 1) == 7)  // 9 - (2 % 3)
        let not = try PluralExpression(parsing: "!(n % 2)")
        #expect(not.evaluate(n: 4) == 1)
        #expect(not.evaluate(n: 5) == 0)
        let comparisons = try PluralExpression(parsing: "(n >= 2) + (n <= 2) + (n > 2) + (n < 2)")
        #expect(comparisons.evaluate(n: 2) == 2)
    }

    @Test("division by zero yields no value; the last form is used")
    func divisionByZero() throws {
        let forms = try PluralForms(parsing: "nplurals=2; plural=n / (n - n);")
        #expect(forms.expression.evaluate(n: 3) == nil)
        #expect(forms.formIndex(for: 3) == 1)
        #expect(forms.firstInvalidNumber() == 0)
    }

    @Test("an index beyond nplurals is reported and clamped")
    func indexOutOfRange() throws {
        let forms = try PluralForms(parsing: "nplurals=2; plural=n;")
        #expect(forms.firstInvalidNumber() == 2)
        #expect(forms.formIndex(for: 5) == 1)
    }

    @Test(
        "malformed headers are rejected",
        arguments: [
            "plural=(n != 1);", "nplurals=0; plural=0;", "nplurals=x; plural=0;", "nplurals=2;",
            "nplurals=2; plural=(n != 1;", "nplurals=2; plural=n = 1;", "nplurals=2; plural=n ? 1;",
            "nplurals=2; plural=m;", "nplurals=2; plural=99999999999999999999999;", "nplurals=2; plural=;",
        ])
    func malformed(_ header: String) {
        #expect(throws: PluralForms.ParseError.self) { try PluralForms(parsing: header) }
    }

    @Test("deep nesting is refused instead of exhausting the stack")
    func deepNesting() {
        let deep = String(repeating: "(", count: 500) + "n" + String(repeating: ")", count: 500)
        #expect(throws: PluralExpression.ParseError.tooDeeplyNested) { try PluralExpression(parsing: deep) }
    }
}
