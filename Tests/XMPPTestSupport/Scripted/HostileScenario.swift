// The script a HostileServer plays to each client connection (Tests/Scripts/hostile_server.py).
import Foundation

/// A scenario for ``HostileServer``: steps played on every accepted connection (or one list per connection).
/// The JSON format is documented in `Tests/Scripts/hostile_server.py`; this type writes it.
///
/// ```swift
/// let tls = HostileScenario.TLS(certificate: leaf)
/// var scenario = HostileScenario(steps: HostileScenario.startTLSOpening(domain: "localhost", tls: tls, features:
///     HostileScenario.mechanisms(["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"])
///     + HostileScenario.channelBindings(["tls-exporter"])))
/// scenario.steps.append(.scramServer(.init(hash: "SHA-256", username: "alice", password: "pw",
///                                            plus: "tls-exporter", h: "auto",
///                                            advertisedMechanisms: ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"],
///                                            advertisedChannelBindings: ["tls-exporter"])))
/// ```
public struct HostileScenario: Sendable {
    /// Steps for every connection (unless ``connections`` is set).
    public var steps: [Step]
    /// One step list per accepted connection, in accept order; the last list repeats.
    public var connections: [[Step]]?
    /// Default time an `expect` waits.
    public var expectTimeoutMilliseconds: Int
    /// After the last step: keep reading and recording until the peer closes (`drain`), or close.
    public var closeAfterSteps: Bool

    public init(steps: [Step] = [], connections: [[Step]]? = nil, expectTimeoutMilliseconds: Int = 10_000,
                closeAfterSteps: Bool = false) {
        self.steps = steps
        self.connections = connections
        self.expectTimeoutMilliseconds = expectTimeoutMilliseconds
        self.closeAfterSteps = closeAfterSteps
    }

    /// One action of the scripted server.
    public enum Step: Sendable {
        /// Wait until the unconsumed received text matches the regular expression (dot matches newline); named
        /// groups (`(?P<id>…)`) become variables usable as `{{id}}` in later sends. Fails the connection on
        /// timeout or close.
        case expect(String, timeoutMilliseconds: Int? = nil)
        /// Send UTF-8 text (`{{name}}` replaced by captured variables); optionally split into chunks.
        case send(String, chunkSize: Int? = nil, chunkDelayMilliseconds: Int = 0)
        /// Send raw bytes (invalid UTF-8, NUL, escape bytes…).
        case sendBytes([UInt8])
        /// Send `<proceed/>` (or `proceed`) plus `sendAfterProceed` in the same write (T12), then TLS as server.
        case startTLS(TLS, sendAfterProceed: String = "", proceed: String? = nil)
        /// TLS handshake right away (XEP-0368 direct TLS).
        case directTLS(TLS)
        case delay(milliseconds: Int)
        /// Close the connection; `reset` sends a TCP RST instead of a FIN.
        case close(reset: Bool = false)
        /// Write everything received on this connection so far to a file.
        case record(URL)
        /// A real SCRAM server exchange (with optional tampering).
        case scramServer(SCRAMServer)
    }

    /// TLS parameters of a `startTLS` / `directTLS` step (pyOpenSSL on the server side).
    public struct TLS: Sendable {
        public var certificatePath: URL
        public var keyPath: URL
        /// Select this ALPN protocol when the client offers it (nil: select none, like Prosody 0.12).
        public var alpn: String?
        /// Select this protocol whatever the client offered (T15).
        public var alpnForce: String?
        /// `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`.
        public var minVersion: String?
        public var maxVersion: String?
        /// Context of the tls-exporter channel binding (nil: none; "" : empty — identical on TLS 1.3).
        public var exporterContext: String?

        public init(certificatePath: URL, keyPath: URL, alpn: String? = nil, alpnForce: String? = nil,
                    minVersion: String? = nil, maxVersion: String? = nil, exporterContext: String? = nil) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
            self.alpn = alpn
            self.alpnForce = alpnForce
            self.minVersion = minVersion
            self.maxVersion = maxVersion
            self.exporterContext = exporterContext
        }

        /// TLS with an issued certificate.
        public init(certificate: IssuedCertificate, alpn: String? = nil, maxVersion: String? = nil) {
            self.init(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath, alpn: alpn,
                      maxVersion: maxVersion)
        }
    }

    /// Server side of SCRAM (RFC 5802, RFC 7677; channel binding per RFC 5929/9266; XEP-0474 `h`).
    public struct SCRAMServer: Sendable {
        /// How to tamper with the exchange (docs/security.md §8.3 S-cases).
        public enum Tamper: String, Sendable {
            case badServerSignature = "bad-v"
            case successWithoutServerSignature = "no-v"
            case errorInSuccess = "e"
            case errorInChallenge = "e-challenge"
            case serverFinalAsChallenge = "final-as-challenge"
            case duplicateChallenge = "duplicate-challenge"
            case successBeforeChallenge = "success-before-challenge"
            case challengeAfterSuccess = "challenge-after-success"
        }

        /// How the server nonce relates to the client's (S3).
        public enum Nonce: String, Sendable {
            case prefixed, notPrefixed = "not-prefixed", equal, comma, control
        }

        /// `SHA-1`, `SHA-256` or `SHA-512`.
        public var hash: String
        public var username: String
        public var password: String
        /// Channel-binding type accepted with a -PLUS mechanism (nil: -PLUS refused).
        public var plus: String?
        /// Whether -PLUS was advertised (a client gs2 flag `y` then fails); default: `plus != nil`.
        public var plusAdvertised: Bool?
        /// Sent verbatim as `i=` (S4 uses "0", "-1", "abc", "4294967296").
        public var iterations: String
        /// Base64 salt sent verbatim (nil: random 16 bytes; "" or invalid base64 for S5).
        public var salt: String?
        public var nonce: Nonce
        /// XEP-0474 `h=`: nil none, "auto" computed from the advertised lists, else sent verbatim.
        public var h: String?
        public var advertisedMechanisms: [String]
        public var advertisedChannelBindings: [String]
        /// Attribute placed before `r=` (e.g. `m=ext`, S6).
        public var extraBefore: String?
        /// Text appended to server-first (e.g. `,x=grease`, S7).
        public var extraAfter: String?
        /// Base64 payload sent instead of server-first (S17).
        public var challengeRaw: String?
        /// A SASL condition sent instead of success, after a valid proof.
        public var failure: String?
        public var failureText: String?
        /// The `e=` value for the error tampers.
        public var error: String?
        public var tamper: Tamper?

        public init(hash: String = "SHA-256", username: String, password: String, plus: String? = nil,
                    plusAdvertised: Bool? = nil, iterations: String = "4096", salt: String? = nil,
                    nonce: Nonce = .prefixed, h: String? = nil, advertisedMechanisms: [String] = [],
                    advertisedChannelBindings: [String] = [], extraBefore: String? = nil, extraAfter: String? = nil,
                    challengeRaw: String? = nil, failure: String? = nil, failureText: String? = nil,
                    error: String? = nil, tamper: Tamper? = nil) {
            self.hash = hash
            self.username = username
            self.password = password
            self.plus = plus
            self.plusAdvertised = plusAdvertised
            self.iterations = iterations
            self.salt = salt
            self.nonce = nonce
            self.h = h
            self.advertisedMechanisms = advertisedMechanisms
            self.advertisedChannelBindings = advertisedChannelBindings
            self.extraBefore = extraBefore
            self.extraAfter = extraAfter
            self.challengeRaw = challengeRaw
            self.failure = failure
            self.failureText = failureText
            self.error = error
            self.tamper = tamper
        }
    }
}
