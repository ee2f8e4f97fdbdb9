/// Matches IQ responses to outstanding requests (RFC 6120 §8.2.3, §10.1).
///
/// A response is accepted only when its `id` is outstanding and its `from` is the address the request was
/// sent to — or, for requests to the account's own server, absent, the bare account JID or the domain
/// (RFC 6120 §10.3.3, §8.1.2.1). Anything else is reported as unmatched and never completes a request
/// (security.md §8.3 X16: spoofed `from`, duplicates, unknown ids).
public struct IQTracker: Sendable {
    /// An outstanding request.
    public struct Pending: Sendable, Hashable {
        public var id: String
        /// The request's `to`, or `nil` for the account's own server.
        public var to: String?
    }

    /// What a received IQ means.
    public enum Match: Sendable, Hashable {
        /// The response to this request id.
        case response(IQ)
        /// A result/error nobody asked for (unknown id, wrong sender or duplicate): ignore it.
        case unmatched(IQ)
        /// A `get`/`set` from the peer: answer it (with `service-unavailable` unless handled).
        case request(IQ)
    }

    private var pending: [String: Pending] = [:]
    private let accountDomain: String
    private var accountBareJID: String?

    public init(accountDomain: String, accountBareJID: String? = nil) {
        self.accountDomain = accountDomain.lowercased()
        self.accountBareJID = accountBareJID?.lowercased()
    }

    /// The number of requests still waiting.
    public var outstandingCount: Int { pending.count }

    /// Records the bare JID once bound, so replies from it are accepted for own-server requests.
    public mutating func setAccount(bareJID: String) {
        accountBareJID = bareJID.lowercased()
    }

    /// Records an outgoing request. Ids must be unique (the caller supplies them).
    public mutating func register(_ iq: IQ) {
        precondition(iq.type == .get || iq.type == .set, "only requests are tracked")
        precondition(pending[iq.id] == nil, "duplicate IQ id \(iq.id)")
        pending[iq.id] = Pending(id: iq.id, to: iq.to)
    }

    /// Forgets a request (timed out or cancelled).
    public mutating func cancel(id: String) {
        pending[id] = nil
    }

    /// Classifies an incoming IQ and completes its request if it matches.
    public mutating func receive(_ iq: IQ) -> Match {
        switch iq.type {
        case .get, .set:
            return .request(iq)
        case .result, .error:
            guard let request = pending[iq.id], isExpectedSender(iq.from, for: request) else {
                return .unmatched(iq)
            }
            pending[iq.id] = nil
            return .response(iq)
        }
    }

    private func isExpectedSender(_ from: String?, for request: Pending) -> Bool {
        let sender = from?.lowercased()
        guard let target = request.to?.lowercased(), target != accountDomain, target != accountBareJID else {
            // Own server: no from, the domain, or our bare JID (full JID also acceptable from the server).
            guard let sender else { return true }
            if sender == accountDomain { return true }
            if let bare = accountBareJID, sender == bare || sender.hasPrefix(bare + "/") { return true }
            return false
        }
        return sender == target
    }
}
