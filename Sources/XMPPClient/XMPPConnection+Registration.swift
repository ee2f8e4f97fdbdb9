import XMPPCore

extension XMPPConnection {
    /// Negotiates TLS for in-band registration (XEP-0077 §3.1) and sends `formRequest` together with the stream
    /// header of the encrypted stream, so the form is on its way while the server sends its features
    /// (XEP-0305 pipelining: one round trip fewer). Returns the features; the form request's response is
    /// then read with `response(to:step:)`.
    ///
    /// Nothing is pipelined before TLS: the request goes out only after the handshake completed and the
    /// certificate was verified. A server that does not offer registration answers the request with an error,
    /// which the registration flow classifies.
    public func negotiateForRegistration(
        crypto: any CryptoPrimitives, pipelining formRequest: IQ? = nil
    ) async throws -> StreamFeatures {
        pipelinedRequest = formRequest
        defer { pipelinedRequest = nil }
        let outcome = try await negotiate(.register, crypto: crypto)
        guard case .readyForRegistration(let features) = outcome else {
            preconditionFailure("registration intent ended authenticated")
        }
        return features
    }

    /// Proves freshly registered credentials work: SASL on the registration stream (XEP-0077 §3.1 allows
    /// authenticating on the same stream), stopping at `<success/>` once the server's SCRAM signature has been
    /// verified — no stream restart or resource binding, which would prove nothing more about the account.
    /// Close the connection afterwards. Throws `ConnectionError.negotiation(.sasl(…))` when the server refuses.
    public func proveCredentials(_ credentials: StreamNegotiation.Credentials) async throws -> MechanismSelection {
        guard var machine = negotiation, case .readyForRegistration = machine.state else {
            preconditionFailure("negotiateForRegistration first")
        }
        rememberForTrace([credentials.password])
        var actions = machine.authenticate(with: credentials)
        negotiation = machine
        while true {
            for action in actions {
                if case .openStream = action, let used = negotiation?.mechanismUsed {
                    // SASL succeeded (the machine verified the server signature before reporting success).
                    mechanism = used
                    return used
                }
                _ = try await perform(action)
            }
            let event = try await nextEvent(step: "authentication")
            guard var current = negotiation else { preconditionFailure("negotiation missing") }
            actions = current.receive(event)
            negotiation = current
        }
    }

    /// Sends an IQ request without waiting (its response is read with `response(to:step:)`).
    public func send(request iq: IQ) async throws {
        tracker.register(iq)
        try await send(iq.element)
    }
}
