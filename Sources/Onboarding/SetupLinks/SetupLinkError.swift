import ProviderCatalogue
import XMPPCore

/// Why setup links could not be made. The CLI maps each case to a message key.
public enum SetupLinkError: Error, Sendable, Hashable {
    /// The input is neither a JID nor an `xmpp:` URI nor a landing link.
    case invalidInput(XMPPURIError)
    /// A JID without a localpart (`example.com`) names no account.
    case missingLocalpart
    /// A URI whose action is not about an account or an invitation (`?join`, `?command`…).
    case unsupportedAction(String)
    /// `--client` names no app in clients.json.
    case unknownClient(String)
    /// The chosen app does not run on the chosen platform.
    case clientNotOnPlatform(client: String, platform: Platform)
    /// No app in clients.json runs on the platform.
    case noAppsForPlatform(Platform)
    /// A password was given for an invitation (a login code needs an existing account).
    case passwordWithInvitation
    /// The password is empty.
    case emptyPassword
}
