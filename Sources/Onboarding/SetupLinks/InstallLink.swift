import FoundationEssentials

/// Where to install an app from, and whether that link carries the invitation into the app
/// (protocols.md §8.10: only Google Play does, through the install referrer).
public struct InstallLink: Sendable, Hashable {
    /// The kind of download page.
    public enum Store: String, Sendable, Hashable, CaseIterable {
        case play
        case fdroid
        case appStore = "appstore"
        case macAppStore = "appstore-macos"
        case flathub
        case microsoft
        case website
    }

    public let store: Store
    public let url: URL
    /// Whether installing from this link hands the invitation to the app on first start (Play referrer).
    public let carriesInvitation: Bool

    public init(store: Store, url: URL, carriesInvitation: Bool = false) {
        self.store = store
        self.url = url
        self.carriesInvitation = carriesInvitation
    }
}
