import FoundationEssentials

extension ClientApp {
    /// The keys of a `clients.json` entry.
    static let knownKeys: Set<String> = [
        "id", "name", "platforms", "links", "omemo", "calls", "invites", "login_qr", "since_version", "source",
    ]
    static let knownLinkKeys: Set<String> = [
        "fdroid", "play", "appstore", "appstore_macos", "flathub", "microsoft", "website",
    ]

    /// Reads one entry, reporting every problem to `log`; `nil` if any of them is an error.
    init?(validating object: JSONObject, path: String, log: IssueLog) {
        let mark = log.mark
        let subject = object["id"]?.stringValue
        let reader = FieldReader(object: object, path: path, subject: subject, log: log)
        reader.warnAboutUnknownKeys(Self.knownKeys)

        let id = reader.string("id")
        if let id, !Self.isValidID(id) { reader.report(.unknownValue, "id", detail: id) }
        let name = reader.string("name")
        if let name, name.isEmpty { reader.report(.missingKey, "name") }

        var platforms: [Platform] = []
        if let names = reader.stringArray("platforms") {
            for (position, name) in names.enumerated() {
                if let platform = Platform(rawValue: name) {
                    platforms.append(platform)
                } else {
                    reader.report(.unknownValue, "platforms[\(position)]", detail: name)
                }
            }
            if names.isEmpty { reader.report(.missingKey, "platforms") }
        }

        var links = Links()
        if let linkReader = reader.object("links") {
            linkReader.warnAboutUnknownKeys(Self.knownLinkKeys)
            links = Links(
                fdroid: linkReader.httpsURL("fdroid", required: false),
                play: linkReader.httpsURL("play", required: false),
                appstore: linkReader.httpsURL("appstore", required: false),
                appstoreMacOS: linkReader.httpsURL("appstore_macos", required: false),
                flathub: linkReader.httpsURL("flathub", required: false),
                microsoft: linkReader.httpsURL("microsoft", required: false),
                website: linkReader.httpsURL("website", required: false)
            )
            if links.website == nil && linkReader.object["website"] == nil {
                linkReader.report(.missingKey, "website")
            }
        }

        let omemoReader = reader.object("omemo")
        omemoReader?.warnAboutUnknownKeys(["legacy", "v2", "default_on"])
        let omemo = omemoReader.flatMap { omemo -> OMEMOSupport? in
            let legacy = omemo.bool("legacy")
            let v2 = omemo.bool("v2")
            let defaultOn = omemo.bool("default_on")
            guard let legacy, let v2, let defaultOn else { return nil }
            return OMEMOSupport(legacy: legacy, v2: v2, defaultOn: defaultOn)
        }

        let callReader = reader.object("calls")
        callReader?.warnAboutUnknownKeys(["audio", "video", "group"])
        let calls = callReader.flatMap { calls -> CallSupport? in
            let audio = calls.bool("audio")
            let video = calls.bool("video")
            let group = calls.bool("group")
            guard let audio, let video, let group else { return nil }
            return CallSupport(audio: audio, video: video, group: group)
        }

        let inviteReader = reader.object("invites")
        inviteReader?.warnAboutUnknownKeys(["preauth_uri", "play_referrer", "magic_link_format"])
        let invites = inviteReader.flatMap { invites -> InviteSupport? in
            let preauth = invites.bool("preauth_uri")
            let referrer = invites.bool("play_referrer")
            let format = invites.nullableString("magic_link_format", required: false) ?? nil
            if let format {
                let sample = format.replacing("{uri}", with: "x")
                if !format.contains("{uri}") {
                    invites.report(.unknownValue, "magic_link_format", detail: format)
                } else {
                    _ = invites.checkedURL(sample, at: "magic_link_format")
                }
            }
            guard let preauth, let referrer else { return nil }
            return InviteSupport(preauthURI: preauth, playReferrer: referrer, magicLinkFormat: format)
        }

        var loginQR: LoginQRFormat?
        if let value = reader.nullableString("login_qr"), let raw = value {
            loginQR = LoginQRFormat(rawValue: raw)
            if loginQR == nil { reader.report(.unknownValue, "login_qr", detail: raw) }
        }

        var notes: [VersionNote] = []
        if let value = reader.value("since_version", required: false) {
            if case .array(let elements) = value {
                for (position, element) in elements.enumerated() {
                    guard case .object(let noteObject) = element else {
                        reader.report(.wrongType, "since_version[\(position)]", detail: "object/\(element.typeName)")
                        continue
                    }
                    let noteReader = FieldReader(
                        object: noteObject, path: reader.childPath("since_version[\(position)]"), subject: subject,
                        log: log)
                    noteReader.warnAboutUnknownKeys(["version", "note"])
                    if let version = noteReader.string("version"), let note = noteReader.string("note") {
                        notes.append(VersionNote(version: version, note: note))
                    }
                }
            } else {
                reader.wrongType("since_version", expected: "array", found: value)
            }
        }

        let source = reader.httpsURL("source")

        guard !log.hasErrors(since: mark), let id, let name, let omemo, let calls, let invites, let source else {
            return nil
        }
        self.init(
            id: id, name: name, platforms: platforms, links: links, omemo: omemo, calls: calls, invites: invites,
            loginQR: loginQR, sinceVersion: notes, source: source)
    }

    /// Lower-case ASCII letters, digits and single `-` separators.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
