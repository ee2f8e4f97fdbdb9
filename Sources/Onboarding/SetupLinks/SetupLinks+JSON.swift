import ProviderCatalogue

/// The `links --json` form: snake_case keys, stable order.
extension SetupLinks {
    public var jsonValue: JSONValue {
        var object = JSONObject()
        switch subject {
        case .account(let jid):
            object["kind"] = .string("account")
            object["jid"] = .string(jid)
            object["add_contact_uri"] = .string(uri.iriString)
        case .invitation(let invitation):
            object["kind"] = .string("invitation")
            object["jid"] = .string(invitation.bareJID)
            object["invitation_uri"] = .string(invitation.iriString)
            object["offers_registration"] = .bool(invitation.offersRegistration)
        }
        object["landing_link"] = .string(landingLink)
        object["contains_password"] = .bool(containsPassword)
        object["apps"] = .array(apps.map { $0.jsonValue(forInvitation: subject.isInvitation) })
        return .object(object)
    }
}

extension AppSetup {
    /// The app's entry; the invitation fields only for an invitation.
    public func jsonValue(forInvitation isInvitation: Bool) -> JSONValue {
        var object = JSONObject([
            ("id", .string(app.id)), ("name", .string(app.name)), ("platform", .string(platform.rawValue)),
        ])
        object["install"] = .array(
            installLinks.map { link in
                var entry = JSONObject([("store", .string(link.store.rawValue)), ("url", .string(link.url.absoluteString))])
                if isInvitation {
                    entry["carries_invitation"] = .bool(link.carriesInvitation)
                    entry["then_open_invitation"] = .bool(needsFollowUp(after: link))
                }
                return .object(entry)
            })
        if isInvitation {
            object["can_redeem_invitation"] = .bool(canRedeemInvitation)
            if let invitationURI { object["open_after_install"] = .string(invitationURI.iriString) }
        }
        if let loginPayload {
            object["login_qr"] = .object(
                JSONObject([
                    ("format", .string(loginPayload.format.rawValue)),
                    ("payload", .string(loginPayload.text)),
                    ("contains_password", .bool(loginPayload.containsPassword)),
                    ("standard", .bool(false)),
                ]))
        }
        return .object(object)
    }
}
