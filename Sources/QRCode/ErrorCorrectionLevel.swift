/// How much of a QR code may be damaged or hidden and still decode (ISO/IEC 18004 §6.5.1).
///
/// A higher level makes the code denser for the same text. The raw values are the letters used by
/// `--ec L|M|Q|H`.
public enum ErrorCorrectionLevel: String, CaseIterable, Sendable, Hashable {
    /// About 7 % of the code words can be restored.
    case low = "L"
    /// About 15 % (the default: a good balance for screens and paper).
    case medium = "M"
    /// About 25 %.
    case quartile = "Q"
    /// About 30 %.
    case high = "H"

    /// The most bytes a version-40 symbol holds in 8-bit (byte) mode at this level (ISO/IEC 18004 Table 7).
    ///
    /// Text made only of digits or upper-case letters can be longer, because libqrencode switches to the
    /// denser numeric and alphanumeric modes for those runs.
    public var maximumByteCount: Int {
        switch self {
        case .low: 2953
        case .medium: 2331
        case .quartile: 1663
        case .high: 1273
        }
    }
}
