import ProviderCatalogue
import XMPPCore

/// The text of an app's login QR code (protocols.md §9). **Non-standard**: no specification exists for
/// credentials in a QR code, each app reads its own format.
///
/// With a password the payload is a key to the account; `description` never shows it.
public struct LoginPayload: Sendable, Hashable, CustomStringConvertible {
    /// The app's format.
    public let format: ClientApp.LoginQRFormat
    /// The exact text to encode in the QR code.
    public let text: String
    /// Whether `text` contains the password.
    public let containsPassword: Bool

    /// Conversations' provisioning JSON `{"protocol":"xmpp","address":…,"password":…}`
    /// (`ProvisioningUtils.java`). Conversations needs the password, so there is none without one.
    public static func conversations(jid: String, password: String) -> LoginPayload {
        let object = JSONObject([
            ("protocol", .string("xmpp")), ("address", .string(jid)), ("password", .string(password)),
        ])
        return LoginPayload(
            format: .conversationsJSON, text: JSONValue.object(object).serialized(indent: nil), containsPassword: true
        )
    }

    /// Kaidan's `xmpp:JID?login;password=…`, or `xmpp:JID?login` without a password (Kaidan then asks for it).
    public static func kaidan(jid: String, password: String?) throws(XMPPURIError) -> LoginPayload {
        let uri = try XMPPURI.makeLogin(jid: jid, password: password)
        return LoginPayload(format: .xmppLogin, text: uri.iriString, containsPassword: password != nil)
    }

    public var description: String {
        containsPassword ? "LoginPayload(\(format.rawValue), <contains password>)" : "LoginPayload(\(format.rawValue), \(text))"
    }
}
