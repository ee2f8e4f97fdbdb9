import Testing

@testable import QRCode

@Suite("QRMatrix: encoding and dimensions")
struct QRMatrixTests {
    @Test("size is 17 + 4 × version", arguments: ErrorCorrectionLevel.allCases)
    func sizeFollowsVersion(level: ErrorCorrectionLevel) throws {
        for length in [1, 10, 50, 200, 800] {
            let matrix = try QRMatrix(encoding: String(repeating: "x", count: length), errorCorrection: level)
            #expect(matrix.size == 17 + 4 * matrix.version)
            #expect((1...40).contains(matrix.version))
            #expect(matrix.errorCorrection == level)
        }
    }

    @Test("a short text fits in version 1 (21 × 21)")
    func shortTextIsVersionOne() throws {
        let matrix = try QRMatrix(encoding: "hello")
        #expect(matrix.version == 1)
        #expect(matrix.size == 21)
    }

    @Test("finder patterns sit in three corners")
    func finderPatterns() throws {
        let matrix = try QRMatrix(encoding: "xmpp:romeo@montague.net?roster")
        let last = matrix.size - 1
        for (row, column) in [(0, 0), (0, last - 6), (last - 6, 0)] {
            // The 7×7 finder: dark border, light ring, dark 3×3 centre.
            #expect(matrix[row, column])
            #expect(matrix[row + 6, column + 6])
            #expect(!matrix[row + 1, column + 1])
            #expect(matrix[row + 3, column + 3])
        }
    }

    @Test("a higher error-correction level never makes a smaller symbol")
    func levelsGrow() throws {
        let text = String(repeating: "xmpp:juliet@capulet.example?register;preauth=abcdef", count: 4)
        let sizes = try ErrorCorrectionLevel.allCases.map { try QRMatrix(encoding: text, errorCorrection: $0).size }
        #expect(sizes == sizes.sorted())
        #expect(sizes.first ?? 0 < sizes.last ?? 0)
    }

    @Test("the byte-mode maximum fits; one byte more is too long", arguments: ErrorCorrectionLevel.allCases)
    func maximumLength(level: ErrorCorrectionLevel) throws {
        let fits = [UInt8](repeating: 0x61, count: level.maximumByteCount)
        let matrix = try QRMatrix(encoding: fits, errorCorrection: level)
        #expect(matrix.version == 40)
        #expect(matrix.size == 177)

        let tooLong = fits + [0x61]
        #expect(throws: QRCodeError.tooLong(byteCount: tooLong.count, maximumByteCount: fits.count, level: level)) {
            try QRMatrix(encoding: tooLong, errorCorrection: level)
        }
    }

    @Test("non-ASCII text loses one byte of capacity to the UTF-8 ECI header", arguments: ErrorCorrectionLevel.allCases)
    func unicodeMaximumLength(level: ErrorCorrectionLevel) throws {
        let maximum = level.maximumByteCount - QRMatrix.eciOverheadBytes
        let fits = "é" + String(repeating: "a", count: maximum - 2)
        #expect(try QRMatrix(encoding: fits, errorCorrection: level).version == 40)
        let tooLong = fits + "a"
        #expect(throws: QRCodeError.tooLong(byteCount: maximum + 1, maximumByteCount: maximum, level: level)) {
            try QRMatrix(encoding: tooLong, errorCorrection: level)
        }
    }

    @Test("too long text reports its UTF-8 byte count")
    func tooLongText() {
        let text = String(repeating: "ä", count: 2000)  // 4000 bytes
        #expect(throws: QRCodeError.tooLong(byteCount: 4000, maximumByteCount: 2330, level: .medium)) {
            try QRMatrix(encoding: text)
        }
    }

    @Test("empty input is rejected")
    func emptyInput() {
        #expect(throws: QRCodeError.empty) { try QRMatrix(encoding: "") }
        #expect(throws: QRCodeError.empty) { try QRMatrix(encoding: [UInt8]()) }
    }

    @Test("text with U+0000 is encoded as bytes")
    func textWithNul() throws {
        let text = "a\u{0}b"
        #expect(try QRMatrix(encoding: text) == QRMatrix(encoding: Array(text.utf8)))
    }

    @Test("equal inputs give equal matrices")
    func deterministic() throws {
        #expect(try QRMatrix(encoding: "same") == QRMatrix(encoding: "same"))
        #expect(try QRMatrix(encoding: "same") != QRMatrix(encoding: "other"))
    }
}
