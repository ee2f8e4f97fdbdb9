import FoundationEssentials

extension ClientApp {
    /// The entry in `clients.json` form (snake_case keys, only the links that exist).
    public var jsonValue: JSONValue {
        var linkObject = JSONObject()
        let linkPairs: [(String, URL?)] = [
            ("fdroid", links.fdroid), ("play", links.play), ("appstore", links.appstore),
            ("appstore_macos", links.appstoreMacOS), ("flathub", links.flathub), ("microsoft", links.microsoft),
            ("website", links.website),
        ]
        for (key, url) in linkPairs {
            if let url { linkObject[key] = .string(url.absoluteString) }
        }
        return .object(
            JSONObject([
                ("id", .string(id)),
                ("name", .string(name)),
                ("platforms", .array(platforms.map { .string($0.rawValue) })),
                ("links", .object(linkObject)),
                (
                    "omemo",
                    .object(
                        JSONObject([
                            ("legacy", .bool(omemo.legacy)), ("v2", .bool(omemo.v2)),
                            ("default_on", .bool(omemo.defaultOn)),
                        ]))
                ),
                (
                    "calls",
                    .object(
                        JSONObject([
                            ("audio", .bool(calls.audio)), ("video", .bool(calls.video)), ("group", .bool(calls.group)),
                        ]))
                ),
                (
                    "invites",
                    .object(
                        JSONObject([
                            ("preauth_uri", .bool(invites.preauthURI)), ("play_referrer", .bool(invites.playReferrer)),
                            ("magic_link_format", invites.magicLinkFormat.map(JSONValue.string) ?? .null),
                        ]))
                ),
                ("login_qr", loginQR.map { .string($0.rawValue) } ?? .null),
                (
                    "since_version",
                    .array(
                        sinceVersion.map {
                            .object(JSONObject([("version", .string($0.version)), ("note", .string($0.note))]))
                        })
                ),
                ("source", .string(source.absoluteString)),
            ]))
    }
}
