/// Kaidan's login URI `xmpp:user@example.org?login;password=…` (protocols.md §9).
///
/// **Non-standard.** `login` is not a registered query type; Kaidan (`src/Account.cpp`) and QXmpp
/// (`QXmpp::Uri::Login`, "not formally specified. Used in the wild, e.g. by Kaidan.") use it. A URI with the
/// password is a key to the account: produce it only when asked, and say so.
extension XMPPURI {
    /// `xmpp:JID?login;password=PASSWORD`, or `xmpp:JID?login` when `password` is nil (Kaidan then pre-fills
    /// the JID and asks for the password).
    public static func makeLogin(jid: String, password: String?) throws(XMPPURIError) -> XMPPURI {
        var uri = try XMPPURI(jid: jid, action: .login, parameters: password.map { [Parameter("password", $0)] } ?? [])
        uri.resource = nil
        return uri
    }

    /// The password of a Kaidan login URI, or nil (also for every other action).
    public var loginPassword: String? {
        action == .login ? value(for: "password") : nil
    }
}
