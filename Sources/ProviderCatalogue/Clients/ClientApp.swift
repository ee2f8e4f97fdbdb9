import FoundationEssentials
import XMPPCore

/// A platform an XMPP app runs on (`clients.json` `platforms`).
public enum Platform: String, Sendable, Hashable, CaseIterable, Comparable {
    case android, ios, linux, windows, macos, web, terminal

    public static func < (lhs: Platform, rhs: Platform) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One XMPP app from `clients.json`: where to get it and what it does for a newcomer.
///
/// Facts are data, with a `source` URL; only links that exist are present. Keys in the file are snake_case
/// (`default_on`, `preauth_uri`, …); see `ClientApp+Decoding.swift` and protocols.md §8.9–§8.10.
public struct ClientApp: Sendable, Hashable, Identifiable {
    /// Stable id, lower-case with `-` (the `mod_register_apps` convention): `conversations`, `monocles-chat`.
    public var id: String
    /// Display name: `Conversations`, `Monocles chat`.
    public var name: String
    public var platforms: [Platform]
    public var links: Links
    public var omemo: OMEMOSupport
    public var calls: CallSupport
    public var invites: InviteSupport
    /// The account-transfer QR code the app can scan, if any (protocols.md §9).
    public var loginQR: LoginQRFormat?
    /// Versions where behaviour a guide mentions changed (e.g. Gajim 1.7.0: OMEMO built in).
    public var sinceVersion: [VersionNote]
    /// Where the facts were checked.
    public var source: URL

    public init(
        id: String, name: String, platforms: [Platform], links: Links, omemo: OMEMOSupport, calls: CallSupport,
        invites: InviteSupport, loginQR: LoginQRFormat?, sinceVersion: [VersionNote], source: URL
    ) {
        self.id = id
        self.name = name
        self.platforms = platforms
        self.links = links
        self.omemo = omemo
        self.calls = calls
        self.invites = invites
        self.loginQR = loginQR
        self.sinceVersion = sinceVersion
        self.source = source
    }

    /// Whether the app runs on `platform`.
    public func supports(_ platform: Platform) -> Bool { platforms.contains(platform) }

    /// Where to get the app (`clients.json` `links`). Only real links are present.
    public struct Links: Sendable, Hashable {
        /// F-Droid page (`https://f-droid.org/packages/<package>/`). Carries no invite (protocols.md §8.10).
        public var fdroid: URL?
        /// Google Play page (`https://play.google.com/store/apps/details?id=<package>`).
        public var play: URL?
        /// Apple App Store page (the iOS app; for a macOS-only app the Mac App Store page).
        public var appstore: URL?
        /// A separate Mac App Store page, when the macOS app is a different listing (Monal).
        public var appstoreMacOS: URL?
        /// Flathub page (`https://flathub.org/apps/<app-id>`).
        public var flathub: URL?
        /// Microsoft Store page.
        public var microsoft: URL?
        /// The project's website.
        public var website: URL?

        public init(
            fdroid: URL? = nil, play: URL? = nil, appstore: URL? = nil, appstoreMacOS: URL? = nil,
            flathub: URL? = nil, microsoft: URL? = nil, website: URL? = nil
        ) {
            self.fdroid = fdroid
            self.play = play
            self.appstore = appstore
            self.appstoreMacOS = appstoreMacOS
            self.flathub = flathub
            self.microsoft = microsoft
            self.website = website
        }

        /// Store links for `platform`, best first (Play before F-Droid because only Play carries an invite).
        public func install(on platform: Platform) -> [URL] {
            let candidates: [URL?] =
                switch platform {
                case .android: [play, fdroid]
                case .ios: [appstore]
                case .macos: [appstoreMacOS ?? appstore]
                case .linux: [flathub]
                case .windows: [microsoft]
                case .web, .terminal: []
                }
            let stores = candidates.compactMap { $0 }
            return stores.isEmpty ? [website].compactMap { $0 } : stores
        }
    }

    /// OMEMO end-to-end encryption (protocols.md §10).
    public struct OMEMOSupport: Sendable, Hashable {
        /// Legacy OMEMO, `eu.siacs.conversations.axolotl` (Conversations, Gajim, Dino, Monal…).
        public var legacy: Bool
        /// OMEMO 2, `urn:xmpp:omemo:2` (Kaidan).
        public var v2: Bool
        /// New chats are encrypted without the user switching it on.
        public var defaultOn: Bool

        public init(legacy: Bool, v2: Bool, defaultOn: Bool) {
            self.legacy = legacy
            self.v2 = v2
            self.defaultOn = defaultOn
        }

        /// Whether the app has any OMEMO out of the box.
        public var isSupported: Bool { legacy || v2 }

        /// Whether two apps can exchange OMEMO messages (they share a version).
        public func interoperates(with other: OMEMOSupport) -> Bool {
            (legacy && other.legacy) || (v2 && other.v2)
        }
    }

    /// Audio and video calls (Jingle).
    public struct CallSupport: Sendable, Hashable {
        public var audio: Bool
        public var video: Bool
        public var group: Bool

        public init(audio: Bool, video: Bool, group: Bool) {
            self.audio = audio
            self.video = video
            self.group = group
        }
    }

    /// What the app does with invitations (protocols.md §8.9–§8.10).
    public struct InviteSupport: Sendable, Hashable {
        /// Redeems `xmpp:…?register;preauth=…` / `?roster;preauth=…` URIs (XEP-0401, XEP-0379).
        public var preauthURI: Bool
        /// Reads the invite from the Google Play install referrer on first start.
        public var playReferrer: Bool
        /// Install link that carries the invite; `{uri}` stands for the percent-encoded `xmpp:` URI.
        public var magicLinkFormat: String?

        public init(preauthURI: Bool, playReferrer: Bool, magicLinkFormat: String?) {
            self.preauthURI = preauthURI
            self.playReferrer = playReferrer
            self.magicLinkFormat = magicLinkFormat
        }

        /// The install link carrying `inviteURI`, if the app has one: `{uri}` replaced by the URI with every
        /// character outside RFC 3986 "unreserved" percent-encoded (it becomes a query parameter value).
        public func magicLink(for inviteURI: String) -> URL? {
            guard let magicLinkFormat, magicLinkFormat.contains("{uri}") else { return nil }
            let encoded = URIPercentEncoding.encode(inviteURI, allowing: .unreservedOnly, keepingUnicode: false)
            return URL(string: magicLinkFormat.replacing("{uri}", with: encoded))
        }
    }

    /// Account-transfer QR formats (protocols.md §9).
    public enum LoginQRFormat: String, Sendable, Hashable, CaseIterable {
        /// `{"protocol":"xmpp","address":"…","password":"…"}` (Conversations).
        case conversationsJSON = "conversations-json"
        /// `xmpp:user@example.org?login;password=…` (Kaidan).
        case xmppLogin = "xmpp-login"
    }

    /// A behaviour change tied to a version: `{"version": "1.7.0", "note": "OMEMO built in"}`.
    public struct VersionNote: Sendable, Hashable {
        public var version: String
        /// English note from the file (data, shown neutralized).
        public var note: String

        public init(version: String, note: String) {
            self.version = version
            self.note = note
        }
    }
}
