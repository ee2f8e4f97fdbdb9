import FoundationEssentials

/// One XMPP provider: an entry of an XMPP Providers v2 list (protocols.md §12.2, all 31 keys), decoded into
/// typed values with the special values made explicit.
///
/// `entry` keeps the object exactly as read, so upstream entries are written back as upstream wrote them and
/// `--json` output is the entry itself.
public struct Provider: Sendable, Hashable, Identifiable {
    /// The provider domain (`jid`).
    public var jid: String
    public var id: String { jid }
    public var category: ProviderCategory
    /// `latestChange`, `YYYY-MM-DD`.
    public var latestChange: String
    public var website: LocalizedURLs
    /// Other domains of the same provider.
    public var alternativeJIDs: [String]
    /// People able to run the service; `nil` when unknown (`-1`).
    public var busFactor: Int?
    public var organization: Organization
    public var passwordReset: LocalizedURLs
    /// The provider allows automated server tests.
    public var allowsServerTesting: Bool
    /// `serverSoftwareName` (`ejabberd`, `Prosody`); empty when unknown.
    public var serverSoftwareName: String
    public var serverSoftwareVersion: String
    /// `ratingGreenWebCheck`.
    public var hasGreenHosting: Bool
    public var offersInBandRegistration: Bool
    public var requiresEmailForRegistration: Bool
    public var requiresCAPTCHAForRegistration: Bool
    public var registrationWebPage: LocalizedURLs
    /// compliance.conversations.im score 0–100; `nil` when unknown (our entries only).
    public var complianceRating: Int?
    /// IM Observatory client-to-server TLS grade; `nil` when unknown.
    public var clientToServerGrade: SecurityGrade?
    public var serverToServerGrade: SecurityGrade?
    /// HTTP File Upload (XEP-0363) maximum file size, MB.
    public var maximumUploadFileSize: Limit
    /// HTTP File Upload total size per account, MB.
    public var maximumUploadTotalSize: Limit
    /// How long uploaded files are kept, days.
    public var uploadStorageTime: Limit
    /// How long the message archive (XEP-0313) is kept, days.
    public var messageArchiveStorageTime: Limit
    public var isProfessionallyHosted: Bool
    public var isFreeOfCharge: Bool
    public var legalNotice: LocalizedURLs
    /// ISO 3166-1 alpha-2 codes, lower-case (`de`).
    public var serverLocations: [String]
    public var emailSupport: LocalizedAddresses
    public var chatSupport: LocalizedAddresses
    /// Support group chats (room JIDs; append `?join` for a link).
    public var groupChatSupport: LocalizedAddresses
    /// Listed since, `YYYY-MM-DD`.
    public var since: String
    public var origin: ProviderOrigin
    /// Our note on an entry we added (data, English).
    public var note: String?
    /// The entry as read.
    public var entry: JSONObject

    /// How accounts are created.
    public var registrationMethod: RegistrationMethod {
        if offersInBandRegistration {
            return requiresCAPTCHAForRegistration ? .inBandWithCAPTCHA : .inBand
        }
        return registrationWebPage.isEmpty ? .closed : .webPage
    }

    /// Whether some support contact (email, chat or group chat) exists.
    public var hasSupportContact: Bool {
        !emailSupport.isEmpty || !chatSupport.isEmpty || !groupChatSupport.isEmpty
    }

    /// Languages of the provider's localized pages (website, legal notice, support), without duplicates.
    public var languages: [String] {
        var seen: Set<String> = []
        let all =
            website.languages + legalNotice.languages + emailSupport.languages + chatSupport.languages
            + groupChatSupport.languages + passwordReset.languages + registrationWebPage.languages
        return all.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Whether the provider's pages come in `language` (or its base language).
    public func speaks(_ language: String) -> Bool { LocalizedLookup.matches(languages, language) }

    /// Whether `domain` is this provider's JID or one of its alternative JIDs (case-insensitive).
    public func answers(to domain: String) -> Bool {
        let wanted = domain.lowercased()
        return jid.lowercased() == wanted || alternativeJIDs.contains { $0.lowercased() == wanted }
    }

    /// The page about the provider on providers.xmpp.net.
    public var detailsPage: URL? { URL(string: "https://providers.xmpp.net/provider/\(jid)/") }
}
