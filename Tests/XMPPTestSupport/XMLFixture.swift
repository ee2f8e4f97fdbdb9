import Foundation
import XMPPCore

/// Builds `Element`s from short XML snippets for transcript tests, without a real parser.
///
/// Supports the subset transcripts use: nested elements, `xmlns`, single- or double-quoted attributes, text,
/// self-closing tags and the five predefined entities. `stream:` prefixed names map to the stream namespace.
public enum XMLFixture {
    public static func element(_ xml: String, defaultNamespace: String = Namespace.client) -> Element {
        var parser = MiniParser(Array(xml.utf8))
        guard let element = parser.parseElement(parentNamespace: defaultNamespace) else {
            preconditionFailure("bad fixture XML: \(xml)")
        }
        return element
    }

    private struct MiniParser {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func readName() -> String {
            let start = index
            while index < bytes.count, !" \n\t\r/>=".utf8.contains(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        static func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }

        mutating func parseElement(parentNamespace: String) -> Element? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
            index += 1
            var name = readName()
            var namespace = parentNamespace
            var attributes: [Element.Attribute] = []
            while true {
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "/") {
                    index += 2
                    return finish(name: &name, namespace: namespace, attributes: attributes, children: [])
                }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                let attributeName = readName()
                index += 1  // =
                let quote = bytes[index]
                index += 1
                let start = index
                while bytes[index] != quote { index += 1 }
                let value = Self.unescape(String(decoding: bytes[start..<index], as: UTF8.self))
                index += 1
                if attributeName == "xmlns" {
                    namespace = value
                } else if !attributeName.hasPrefix("xmlns:") {
                    attributes.append(Element.Attribute(attributeName, value))
                }
            }
            var children: [Element.Node] = []
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    if bytes[index + 1] == UInt8(ascii: "/") {
                        while bytes[index] != UInt8(ascii: ">") { index += 1 }
                        index += 1
                        return finish(name: &name, namespace: namespace, attributes: attributes, children: children)
                    }
                    let childNamespace = namespace
                    if let child = parseElement(parentNamespace: childNamespace) { children.append(.element(child)) }
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                    children.append(.text(Self.unescape(String(decoding: bytes[start..<index], as: UTF8.self))))
                }
            }
            return nil
        }

        func finish(name: inout String, namespace: String, attributes: [Element.Attribute], children: [Element.Node]) -> Element {
            var resolvedNamespace = namespace
            if name.hasPrefix("stream:") {
                name = String(name.dropFirst("stream:".count))
                resolvedNamespace = Namespace.stream
            }
            return Element(name, namespace: resolvedNamespace, attributes: attributes, children: children)
        }
    }
}
