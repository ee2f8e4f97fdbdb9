// Descriptions that never contain a password: the IQs a flow sends carry it, and ejabberd echoes it back.

extension RegistrationFlow: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "RegistrationFlow(\(state))" }
    public var debugDescription: String { description }

    /// Reflection shows the state only (never the password kept for redaction).
    public var customMirror: Mirror {
        Mirror(self, children: ["state": state, "captchaFailures": captchaFailures], displayStyle: .struct)
    }
}

extension RegistrationFlow.Action: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// For `send`: the IQ's type, id and payload name only.
    public var description: String {
        switch self {
        case .send(let iq):
            let payload = iq.payload.map { "{\($0.namespace)}\($0.name)" } ?? "-"
            return "send(iq type=\(iq.type.rawValue) id=\(iq.id) payload=\(payload))"
        case .presentForm(let form): return "presentForm(\(form.fields.count) fields, captcha: \(form.captcha != nil))"
        case .redirect(let redirect): return "redirect(\(redirect.url?.displayText ?? "-"))"
        case .alreadyRegistered: return "alreadyRegistered"
        case .registered(let username): return "registered(\(username ?? "-"))"
        case .retry(let failure, let fresh): return "retry(\(failure), freshFormNeeded: \(fresh))"
        case .failed(let failure): return "failed(\(failure))"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["action": description], displayStyle: .enum)
    }
}
