import Foundation

/// Base64 helpers for transcript tests.
public enum Base64 {
    public static func encode(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    public static func decodeString(_ text: String) -> String? {
        Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) }
    }
}
