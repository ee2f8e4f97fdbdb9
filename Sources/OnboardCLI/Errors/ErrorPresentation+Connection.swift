import Localization
import OpenSSLSupport
import XMLStreamParser
import XMPPClient
import XMPPCore

extension ErrorPresentation {
    /// Connection, TLS, stream and negotiation failures (issue #2 exit codes: DNS, refused, untrusted or
    /// mismatched certificate → 69; timeout → 75; wrong password → 77 with the SASL condition).
    static func of(_ error: ConnectionError, localizer l: Localizer) -> ErrorPresentation {
        switch error {
        case .resolution(.serviceNotOffered(let domain)):
            return .init(status: .unavailable, condition: "service-not-offered",
                         message: l.text("error.dns.no-service", ["domain": TerminalText.neutralized(domain)]))
        case .resolution(.lookupFailed(let domain, _)):
            return .init(status: .unavailable, condition: "dns-failure",
                         message: l.text("error.dns.failed", ["domain": TerminalText.neutralized(domain)]))
        case .connectFailed(let host, let port, _):
            return .init(status: .unavailable, condition: "connection-failed",
                         message: l.text("error.connect", ["host": TerminalText.neutralized(host), "port": String(port)]))
        case .timedOut(let step):
            return .init(status: .temporaryFailure, condition: "timeout",
                         message: l.text("error.timeout", ["step": step]))
        case .closedByPeer:
            return .init(status: .unavailable, condition: "connection-closed", message: l.text("error.closed"))
        case .tls(let tlsError):
            return of(tlsError, localizer: l)
        case .xml(let xmlError):
            return .init(status: .failure, condition: xmlError.streamCondition.rawValue,
                         message: l.text("error.xml", ["condition": xmlError.streamCondition.rawValue]))
        case .negotiation(let negotiationError):
            return of(negotiationError, localizer: l)
        case .stanza(let stanzaError):
            return .init(status: .failure, condition: stanzaError.condition.rawValue,
                         message: l.text("error.stanza", ["condition": stanzaError.condition.rawValue]),
                         serverText: stanzaError.text)
        }
    }

    static func of(_ error: NegotiationError, localizer l: Localizer) -> ErrorPresentation {
        switch error {
        case .tlsNotOffered:
            return .init(status: .unavailable, condition: "tls-not-offered", message: l.text("error.tls.not-offered"))
        case .tlsRefused:
            return .init(status: .unavailable, condition: "tls-refused", message: l.text("error.tls.refused"))
        case .saslPolicy(let policy):
            return .init(status: .unavailable, condition: "no-acceptable-mechanism",
                         message: l.text("error.sasl.no-mechanism", ["detail": TerminalText.neutralized("\(policy)", maximumLength: 300)]))
        case .sasl(let saslError):
            return of(saslError, localizer: l)
        case .bindNotOffered, .bindFailed, .invalidBoundJID, .sessionFailed:
            return .init(status: .failure, condition: "bind-failed", message: l.text("error.bind"))
        case .streamError(let streamError):
            let status: ExitStatus =
                switch streamError.condition {
                // RFC 6120 §4.9.3.16: after `reset` the client MUST reconnect — a temporary condition.
                case .systemShutdown, .resourceConstraint, .connectionTimeout, .reset: .temporaryFailure
                case .hostUnknown, .hostGone, .seeOtherHost: .unavailable
                default: .failure
                }
            return .init(status: status, condition: streamError.condition.rawValue,
                         message: l.text("error.stream", ["condition": streamError.condition.rawValue]),
                         serverText: streamError.text)
        case .streamClosed:
            return .init(status: .unavailable, condition: "connection-closed", message: l.text("error.closed"))
        case .unexpected(let what):
            return .init(status: .failure, condition: "unexpected-reply",
                         message: l.text("error.unexpected-reply", ["what": TerminalText.neutralized(what)]))
        }
    }
}
