/// The element-level SASL exchange of RFC 6120 §6.4: `<auth/>`, then `<challenge/>`/`<response/>`
/// rounds, ending in `<success/>` or `<failure/>`.
///
/// Enforces the order a SCRAM exchange must follow: server-first arrives as a challenge; server-final
/// arrives with `<success/>` or as a last challenge answered by an empty `<response/>` (S12); `<success/>`
/// is accepted only after `v=` was verified (S10); no success before a challenge, no extra challenges (S13);
/// payloads are bounded (S17). Any error is terminal; the driver then sends `abortElement` or closes the
/// stream, and never falls back to another mechanism on the same connection (security.md §3.2).
public struct SASLExchange: Sendable {
    /// The longest accepted base64 payload in a `<challenge/>` or `<success/>`, in characters.
    public static let maximumPayloadLength = 16_384

    /// Where the exchange stands.
    enum State: Sendable {
        case initial
        /// `<auth/>` sent with client-first; expecting server-first in a challenge.
        case awaitingServerFirst(SCRAMClient)
        /// client-final sent; expecting server-final in `<success/>` or a challenge.
        case awaitingServerFinal(SCRAMClient)
        /// server-final verified from a challenge; expecting an empty `<success/>`.
        case awaitingSuccess
        /// PLAIN sent; expecting `<success/>`.
        case awaitingPlainSuccess
        case succeeded
        case failed(SASLError)
    }

    public let selection: MechanismSelection
    private var state: State = .initial
    private let username: String
    /// Cleared once `start()` has handed it on.
    private var password: String
    private let clientNonce: String
    private let bindingData: [UInt8]?
    private let downgradeProtection: DowngradeProtectionInput?
    private let crypto: any CryptoPrimitives

    /// - Parameters:
    ///   - selection: from `MechanismSelection.select(…)`.
    ///   - username: the JID localpart (already PRECIS-enforced).
    ///   - password: as typed; prepared with OpaqueString here.
    ///   - clientNonce: from a CSPRNG, printable ASCII without `,`.
    ///   - bindingData: channel-binding data when `selection.binding` is `.bound(_)`.
    ///   - advertisedMechanisms, advertisedChannelBindings: what the server advertised (XEP-0474 `h=`).
    ///     When the XEP-0440 feature listed types this client does not know, use
    ///     `init(selection:username:password:clientNonce:bindingData:downgradeProtection:crypto:)` with
    ///     the raw names instead, or `h=` will not match.
    public init(
        selection: MechanismSelection,
        username: String,
        password: String,
        clientNonce: String,
        bindingData: [UInt8]?,
        advertisedMechanisms: [String],
        advertisedChannelBindings: [ChannelBindingType]?,
        crypto: any CryptoPrimitives
    ) {
        self.init(
            selection: selection, username: username, password: password, clientNonce: clientNonce,
            bindingData: bindingData,
            downgradeProtection: DowngradeProtectionInput(
                mechanisms: advertisedMechanisms,
                channelBindingTypes: advertisedChannelBindings?.map(\.rawValue)
            ),
            crypto: crypto
        )
    }

    /// As above, with the XEP-0474 input given exactly (`nil` disables the `h=` check).
    public init(
        selection: MechanismSelection,
        username: String,
        password: String,
        clientNonce: String,
        bindingData: [UInt8]?,
        downgradeProtection: DowngradeProtectionInput?,
        crypto: any CryptoPrimitives
    ) {
        self.selection = selection
        self.username = username
        self.password = password
        self.clientNonce = clientNonce
        self.bindingData = bindingData
        self.downgradeProtection = downgradeProtection
        self.crypto = crypto
    }

    /// The `<auth mechanism='…'/>` element with the initial response (RFC 6120 §6.4.2).
    public mutating func start() throws(SASLError) -> Element {
        guard case .initial = state else { preconditionFailure("SASL exchange already started") }
        defer { password = "" }
        let prepared: String
        do {
            prepared = try PRECIS.opaqueString(password)
        } catch {
            throw fail(.invalidPassword(error))
        }
        let initialResponse: [UInt8]
        switch selection.mechanism {
        case .scram(let hash, _):
            if case .bound = selection.binding, bindingData == nil {
                throw fail(.scram(.channelBindingDataUnavailable))
            }
            var client = SCRAMClient(
                hash: hash, username: username, password: password, clientNonce: clientNonce,
                binding: selection.binding, bindingData: bindingData, downgradeProtection: downgradeProtection,
                crypto: crypto
            )
            initialResponse = client.makeClientFirstMessage()
            state = .awaitingServerFirst(client)
        case .plain:
            // RFC 4616 §2: [authzid] NUL authcid NUL passwd.
            initialResponse = [0] + Array(username.utf8) + [0] + Array(prepared.utf8)
            state = .awaitingPlainSuccess
        }
        return Element(
            "auth", namespace: Namespace.sasl,
            attributes: [Element.Attribute("mechanism", selection.mechanism.name)],
            children: [.text(Base64.encode(initialResponse))]
        )
    }

    /// What to do after a server element.
    public enum Outcome: Sendable, Hashable {
        /// Send this `<response/>`.
        case send(Element)
        /// Authenticated (and, for SCRAM, the server proved itself): restart the stream.
        case succeeded
    }

    /// Feeds one top-level element from the server in the SASL namespace.
    public mutating func receive(_ element: Element) throws(SASLError) -> Outcome {
        guard element.namespace == Namespace.sasl else { throw fail(.protocolViolation("unexpected-element")) }
        if element.name == "failure" {
            switch state {
            case .awaitingServerFirst, .awaitingServerFinal, .awaitingSuccess, .awaitingPlainSuccess:
                throw fail(.failure(SASLFailure(parsing: element) ?? SASLFailure(.notAuthorized)))
            case .initial, .succeeded, .failed:
                throw fail(.protocolViolation("unexpected-failure"))
            }
        }
        switch (state, element.name) {
        case (.awaitingServerFirst(var client), "challenge"):
            let serverFirst = try payload(of: element)
            do {
                let clientFinal = try client.receiveServerFirst(serverFirst)
                state = .awaitingServerFinal(client)
                return .send(Self.response(clientFinal))
            } catch {
                throw fail(.scram(error))
            }
        case (.awaitingServerFirst, "success"):
            throw fail(.protocolViolation("success-before-challenge"))
        case (.awaitingServerFinal(var client), "challenge"):
            // S12: server-final as a challenge; answered with an empty response, then an empty success.
            try verifyServerFinal(&client, payload(of: element))
            state = .awaitingSuccess
            return .send(Self.response([]))
        case (.awaitingServerFinal(var client), "success"):
            try verifyServerFinal(&client, payload(of: element))
            state = .succeeded
            return .succeeded
        case (.awaitingSuccess, "success"):
            guard try payload(of: element).isEmpty else { throw fail(.protocolViolation("data-after-final")) }
            state = .succeeded
            return .succeeded
        case (.awaitingSuccess, "challenge"):
            throw fail(.protocolViolation("challenge-after-final"))
        case (.awaitingPlainSuccess, "success"):
            state = .succeeded
            return .succeeded
        case (.awaitingPlainSuccess, "challenge"):
            throw fail(.protocolViolation("challenge-to-plain"))
        case (.succeeded, _):
            throw fail(.protocolViolation("element-after-success"))
        case (.initial, _):
            throw fail(.protocolViolation("element-before-auth"))
        case (.failed, _):
            throw fail(.protocolViolation("element-after-failure"))
        default:
            throw fail(.protocolViolation("unexpected-element"))
        }
    }

    /// Whether the exchange completed successfully.
    public var isSucceeded: Bool {
        if case .succeeded = state { true } else { false }
    }

    /// `<abort/>` (RFC 6120 §6.4.4), for the driver to send after a local failure.
    public static var abortElement: Element { Element("abort", namespace: Namespace.sasl) }

    // MARK: - Helpers

    private mutating func verifyServerFinal(_ client: inout SCRAMClient, _ serverFinal: [UInt8]) throws(SASLError) {
        // S10: an empty payload means no v= at all.
        guard !serverFinal.isEmpty else { throw fail(.scram(.missingServerSignature)) }
        do {
            try client.receiveServerFinal(serverFinal)
        } catch {
            throw fail(.scram(error))
        }
    }

    /// The decoded payload: empty for no text or `=` (RFC 6120 §6.4.2), bounded (S17), strict base64.
    private mutating func payload(of element: Element) throws(SASLError) -> [UInt8] {
        let text = element.text
        guard text.utf8.count <= Self.maximumPayloadLength else { throw fail(.payloadTooLarge) }
        if text.isEmpty || text == "=" { return [] }
        guard let bytes = Base64.decode(text) else { throw fail(.incorrectEncoding) }
        return bytes
    }

    private static func response(_ bytes: [UInt8]) -> Element {
        Element(
            "response", namespace: Namespace.sasl,
            children: bytes.isEmpty ? [] : [.text(Base64.encode(bytes))]
        )
    }

    private mutating func fail(_ error: SASLError) -> SASLError {
        // The first failure is the one recorded; later calls only report.
        if case .failed = state { return error }
        state = .failed(error)
        return error
    }
}

extension SASLExchange: CustomStringConvertible, CustomReflectable {
    /// The mechanism only: never the password (architecture.md §4.1 item 6).
    public var description: String { "SASLExchange(\(selection.mechanism.name))" }

    public var customMirror: Mirror { Mirror(self, children: ["mechanism": selection.mechanism.name]) }
}
