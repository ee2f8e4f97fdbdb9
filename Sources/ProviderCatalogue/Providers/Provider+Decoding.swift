import FoundationEssentials

extension Provider {
    /// The 31 keys of a v2 list entry (protocols.md §12.2).
    public static let schemaKeys: [String] = [
        "jid", "category", "latestChange", "website", "alternativeJids", "busFactor", "organization",
        "passwordReset", "serverTesting", "serverSoftwareName", "serverSoftwareVersion", "ratingGreenWebCheck",
        "inBandRegistration", "inBandRegistrationEmailAddressRequired", "inBandRegistrationCaptchaRequired",
        "registrationWebPage", "ratingXmppComplianceTester", "ratingImObservatoryClientToServer",
        "ratingImObservatoryServerToServer", "maximumHttpFileUploadFileSize", "maximumHttpFileUploadTotalSize",
        "maximumHttpFileUploadStorageTime", "maximumMessageArchiveManagementStorageTime", "professionalHosting",
        "freeOfCharge", "legalNotice", "serverLocations", "emailSupport", "chatSupport", "groupChatSupport", "since",
    ]
    /// Keys this project adds to its own entries.
    public static let extensionKeys: [String] = ["origin", "note"]
    private static let knownKeys = Set(schemaKeys + extensionKeys)

    /// Reads and checks one entry, reporting every problem to `log`; `nil` if any of them is an error.
    init?(validating object: JSONObject, path: String, log: IssueLog, defaultOrigin: ProviderOrigin = .upstream) {
        let mark = log.mark
        let reader = FieldReader(object: object, path: path, subject: object["jid"]?.stringValue, log: log)
        reader.warnAboutUnknownKeys(Self.knownKeys)

        let jid = reader.string("jid")
        if let jid, !Self.isDomain(jid) { reader.report(.invalidAddress, "jid", detail: jid) }
        let category = reader.string("category").flatMap { raw -> ProviderCategory? in
            guard let category = ProviderCategory(rawValue: raw) else {
                reader.report(.unknownValue, "category", detail: raw)
                return nil
            }
            return category
        }
        let latestChange = reader.date("latestChange")
        let website = Self.localizedURLs(reader, "website")
        let alternativeJIDs = reader.stringArray("alternativeJids") ?? []
        for (position, domain) in alternativeJIDs.enumerated() where !Self.isDomain(domain) {
            reader.report(.invalidAddress, "alternativeJids[\(position)]", detail: domain)
        }
        let busFactor = reader.integer("busFactor", range: -1...Int.max)
        let organization = reader.string("organization").flatMap { raw -> Organization? in
            guard let organization = Organization(rawValue: raw) else {
                reader.report(.unknownValue, "organization", detail: raw)
                return nil
            }
            return organization
        }
        let passwordReset = Self.localizedURLs(reader, "passwordReset")
        let serverTesting = reader.bool("serverTesting")
        let softwareName = reader.string("serverSoftwareName")
        let softwareVersion = reader.string("serverSoftwareVersion")
        let greenHosting = reader.bool("ratingGreenWebCheck")
        let inBand = reader.bool("inBandRegistration")
        let emailRequired = reader.bool("inBandRegistrationEmailAddressRequired")
        let captchaRequired = reader.bool("inBandRegistrationCaptchaRequired")
        let registrationWebPage = Self.localizedURLs(reader, "registrationWebPage")
        let compliance = Self.optionalInteger(reader, "ratingXmppComplianceTester", range: 0...100)
        let c2s = Self.grade(reader, "ratingImObservatoryClientToServer")
        let s2s = Self.grade(reader, "ratingImObservatoryServerToServer")
        let fileSize = Self.limit(reader, "maximumHttpFileUploadFileSize")
        let totalSize = Self.limit(reader, "maximumHttpFileUploadTotalSize")
        let uploadTime = Self.limit(reader, "maximumHttpFileUploadStorageTime")
        let archiveTime = Self.limit(reader, "maximumMessageArchiveManagementStorageTime")
        let professional = reader.bool("professionalHosting")
        let free = reader.bool("freeOfCharge")
        let legalNotice = Self.localizedURLs(reader, "legalNotice")
        let locations = Self.countryCodes(reader, "serverLocations")
        let emailSupport = Self.localizedAddresses(reader, "emailSupport", isValid: Self.isEmailAddress)
        let chatSupport = Self.localizedAddresses(reader, "chatSupport", isValid: Self.isJID)
        let groupChatSupport = Self.localizedAddresses(reader, "groupChatSupport", isValid: Self.isJID)
        let since = reader.date("since")

        var origin = defaultOrigin
        if let raw = reader.string("origin", required: false) {
            if raw == ProviderOrigin.xmppOnboard.rawValue {
                origin = .xmppOnboard
            } else {
                reader.report(.unknownValue, "origin", detail: raw)
            }
        }
        let note = reader.string("note", required: false)
        if origin == .xmppOnboard, note == nil, object["note"] == nil { reader.report(.missingKey, "note") }

        guard !log.hasErrors(since: mark), let jid, let category, let latestChange, let website, let busFactor,
            let organization, let passwordReset, let serverTesting, let softwareName, let softwareVersion,
            let greenHosting, let inBand, let emailRequired, let captchaRequired, let registrationWebPage,
            let compliance, let c2s, let s2s, let fileSize, let totalSize, let uploadTime, let archiveTime,
            let professional, let free, let legalNotice, let locations, let emailSupport, let chatSupport,
            let groupChatSupport, let since
        else { return nil }

        self.init(
            jid: jid, category: category, latestChange: latestChange, website: website,
            alternativeJIDs: alternativeJIDs, busFactor: busFactor < 0 ? nil : busFactor, organization: organization,
            passwordReset: passwordReset, allowsServerTesting: serverTesting, serverSoftwareName: softwareName,
            serverSoftwareVersion: softwareVersion, hasGreenHosting: greenHosting, offersInBandRegistration: inBand,
            requiresEmailForRegistration: emailRequired, requiresCAPTCHAForRegistration: captchaRequired,
            registrationWebPage: registrationWebPage, complianceRating: compliance, clientToServerGrade: c2s,
            serverToServerGrade: s2s, maximumUploadFileSize: fileSize, maximumUploadTotalSize: totalSize,
            uploadStorageTime: uploadTime, messageArchiveStorageTime: archiveTime,
            isProfessionallyHosted: professional, isFreeOfCharge: free, legalNotice: legalNotice,
            serverLocations: locations, emailSupport: emailSupport, chatSupport: chatSupport,
            groupChatSupport: groupChatSupport, since: since, origin: origin, note: note, entry: object)
    }

    // MARK: - Field helpers (each returns nil after reporting a problem)

    private static func localizedURLs(_ reader: FieldReader, _ key: String) -> LocalizedURLs? {
        guard let map = reader.object(key) else { return nil }
        var entries: [(language: String, url: URL)] = []
        var valid = true
        for (language, value) in map.object.members {
            if !FieldReader.isLanguageCode(language) {
                map.report(.invalidLanguageCode, language, detail: language)
                valid = false
            }
            guard let string = value.stringValue else {
                map.wrongType(language, expected: "string", found: value)
                valid = false
                continue
            }
            if let url = map.checkedURL(string, at: language) {
                entries.append((language, url))
            } else {
                valid = false
            }
        }
        return valid ? LocalizedURLs(entries) : nil
    }

    private static func localizedAddresses(
        _ reader: FieldReader, _ key: String, isValid: (String) -> Bool
    ) -> LocalizedAddresses? {
        guard let map = reader.object(key) else { return nil }
        var entries: [(language: String, addresses: [String])] = []
        var valid = true
        for (language, _) in map.object.members {
            if !FieldReader.isLanguageCode(language) {
                map.report(.invalidLanguageCode, language, detail: language)
                valid = false
            }
            guard let addresses = map.stringArray(language) else {
                valid = false
                continue
            }
            for (position, address) in addresses.enumerated() where !isValid(address) {
                map.report(.invalidAddress, "\(language)[\(position)]", detail: address)
                valid = false
            }
            entries.append((language, addresses))
        }
        return valid ? LocalizedAddresses(entries) : nil
    }

    /// An integer, or `null` for "not known" (→ `.some(nil)`).
    private static func optionalInteger(_ reader: FieldReader, _ key: String, range: ClosedRange<Int>) -> Int?? {
        guard let value = reader.value(key, required: true) else { return nil }
        if value == .null { return .some(nil) }
        guard let integer = reader.integer(key, range: range) else { return nil }
        return .some(integer)
    }

    private static func grade(_ reader: FieldReader, _ key: String) -> SecurityGrade?? {
        guard let value = reader.value(key, required: true) else { return nil }
        if value == .null || value == .string("") { return .some(nil) }
        guard let raw = reader.string(key) else { return nil }
        guard let grade = SecurityGrade(rawValue: raw) else {
            reader.report(.unknownValue, key, detail: raw)
            return nil
        }
        return .some(grade)
    }

    private static func limit(_ reader: FieldReader, _ key: String) -> Limit? {
        guard let value = reader.value(key, required: true) else { return nil }
        if value == .null { return .unknown }
        guard let integer = reader.integer(key, range: -1...Int.max) else { return nil }
        return Limit(wireValue: integer)
    }

    /// Lower-case ISO 3166-1 alpha-2 codes; upper-case codes are accepted with a warning and lower-cased.
    private static func countryCodes(_ reader: FieldReader, _ key: String) -> [String]? {
        guard let codes = reader.stringArray(key) else { return nil }
        var result: [String] = []
        var valid = true
        for (position, code) in codes.enumerated() {
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                reader.report(.invalidCountryCode, "\(key)[\(position)]", detail: code)
                valid = false
                continue
            }
            if code != code.lowercased() {
                reader.report(.invalidCountryCode, "\(key)[\(position)]", detail: code, severity: .warning)
            }
            result.append(code.lowercased())
        }
        return valid ? result : nil
    }

    // MARK: - Address syntax (a light check; the XMPP core does full RFC 7622 validation)

    /// A domain: dot-separated labels of letters, digits and `-`, no label empty or longer than 63.
    static func isDomain(_ string: String) -> Bool {
        guard !string.isEmpty, string.utf8.count <= 253, string == string.lowercased() else { return false }
        let labels = string.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `local@domain` with a valid domain and no spaces or forbidden characters in the local part.
    static func isJID(_ string: String) -> Bool {
        let parts = string.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, !local.isEmpty,
            !local.contains(where: { $0.isWhitespace || "\"&'/:<>".contains($0) })
        else { return false }
        return isDomain(String(parts[1]).lowercased())
    }

    static func isEmailAddress(_ string: String) -> Bool {
        let parts = string.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !string.contains(where: \.isWhitespace) else { return false }
        return isDomain(String(parts[1]).lowercased())
    }
}
