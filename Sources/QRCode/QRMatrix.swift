import CQREncode

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable QR code symbol: a square of dark and light modules, made by libqrencode.
///
/// Encoding happens once, in the initializer; renderers (`terminalText`, `asciiText`, `pngData`, `svgText`)
/// read the matrix and are pure Swift (docs/architecture.md §4). The matrix does not include the quiet zone;
/// renderers add it.
///
/// Cost: encoding is O(n) in the input with a large constant (libqrencode tries every mask pattern), so
/// build a matrix once and render it as often as needed.
public struct QRMatrix: Sendable, Hashable {
    /// The number of modules on each side (21 for version 1, 177 for version 40).
    public let size: Int
    /// The symbol version, 1…40 (ISO/IEC 18004 §6.4.1).
    public let version: Int
    /// The error-correction level the symbol was made with.
    public let errorCorrection: ErrorCorrectionLevel
    /// Row-major modules, `true` for dark.
    private let modules: [Bool]

    /// Encodes text as UTF-8.
    ///
    /// ASCII text goes through `QRcode_encodeString` (8-bit mode hint, case-sensitive): libqrencode picks
    /// numeric and alphanumeric segments where they are shorter, so an upper-case or numeric text may fit
    /// where the same number of arbitrary bytes would not. Other text is one 8-bit segment marked as UTF-8
    /// with an ECI header, so decoders do not have to guess the character set. Text containing U+0000
    /// cannot pass through the C string API and is encoded as bytes instead.
    public init(encoding text: String, errorCorrection: ErrorCorrectionLevel = .medium) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        if bytes.contains(0) {
            try self.init(encoding: bytes, errorCorrection: errorCorrection)
            return
        }
        errno = 0
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let code = QRcode_encodeString(text, 0, errorCorrection.cLevel, QR_MODE_8, 1)
            try self.init(taking: code, byteCount: bytes.count, errorCorrection: errorCorrection)
        } else {
            let code = Self.encodeUTF8WithECI(bytes, level: errorCorrection.cLevel)
            try self.init(
                taking: code,
                byteCount: bytes.count,
                errorCorrection: errorCorrection,
                maximumByteCount: errorCorrection.maximumByteCount - Self.eciOverheadBytes
            )
        }
    }

    /// Encodes arbitrary bytes in 8-bit mode (`QRcode_encodeData`).
    public init(encoding bytes: [UInt8], errorCorrection: ErrorCorrectionLevel = .medium) throws(QRCodeError) {
        guard !bytes.isEmpty else { throw .empty }
        errno = 0
        let code = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, errorCorrection.cLevel)
        }
        try self.init(taking: code, byteCount: bytes.count, errorCorrection: errorCorrection)
    }

    /// A matrix from explicit rows (tests and renderers' fixtures). Every row must be `rows.count` long.
    package init(rows: [[Bool]], version: Int = 1, errorCorrection: ErrorCorrectionLevel = .medium) {
        precondition(rows.allSatisfy { $0.count == rows.count }, "a QR matrix is square")
        self.size = rows.count
        self.version = version
        self.errorCorrection = errorCorrection
        self.modules = rows.flatMap { $0 }
    }

    /// The ECI designator for UTF-8 (ISO/IEC 18004 §6.4.2; AIM ECI 26).
    private static let utf8ECI: UInt32 = 26

    /// Payload bytes the 12-bit ECI header costs at version 40 (every level has 4 spare bits in byte mode).
    static let eciOverheadBytes = 1

    /// Non-ASCII text as one 8-bit segment behind a UTF-8 ECI header.
    ///
    /// Without the header, 8-bit data means ISO-8859-1 by the standard and decoders guess (zbar took
    /// `jiři@čechy.example` for another charset); with it, ZXing, ZXing-C++, zbar and Apple's decoder all read
    /// UTF-8. ASCII text needs no header and keeps libqrencode's mode optimization.
    private static func encodeUTF8WithECI(_ bytes: [UInt8], level: QRecLevel) -> UnsafeMutablePointer<QRcode>? {
        guard let input = QRinput_new2(0, level) else { return nil }
        defer { QRinput_free(input) }
        guard QRinput_appendECIheader(input, utf8ECI) == 0 else { return nil }
        let appended = bytes.withUnsafeBufferPointer { buffer in
            QRinput_append(input, QR_MODE_8, Int32(buffer.count), buffer.baseAddress)
        }
        guard appended == 0 else { return nil }
        return QRcode_encodeInput(input)
    }

    /// Copies the modules out of a libqrencode result and frees it.
    private init(
        taking code: UnsafeMutablePointer<QRcode>?,
        byteCount: Int,
        errorCorrection: ErrorCorrectionLevel,
        maximumByteCount: Int? = nil
    ) throws(QRCodeError) {
        guard let code else {
            let error = errno
            if error == ERANGE {
                throw .tooLong(
                    byteCount: byteCount,
                    maximumByteCount: maximumByteCount ?? errorCorrection.maximumByteCount,
                    level: errorCorrection
                )
            }
            throw .encodingFailed(errno: error)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // The low bit of each byte is the module colour; the other bits describe its role (libqrencode docs).
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.size = width
        self.version = Int(code.pointee.version)
        self.errorCorrection = errorCorrection
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` (both 0-based, inside the symbol) is dark.
    public subscript(row: Int, column: Int) -> Bool {
        precondition(row >= 0 && row < size && column >= 0 && column < size, "module outside the symbol")
        return modules[row * size + column]
    }

    /// Whether the module is dark, treating everything outside the symbol (the quiet zone) as light.
    func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }
}

extension ErrorCorrectionLevel {
    fileprivate var cLevel: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}
