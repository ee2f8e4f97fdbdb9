/// Why a QR code could not be made or written.
///
/// The CLI maps each case to a message key; these values carry no user-facing English.
public enum QRCodeError: Error, Sendable, Hashable {
    /// There is nothing to encode.
    case empty
    /// The input does not fit in the largest symbol (version 40) at this error-correction level.
    case tooLong(byteCount: Int, maximumByteCount: Int, level: ErrorCorrectionLevel)
    /// libqrencode failed for another reason (the C `errno`, for example `ENOMEM`).
    case encodingFailed(errno: Int32)
    /// A rendering parameter is outside its documented range (for example a module size of 0).
    case invalidParameter(name: String, value: Int)
    /// libpng reported an error while encoding the image (its message, in English, for logs only).
    case pngEncodingFailed(message: String)
}
