import ProviderCatalogue

/// "Why this one": the lines `providers recommend` prints for one recommendation.
struct RecommendationText {
    let text: CatalogueText
    let language: String

    func lines(for recommendation: Recommendation) -> [String] {
        let localizer = text.localizer
        let provider = recommendation.provider
        var lines = [
            localizer.text(
                "providers.recommend.title",
                ["rank": String(recommendation.rank), "provider": text.neutral(provider.jid, maximumLength: 253)])
        ]
        switch recommendation.selection {
        case .country(let country, let count):
            lines.append(
                "   "
                    + localizer.text(
                        "providers.why.pool-country", ["country": text.neutral(country), "count": String(count)]))
        case .language(let code, let count):
            lines.append(
                "   "
                    + localizer.text(
                        "providers.why.pool-language", ["language": text.neutral(code), "count": String(count)]))
        case .anywhere(let count):
            lines.append("   " + localizer.text("providers.why.pool-anywhere", ["count": String(count)]))
        case .remainder:
            break
        }
        for reason in recommendation.reasons {
            lines.append("   - " + line(reason))
        }
        if let website = provider.website.url(for: language) {
            lines.append("   " + localizer.text("providers.why.website", ["url": text.neutral(website.absoluteString)]))
        }
        return lines
    }

    private func line(_ reason: Recommendation.Reason) -> String {
        let localizer = text.localizer
        switch reason {
        case .category(let category):
            return localizer.text("providers.why.category", ["category": category.rawValue])
        case .registration(let method, let emailRequired):
            let base = localizer.text("providers.why.registration", ["method": text.registration(method)])
            return emailRequired ? base + " (" + localizer.text("providers.value.email-required") + ")" : base
        case .location(let codes, let matches):
            return matches
                ? localizer.text("providers.why.location-yours", ["locations": text.locations(codes)])
                : localizer.text("providers.why.location", ["locations": text.locations(codes)])
        case .language(let code):
            return localizer.text("providers.why.language", ["language": text.neutral(code)])
        case .listedSince(let date):
            return localizer.text("providers.why.since", ["date": text.neutral(date, maximumLength: 10)])
        case .uploadLimit(let limit):
            return localizer.text("providers.why.upload", ["limit": text.size(limit)])
        case .messageHistory(let limit):
            return localizer.text("providers.why.history", ["limit": text.duration(limit)])
        case .freeOfCharge(let free):
            return free ? localizer.text("providers.why.free") : localizer.text("providers.why.not-free")
        case .supportContact(let contact):
            return localizer.text("providers.why.support", ["contact": text.neutral(contact)])
        }
    }
}

/// The `providers recommend --json` document.
enum RecommendationJSON {
    static func document(
        _ recommendations: [Recommendation], request: RecommendationRequest, seed: UInt64, apps: [ClientApp]
    ) -> JSONValue {
        var object = JSONObject()
        object["seed"] = .string(String(seed))
        object["country"] = request.country.map(JSONValue.string) ?? .null
        object["language"] = request.language.map(JSONValue.string) ?? .null
        object["platform"] = request.platform.map { .string($0.rawValue) } ?? .null
        object["recommendations"] = .array(recommendations.map(item))
        object["apps"] = .array(apps.map { .string($0.id) })
        return .object(object)
    }

    private static func item(_ recommendation: Recommendation) -> JSONValue {
        var object = JSONObject()
        object["rank"] = .integer(recommendation.rank)
        object["jid"] = .string(recommendation.provider.jid)
        object["category"] = .string(recommendation.provider.category.rawValue)
        object["registration"] = .string(recommendation.provider.registrationMethod.rawValue)
        var selection = JSONObject()
        switch recommendation.selection {
        case .country(let country, let count):
            selection = JSONObject([
                ("rule", .string("country")), ("value", .string(country)), ("count", .integer(count)),
            ])
        case .language(let language, let count):
            selection = JSONObject([
                ("rule", .string("language")), ("value", .string(language)), ("count", .integer(count)),
            ])
        case .anywhere(let count):
            selection = JSONObject([("rule", .string("anywhere")), ("count", .integer(count))])
        case .remainder:
            selection = JSONObject([("rule", .string("remainder"))])
        }
        object["selection"] = .object(selection)
        object["reasons"] = .array(recommendation.reasons.map(reason))
        object["entry"] = .object(recommendation.provider.entry)
        return .object(object)
    }

    private static func limit(_ limit: Limit) -> JSONValue {
        switch limit {
        case .unknown: .null
        case .unlimited: .integer(0)
        case .lessThanOne: .integer(-1)
        case .value(let value): .integer(value)
        }
    }

    private static func reason(_ reason: Recommendation.Reason) -> JSONValue {
        let pair: (String, JSONValue) =
            switch reason {
            case .category(let category): ("category", .string(category.rawValue))
            case .registration(let method, _): ("registration", .string(method.rawValue))
            case .location(let codes, _): ("location", .array(codes.map(JSONValue.string)))
            case .language(let code): ("language", .string(code))
            case .listedSince(let date): ("since", .string(date))
            case .uploadLimit(let value): ("uploadLimit", limit(value))
            case .messageHistory(let value): ("messageHistory", limit(value))
            case .freeOfCharge(let free): ("freeOfCharge", .bool(free))
            case .supportContact(let contact): ("supportContact", .string(contact))
            }
        var object = JSONObject([("kind", .string(pair.0)), ("value", pair.1)])
        if case .location(_, let matches) = reason { object["matchesCountry"] = .bool(matches) }
        return .object(object)
    }
}
