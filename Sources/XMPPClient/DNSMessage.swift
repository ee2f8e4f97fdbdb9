/// Reads SRV answers from a raw DNS response (RFC 1035 §4.1, RFC 2782), with name decompression.
///
/// Pure parsing of untrusted bytes: every read is bounds-checked and compression pointers may only point
/// backwards, so a hostile answer cannot loop.
enum DNSMessage {
    enum ParseError: Error, Equatable {
        case truncated
        case badName
    }

    static let typeSRV: UInt16 = 33

    /// The SRV records in the answer section.
    static func srvRecords(in message: [UInt8]) throws(ParseError) -> [SRVRecord] {
        var reader = Reader(bytes: message)
        _ = try reader.readUInt16()  // id
        _ = try reader.readUInt16()  // flags
        let questions = try reader.readUInt16()
        let answers = try reader.readUInt16()
        _ = try reader.readUInt16()  // authority
        _ = try reader.readUInt16()  // additional
        for _ in 0..<questions {
            _ = try reader.readName()
            try reader.skip(4)
        }
        var records: [SRVRecord] = []
        for _ in 0..<answers {
            _ = try reader.readName()
            let type = try reader.readUInt16()
            _ = try reader.readUInt16()  // class
            try reader.skip(4)  // TTL
            let length = Int(try reader.readUInt16())
            let end = reader.offset + length
            guard end <= message.count else { throw .truncated }
            if type == typeSRV {
                let priority = try reader.readUInt16()
                let weight = try reader.readUInt16()
                let port = try reader.readUInt16()
                let target = try reader.readName()
                records.append(SRVRecord(priority: priority, weight: weight, port: port, target: target))
            }
            reader.offset = end
        }
        return records
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func readUInt16() throws(ParseError) -> UInt16 {
            guard offset + 2 <= bytes.count else { throw .truncated }
            defer { offset += 2 }
            return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
        }

        mutating func skip(_ count: Int) throws(ParseError) {
            guard offset + count <= bytes.count else { throw .truncated }
            offset += count
        }

        /// A domain name; `"."` for the root. Follows compression pointers backwards only.
        mutating func readName() throws(ParseError) -> String {
            var labels: [String] = []
            var position = offset
            var jumped = false
            var limit = 128
            while true {
                limit -= 1
                guard limit > 0, position < bytes.count else { throw .badName }
                let length = Int(bytes[position])
                if length == 0 {
                    if !jumped { offset = position + 1 }
                    break
                }
                if length & 0xC0 == 0xC0 {
                    guard position + 1 < bytes.count else { throw .truncated }
                    let pointer = (length & 0x3F) << 8 | Int(bytes[position + 1])
                    guard pointer < position else { throw .badName }
                    if !jumped { offset = position + 2 }
                    jumped = true
                    position = pointer
                    continue
                }
                guard length <= 63, position + 1 + length <= bytes.count else { throw .badName }
                let label = bytes[(position + 1)...(position + length)]
                labels.append(String(decoding: label, as: UTF8.self))
                position += 1 + length
            }
            return labels.isEmpty ? "." : labels.joined(separator: ".").lowercased()
        }
    }
}
