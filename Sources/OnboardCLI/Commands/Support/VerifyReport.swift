import OpenSSLSupport
import XMPPClient
import XMPPCore

/// What `account verify` reports; also its `--json` object.
struct VerifyReport: Encodable {
    struct Certificate: Encodable {
        let subject: String
        let issuer: String
        let notAfter: String

        enum CodingKeys: String, CodingKey {
            case subject, issuer
            case notAfter = "not_after"
        }
    }

    let status = "ok"
    let jid: String
    let boundJID: String
    let host: String
    let port: Int
    let source: String
    let directTLS: Bool
    let tlsVersion: String
    let cipher: String
    let alpn: String?
    let certificate: Certificate
    let saslMechanism: String
    let channelBinding: String?
    let features: [String]
    let identities: [String]

    enum CodingKeys: String, CodingKey {
        case status, jid, host, port, source, cipher, alpn, certificate, features, identities
        case boundJID = "bound_jid"
        case directTLS = "direct_tls"
        case tlsVersion = "tls_version"
        case saslMechanism = "sasl_mechanism"
        case channelBinding = "channel_binding"
    }

    /// Every key is always present; `channel_binding` and `alpn` are `null` when unused (issue #2 contract).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(jid, forKey: .jid)
        try container.encode(boundJID, forKey: .boundJID)
        try container.encode(host, forKey: .host)
        try container.encode(port, forKey: .port)
        try container.encode(source, forKey: .source)
        try container.encode(directTLS, forKey: .directTLS)
        try container.encode(tlsVersion, forKey: .tlsVersion)
        try container.encode(cipher, forKey: .cipher)
        try container.encode(alpn, forKey: .alpn)
        try container.encode(certificate, forKey: .certificate)
        try container.encode(saslMechanism, forKey: .saslMechanism)
        try container.encode(channelBinding, forKey: .channelBinding)
        try container.encode(features, forKey: .features)
        try container.encode(identities, forKey: .identities)
    }

    /// Logs in on `session`, asks the server for disco#info, closes, and summarizes.
    static func collect(session: XMPPConnection, account: JID, password: String) async throws -> VerifyReport {
        guard let username = account.localpart else { preconditionFailure("account JID without localpart") }
        let credentials = StreamNegotiation.Credentials(username: username, password: password)
        let outcome: XMPPConnection.NegotiationOutcome
        do {
            outcome = try await session.negotiate(.authenticate(credentials), crypto: OpenSSLCrypto())
        } catch {
            await session.abort()
            throw error
        }
        guard case .established(let bound) = outcome else { preconditionFailure("authentication intent ended early") }
        let request = IQ(type: .get, id: await session.makeID(), to: account.domainASCII, payload: DiscoInfo.requestPayload())
        let response = try await session.request(request, step: "disco#info")
        await session.close()
        let info = response.payload.flatMap(DiscoInfo.init(parsing:))
        let endpoint = session.endpoint
        let tls = await session.tlsInfo
        let mechanism = await session.mechanism
        var binding: String?
        if case .bound(let type)? = mechanism?.binding { binding = type.rawValue }
        return VerifyReport(
            jid: account.description,
            boundJID: bound.description,
            host: endpoint.host,
            port: endpoint.port,
            source: Self.describe(endpoint.source),
            directTLS: endpoint.directTLS,
            tlsVersion: tls?.version ?? "",
            cipher: tls?.cipher ?? "",
            alpn: tls?.alpn,
            certificate: Certificate(
                subject: tls?.certificate.subject ?? "", issuer: tls?.certificate.issuer ?? "",
                notAfter: tls?.certificate.notAfter ?? ""),
            saslMechanism: mechanism?.mechanism.name ?? "",
            channelBinding: binding,
            features: info?.features ?? [],
            identities: info?.identities.map { "\($0.category)/\($0.type)" + ($0.name.map { " (\($0))" } ?? "") } ?? []
        )
    }

    private static func describe(_ source: Endpoint.Source) -> String {
        switch source {
        case .srv(let service): "srv:\(service)"
        case .fallback: "fallback"
        case .explicit: "explicit"
        }
    }

    /// The human-readable report on stdout.
    func print(context: CommandContext) {
        let l = context.localizer
        let out = context.output
        let method = directTLS ? l.text("verify.method.direct-tls") : l.text("verify.method.starttls")
        out.result(l.text("verify.ok", ["jid": TerminalText.neutralized(jid)]))
        out.result(l.text("verify.connected", ["host": TerminalText.neutralized(host), "port": String(port), "method": method, "source": source]))
        out.result(l.text("verify.tls", ["version": tlsVersion, "cipher": cipher]))
        out.result(l.text("verify.certificate", ["subject": TerminalText.neutralized(certificate.subject), "date": certificate.notAfter]))
        if let channelBinding {
            out.result(l.text("verify.sasl.bound", ["mechanism": saslMechanism, "binding": channelBinding]))
        } else {
            out.result(l.text("verify.sasl.unbound", ["mechanism": saslMechanism]))
        }
        out.result(l.text("verify.bound-jid", ["jid": TerminalText.neutralized(boundJID)]))
        out.result(l.text("verify.features", ["count": String(features.count)]))
        for feature in features {
            out.result("  " + TerminalText.neutralized(feature, maximumLength: 200))
        }
    }
}
