// Writing a HostileScenario in the JSON format hostile_server.py reads, and common building blocks.
import Foundation

extension HostileScenario {
    /// The scenario as JSON for `hostile_server.py --scenario`.
    public func jsonData() throws -> Data {
        var object: [String: Any] = [
            "steps": steps.map(\.jsonObject),
            "expect_timeout_ms": expectTimeoutMilliseconds,
            "after_steps": closeAfterSteps ? "close" : "drain",
        ]
        if let connections {
            object["connections"] = connections.map { $0.map(\.jsonObject) }
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    // MARK: - Building blocks (RFC 6120 §4, §5, §6)

    /// The server's stream header (with an XML declaration).
    public static func streamHeader(from domain: String, id: String = "hostile-1") -> String {
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
            + "from='\(domain)' id='\(id)' version='1.0' xml:lang='en'>"
    }

    /// `<stream:features>…</stream:features>`.
    public static func features(_ content: String) -> String { "<stream:features>\(content)</stream:features>" }

    /// The mandatory STARTTLS feature (RFC 6120 §5.4.1).
    public static let startTLSRequired = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"

    /// `<mechanisms>` with the given SASL mechanisms.
    public static func mechanisms(_ names: [String]) -> String {
        "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + names.map { "<mechanism>\($0)</mechanism>" }.joined() + "</mechanisms>"
    }

    /// XEP-0440 `<sasl-channel-binding>` with the given types.
    public static func channelBindings(_ types: [String]) -> String {
        "<sasl-channel-binding xmlns='urn:xmpp:sasl-cb:0'>"
            + types.map { "<channel-binding type='\($0)'/>" }.joined() + "</sasl-channel-binding>"
    }

    /// The resource-binding feature (RFC 6120 §7).
    public static let bindFeature = "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"

    /// Waits for the client's stream header.
    public static let expectStreamHeader = Step.expect("<stream:stream[^>]*>")

    /// Stream header → features with required STARTTLS → `<starttls/>` → `<proceed/>` + TLS → client's new stream
    /// header → the server's header and `<stream:features>` with `features`.
    public static func startTLSOpening(domain: String, tls: TLS, features content: String,
                                       sendAfterProceed: String = "") -> [Step] {
        [
            expectStreamHeader,
            .send(streamHeader(from: domain, id: "hostile-1") + features(startTLSRequired)),
            .expect("<starttls[^>]*?(/>|></starttls>)"),
            .startTLS(tls, sendAfterProceed: sendAfterProceed),
            expectStreamHeader,
            .send(streamHeader(from: domain, id: "hostile-2") + features(content)),
        ]
    }

    /// Direct TLS → client's stream header → the server's header and `<stream:features>` with `features`.
    public static func directTLSOpening(domain: String, tls: TLS, features content: String) -> [Step] {
        [
            .directTLS(tls),
            expectStreamHeader,
            .send(streamHeader(from: domain, id: "hostile-1") + features(content)),
        ]
    }

    /// After SASL success: the restarted stream with the bind feature, the bind result (`jid`), then replies to
    /// one IQ (e.g. disco#info) with `reply` (its `{{iq}}` is the request id) — the tail of a login.
    public static func bindAndAnswer(domain: String, jid: String, reply: String) -> [Step] {
        [
            expectStreamHeader,
            .send(streamHeader(from: domain, id: "hostile-3") + features(bindFeature)),
            .expect("<iq[^>]*?id=[\"'](?P<bind>[^\"']+)[\"'][^>]*>.*?</iq>"),
            .send("<iq type='result' id='{{bind}}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                  + "<jid>\(jid)</jid></bind></iq>"),
            .expect("<iq[^>]*?id=[\"'](?P<iq>[^\"']+)[\"'][^>]*>.*?</iq>"),
            .send(reply),
        ]
    }
}

extension HostileScenario.Step {
    var jsonObject: [String: Any] {
        switch self {
        case .expect(let pattern, let timeout):
            var object: [String: Any] = ["expect": pattern]
            if let timeout { object["timeout_ms"] = timeout }
            return object
        case .send(let text, let chunkSize, let delay):
            var object: [String: Any] = ["send": text]
            if let chunkSize {
                object["chunk_size"] = chunkSize
                object["chunk_delay_ms"] = delay
            }
            return object
        case .sendBytes(let bytes):
            return ["send_hex": bytes.map { String(format: "%02x", $0) }.joined()]
        case .startTLS(let tls, let injected, let proceed):
            var options = tls.jsonObject
            options["send_after_proceed"] = injected
            if let proceed { options["proceed"] = proceed }
            return ["starttls": options]
        case .directTLS(let tls):
            return ["direct_tls": tls.jsonObject]
        case .delay(let milliseconds):
            return ["delay_ms": milliseconds]
        case .close(let reset):
            return ["close": true, "reset": reset]
        case .record(let url):
            return ["record": url.path]
        case .scramServer(let options):
            return ["scram_server": options.jsonObject]
        }
    }
}

extension HostileScenario.TLS {
    var jsonObject: [String: Any] {
        var object: [String: Any] = ["cert": certificatePath.path, "key": keyPath.path]
        object["alpn"] = alpn
        object["alpn_force"] = alpnForce
        object["min_version"] = minVersion
        object["max_version"] = maxVersion
        object["exporter_context"] = exporterContext
        return object
    }
}

extension HostileScenario.SCRAMServer {
    var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "hash": hash, "username": username, "password": password, "iterations": iterations,
            "nonce": nonce.rawValue, "advertised_mechanisms": advertisedMechanisms,
            "advertised_channel_bindings": advertisedChannelBindings,
        ]
        object["plus"] = plus
        object["plus_advertised"] = plusAdvertised
        object["salt"] = salt
        object["h"] = h
        object["extra_before"] = extraBefore
        object["extra_after"] = extraAfter
        object["challenge_raw"] = challengeRaw
        object["failure"] = failure
        object["failure_text"] = failureText
        object["error"] = error
        object["tamper"] = tamper?.rawValue
        return object
    }
}
