import Localization
import OpenSSLSupport
import XMPPCore

extension ErrorPresentation {
    /// TLS failures: all "service unavailable" (exit 69) — there is no way to skip verification.
    static func of(_ error: TLSError, localizer l: Localizer) -> ErrorPresentation {
        switch error {
        case .hostnameMismatch:
            .init(status: .unavailable, condition: "certificate-name-mismatch", message: l.text("error.tls.name-mismatch"))
        case .untrustedCertificate:
            .init(status: .unavailable, condition: "certificate-untrusted", message: l.text("error.tls.untrusted"))
        case .selfSignedCertificate:
            .init(status: .unavailable, condition: "certificate-self-signed", message: l.text("error.tls.self-signed"))
        case .certificateExpired:
            .init(status: .unavailable, condition: "certificate-expired", message: l.text("error.tls.expired"))
        case .certificateNotYetValid:
            .init(status: .unavailable, condition: "certificate-not-yet-valid", message: l.text("error.tls.not-yet-valid"))
        case .noPeerCertificate:
            .init(status: .unavailable, condition: "certificate-missing", message: l.text("error.tls.untrusted"))
        case .protocolVersionTooOld:
            .init(status: .unavailable, condition: "tls-version-too-old", message: l.text("error.tls.old-version"))
        case .alpnMismatch(let selected):
            .init(status: .unavailable, condition: "alpn-mismatch",
                  message: l.text("error.tls.alpn", ["protocol": TerminalText.neutralized(selected, maximumLength: 60)]))
        case .invalidServerName:
            .init(status: .usage, condition: "invalid-server-name", message: l.text("error.tls.server-name"))
        case .caFileUnreadable(let path):
            .init(status: .usage, condition: "ca-file-unreadable",
                  message: l.text("error.tls.ca-file", ["path": TerminalText.neutralized(path)]))
        case .trustStoreUnavailable:
            .init(status: .failure, condition: "trust-store-unavailable", message: l.text("error.tls.trust-store"))
        case .peerClosed, .closed:
            .init(status: .unavailable, condition: "connection-closed", message: l.text("error.closed"))
        case .handshakeFailed, .protocolError, .internalError, .invalidALPNProtocol, .handshakeIncomplete:
            .init(status: .unavailable, condition: "tls-handshake-failed", message: l.text("error.tls.handshake"))
        }
    }
}
