/// https links that carry an `xmpp:` URI, for people without a client installed yet (protocols.md §8.9, §9, §11).
///
/// - Fragment form (easy-xmpp-invitation, `https://xmpp.link/#romeo@montague.net?roster;preauth=…`, Kaidan's
///   `https://i.kaidan.im/#…`, XEP-0379's `https://juicyxmpp.example/i/#…`): the URI without `xmpp:` goes in the
///   fragment, which browsers never send to the web server, so the token stays private.
/// - Conversations form: `https://conversations.im/i/<jid>?omemo-sid-…=…&…` (contact, `&` instead of `;`)
///   and `https://conversations.im/j/<room>` (group chat).
extension XMPPURI {
    /// The easy-xmpp-invitation landing page.
    public static let defaultLandingPage = "https://xmpp.link/"

    /// This URI wrapped in a landing page's fragment: `<page>#<uri without "xmpp:">`.
    ///
    /// The URI part is in ASCII form. `page` should be an https URL without a fragment; anything after a
    /// `#` in it is replaced.
    public func landingLink(page: String = XMPPURI.defaultLandingPage) -> String {
        let base = page.firstIndex(of: "#").map { String(page[..<$0]) } ?? page
        return base + "#" + uriStringWithoutScheme
    }

    /// The `xmpp:` URI carried by an https landing link in either recognised form.
    public init(landingLink link: String) throws(XMPPURIError) {
        guard link.utf8.count > 8, link.prefix(8).lowercased() == "https://" else { throw .notALandingLink }
        let afterScheme = link.dropFirst(8)
        if let hash = afterScheme.firstIndex(of: "#") {
            let fragment = afterScheme[afterScheme.index(after: hash)...]
            guard !fragment.isEmpty else { throw .notALandingLink }
            self = try XMPPURI(parsing: "xmpp:" + fragment)
            return
        }
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let host = afterScheme[..<hostEnd].lowercased()
        let path = afterScheme[hostEnd...]
        guard host == "conversations.im" else { throw .notALandingLink }
        let isRoom = path.hasPrefix("/j/")
        guard isRoom || path.hasPrefix("/i/") else { throw .notALandingLink }
        var body = path.dropFirst(3)
        var query = ""
        if let question = body.firstIndex(of: "?") {
            query = body[body.index(after: question)...].replacingAll("&", with: ";")
            body = body[..<question]
        }
        guard !body.isEmpty else { throw .notALandingLink }
        if isRoom {
            self = try XMPPURI(parsing: "xmpp:" + body + "?join" + (query.isEmpty ? "" : ";" + query))
        } else {
            self = try XMPPURI(parsing: "xmpp:" + body + (query.isEmpty ? "" : "?" + query))
        }
    }
}

extension Substring {
    fileprivate func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
