/// The client side of SCRAM (RFC 5802 §3, §5, §7) as a value-type state machine.
///
/// Sans-I/O: bytes in, bytes out. The nonce is injected (the driver draws it from a CSPRNG) and the
/// cryptography comes from `CryptoPrimitives`. The username is escaped (`,` → `=2C`, `=` → `=3D`) but not
/// otherwise prepared: pass the JID's localpart, already enforced with PRECIS UsernameCaseMapped. The
/// password is prepared here with PRECIS OpaqueString (RFC 8265 §4.2). Once failed, the client stays failed.
public struct SCRAMClient: Sendable {
    /// Where the exchange stands.
    public enum State: Sendable, Hashable {
        /// Nothing sent yet.
        case initial
        /// client-first sent; waiting for server-first.
        case awaitingServerFirst(clientFirstBare: String)
        /// client-final sent; waiting for server-final, whose `v=` must equal `serverSignature`.
        case awaitingServerFinal(serverSignature: [UInt8])
        /// The server proved knowledge of the password.
        case succeeded
        /// Terminal.
        case failed(SCRAMError)
    }

    public private(set) var state: State = .initial
    public let hash: SCRAMHash
    public let binding: ChannelBindingChoice
    let username: String
    var preparedPassword: Result<[UInt8], PRECISError>
    let clientNonce: String
    let bindingData: [UInt8]?
    let downgradeProtection: DowngradeProtectionInput?
    let crypto: any CryptoPrimitives
    let iterationRange: ClosedRange<Int>

    /// - Parameters:
    ///   - clientNonce: printable ASCII without `,` (RFC 5802 §7 `printable`); at least 18 random bytes'
    ///     worth in production.
    ///   - bindingData: the channel-binding data for `binding == .bound(_)` (the TLS exporter output, the
    ///     Finished message, or the certificate hash).
    ///   - downgradeProtection: what the server advertised, to check XEP-0474 `h=`; `nil` skips the check.
    ///   - iterationRange: accepted `i=` values (S4); the ceiling bounds the work a server can demand.
    public init(
        hash: SCRAMHash,
        username: String,
        password: String,
        clientNonce: String,
        binding: ChannelBindingChoice,
        bindingData: [UInt8]?,
        downgradeProtection: DowngradeProtectionInput?,
        crypto: any CryptoPrimitives,
        iterationRange: ClosedRange<Int> = 4096...1_048_576
    ) {
        precondition(!clientNonce.isEmpty && clientNonce.utf8.allSatisfy(Self.isPrintable), "invalid SCRAM nonce")
        precondition(iterationRange.lowerBound >= 1, "invalid SCRAM iteration range")
        self.hash = hash
        self.username = username
        do {
            preparedPassword = .success(Array(try PRECIS.opaqueString(password).utf8))
        } catch {
            preparedPassword = .failure(error)
        }
        self.clientNonce = clientNonce
        self.binding = binding
        self.bindingData = bindingData
        self.downgradeProtection = downgradeProtection
        self.crypto = crypto
        self.iterationRange = iterationRange
    }

    /// `gs2-header client-first-message-bare`, for example `n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL`.
    public mutating func makeClientFirstMessage() -> [UInt8] {
        guard case .initial = state else { preconditionFailure("client-first already made") }
        let bare = "n=" + Self.escaped(username) + ",r=" + clientNonce
        state = .awaitingServerFirst(clientFirstBare: bare)
        return Array((binding.gs2Header + bare).utf8)
    }

    /// Checks server-first (S3–S8) and returns client-final with the proof.
    public mutating func receiveServerFirst(_ message: [UInt8]) throws(SCRAMError) -> [UInt8] {
        guard case .awaitingServerFirst(let clientFirstBare) = state else { throw fail(.unexpectedMessage) }
        do {
            let serverFirst = try ServerFirst(parsing: message, clientNonce: clientNonce)
            guard iterationRange.contains(serverFirst.iterations) else {
                throw SCRAMError.iterationCountOutOfRange(serverFirst.iterations)
            }
            if let downgradeProtection, let serverHash = serverFirst.downgradeHash {
                let expected = crypto.digest(hash, downgradeProtection.hashInput)
                guard SecretBytes.constantTimeEquals(expected, serverHash) else { throw SCRAMError.downgradeDetected }
            }
            var password: [UInt8]
            switch preparedPassword {
            case .success(let bytes): password = bytes
            case .failure(let error): throw SCRAMError.invalidPassword(error)
            }
            defer {
                SecretBytes.wipe(&password)
                wipePassword()
            }
            var channelBindingInput = Array(binding.gs2Header.utf8)
            if case .bound = binding {
                guard let bindingData else { throw SCRAMError.channelBindingDataUnavailable }
                channelBindingInput += bindingData
            }
            let withoutProof = "c=" + Base64.encode(channelBindingInput) + ",r=" + serverFirst.nonce
            let authMessage = Array((clientFirstBare + "," + serverFirst.text + "," + withoutProof).utf8)

            var saltedPassword = crypto.pbkdf2(
                hash, password: password, salt: serverFirst.salt, iterations: serverFirst.iterations)
            var clientKey = crypto.hmac(hash, key: saltedPassword, data: Array("Client Key".utf8))
            let storedKey = crypto.digest(hash, clientKey)
            let clientSignature = crypto.hmac(hash, key: storedKey, data: authMessage)
            let proof = SecretBytes.xor(clientKey, clientSignature)
            let serverKey = crypto.hmac(hash, key: saltedPassword, data: Array("Server Key".utf8))
            let serverSignature = crypto.hmac(hash, key: serverKey, data: authMessage)
            SecretBytes.wipe(&saltedPassword)
            SecretBytes.wipe(&clientKey)

            state = .awaitingServerFinal(serverSignature: serverSignature)
            return Array((withoutProof + ",p=" + Base64.encode(proof)).utf8)
        } catch let error as SCRAMError {
            throw fail(error)
        } catch {
            throw fail(.malformedMessage)
        }
    }

    /// Checks server-final: `v=` must equal the ServerSignature (constant-time, S9); `e=` fails with the
    /// server's value (S11).
    public mutating func receiveServerFinal(_ message: [UInt8]) throws(SCRAMError) {
        guard case .awaitingServerFinal(let expected) = state else { throw fail(.unexpectedMessage) }
        guard let text = String(validating: message, as: UTF8.self) else { throw fail(.malformedMessage) }
        guard !text.isEmpty else { throw fail(.missingServerSignature) }
        guard let first = text.split(separator: ",", omittingEmptySubsequences: false).first,
            let attribute = Attribute(first)
        else { throw fail(.malformedMessage) }
        switch attribute.name {
        case "e":
            throw fail(.serverError(String(attribute.value)))
        case "v":
            guard let signature = Base64.decode(attribute.value) else { throw fail(.malformedMessage) }
            guard SecretBytes.constantTimeEquals(signature, expected) else { throw fail(.serverSignatureMismatch) }
            state = .succeeded
        default:
            throw fail(.missingServerSignature)
        }
    }

    /// Whether server-final has been verified.
    public var isSucceeded: Bool { state == .succeeded }

    // MARK: - Helpers

    private mutating func fail(_ error: SCRAMError) -> SCRAMError {
        state = .failed(error)
        wipePassword()
        return error
    }

    private mutating func wipePassword() {
        if case .success(var bytes) = preparedPassword {
            preparedPassword = .success([])
            SecretBytes.wipe(&bytes)
        }
    }

    /// RFC 5802 §5.1 `saslname`: `=` → `=3D`, `,` → `=2C`.
    static func escaped(_ username: String) -> String {
        var result = ""
        for scalar in username.unicodeScalars {
            switch scalar {
            case "=": result += "=3D"
            case ",": result += "=2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// RFC 5802 §7 `printable`: %x21-2B / %x2D-7E.
    static func isPrintable(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && byte != UInt8(ascii: ",")
    }
}

extension SCRAMClient: CustomStringConvertible, CustomReflectable {
    /// The mechanism and state only: never the password, proof or keys (architecture.md §4.1 item 6).
    public var description: String {
        let stateName =
            switch state {
            case .initial: "initial"
            case .awaitingServerFirst: "awaitingServerFirst"
            case .awaitingServerFinal: "awaitingServerFinal"
            case .succeeded: "succeeded"
            case .failed(let error): "failed(\(error))"
            }
        return "SCRAMClient(\(SASLMechanism.scram(hash, plus: binding.boundType != nil).name), \(stateName))"
    }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
