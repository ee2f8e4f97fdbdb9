/// OMEMO verification URIs as Conversations and Gajim write them (protocols.md §10.5):
/// `xmpp:user@example.org?omemo-sid-123=HEX;omemo-sid-456=HEX`, Gajim's `?message;omemo-sid-123=HEX`, and the
/// bare `omemo=HEX` (device id 0) that Conversations' parser also accepts.
extension XMPPURI {
    /// One device's identity-key fingerprint.
    public struct OMEMOFingerprint: Sendable, Hashable {
        /// The device id (1 … 2³¹ − 1), or 0 for the bare `omemo=` form.
        public let deviceID: UInt32
        /// The fingerprint as lower-case hex (64 digits for a Curve25519 key without the `05` type byte).
        public let hex: String

        /// A fingerprint; the hex digits are lower-cased. Throws for an id above 2³¹ − 1 or non-hex text.
        public init(deviceID: UInt32, hex: String) throws(XMPPURIError) {
            let key = deviceID == 0 ? Self.bareKey : Self.keyPrefix + String(deviceID)
            guard deviceID <= Self.maximumDeviceID, Self.isHex(hex) else { throw .invalidOMEMOParameter(key: key) }
            self.deviceID = deviceID
            self.hex = hex.lowercased()
        }

        /// The query key: `omemo-sid-<id>`, or `omemo` for device id 0.
        public var key: String { deviceID == 0 ? Self.bareKey : Self.keyPrefix + String(deviceID) }

        /// XEP-0384: device ids are 1 … 2³¹ − 1.
        public static let maximumDeviceID: UInt32 = 0x7FFF_FFFF
        static let keyPrefix = "omemo-sid-"
        static let bareKey = "omemo"

        static func isHex(_ text: String) -> Bool {
            !text.isEmpty && text.utf8.count % 2 == 0 && text.unicodeScalars.allSatisfy(\.isASCIIHexDigit)
        }
    }

    /// The OMEMO fingerprints in the query, in order; empty when there are none.
    ///
    /// Accepts them with no action or with `message` (Gajim). Throws for a malformed id or fingerprint.
    public func omemoFingerprints() throws(XMPPURIError) -> [OMEMOFingerprint] {
        var fingerprints: [OMEMOFingerprint] = []
        for parameter in parameters {
            if parameter.key == OMEMOFingerprint.bareKey {
                fingerprints.append(try OMEMOFingerprint(deviceID: 0, hex: parameter.value))
            } else if parameter.key.hasPrefix(OMEMOFingerprint.keyPrefix) {
                let digits = parameter.key.dropFirst(OMEMOFingerprint.keyPrefix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let id = UInt32(digits), id > 0 else {
                    throw .invalidOMEMOParameter(key: parameter.key)
                }
                fingerprints.append(try OMEMOFingerprint(deviceID: id, hex: parameter.value))
            }
        }
        return fingerprints
    }

    /// Whether this is an OMEMO verification URI: fingerprints with no action or with `message`.
    public var isOMEMOVerification: Bool {
        guard action == nil || action == .message else { return false }
        return parameters.contains {
            $0.key == OMEMOFingerprint.bareKey || $0.key.hasPrefix(OMEMOFingerprint.keyPrefix)
        }
    }

    /// `xmpp:JID?omemo-sid-ID=HEX;…` (Conversations), or `xmpp:JID?message;omemo-sid-ID=HEX;…` (Gajim) when
    /// `includesMessageAction`. The JID is used bare.
    public static func makeOMEMOVerification(
        jid: String,
        fingerprints: [OMEMOFingerprint],
        includesMessageAction: Bool = false
    ) throws(XMPPURIError) -> XMPPURI {
        var uri = try XMPPURI(
            jid: jid,
            action: includesMessageAction ? .message : nil,
            parameters: fingerprints.map { Parameter($0.key, $0.hex) }
        )
        uri.resource = nil
        return uri
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIHexDigit: Bool {
        switch self {
        case "0"..."9", "a"..."f", "A"..."F": true
        default: false
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
