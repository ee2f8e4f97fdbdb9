import OpenSSLSupport
import XMPPCore

/// Why a connection could not be made or kept. The CLI maps each case to a message key and exit code.
public enum ConnectionError: Error, Sendable, Hashable {
    /// DNS failed or the domain offers no client service (exit 69).
    case resolution(EndpointResolver.ResolutionError)
    /// Every endpoint refused or could not be reached; the last failure's description (exit 69).
    case connectFailed(host: String, port: Int, detail: String)
    /// TLS failed: untrusted or mismatched certificate, handshake failure (exit 69).
    case tls(TLSError)
    /// A deadline passed (exit 75).
    case timedOut(step: String)
    /// The XML stream broke a rule (restricted XML, limits) — the stream was closed.
    case xml(XMLStreamError)
    /// Stream negotiation failed (STARTTLS missing, SASL, bind …).
    case negotiation(NegotiationError)
    /// The server closed the connection unexpectedly.
    case closedByPeer
    /// The request got an error response.
    case stanza(StanzaError)
}
