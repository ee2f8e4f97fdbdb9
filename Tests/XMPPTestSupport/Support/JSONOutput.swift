// Reading the JSON objects `xmpp-onboard --json` prints.
import Foundation
import Testing

/// JSON objects in a command's output: one per line, possibly among other lines (prompts, or `\r\n` line ends
/// on a pseudo-terminal).
public enum JSONOutput {
    /// The JSON object `text` holds; fails the test when it is not one.
    /// - Parameter context: added to the failure message (for example the command's stderr).
    public static func object(
        _ text: String, context: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(
            object as? [String: Any], "not a JSON object: \(text) \(context)", sourceLocation: sourceLocation)
    }

    /// The JSON object on the last line of `text` that starts with `{`; fails the test when there is none.
    public static func lastObject(
        in text: String, context: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        try object(objectLines(text).last ?? text, context: context, sourceLocation: sourceLocation)
    }

    /// The JSON object on the last line of `text` that starts with `{`, or nil.
    public static func lastObjectIfAny(in text: String) -> [String: Any]? {
        objectLines(text).last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Every line of `text` that is a JSON object.
    public static func objects(in text: String) -> [[String: Any]] {
        objectLines(text).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    private static func objectLines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init).filter { $0.hasPrefix("{") }
    }
}
