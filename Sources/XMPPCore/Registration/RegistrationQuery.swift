/// A XEP-0077 `<query xmlns='jabber:iq:register'/>` as a server returns it (XEP-0077 §3, §6).
///
/// Holds every shape the XEP allows — a XEP-0004 form, legacy fields with `<instructions/>`, a XEP-0066 OOB
/// redirect, `<registered/>` — plus XEP-0231 `<data/>` elements sent next to a CAPTCHA form (ejabberd puts them
/// inside the query). `method` applies the XEP §6 precedence: data form > legacy fields > OOB redirect.
/// Children in namespaces this client does not understand are ignored (XEP-0077 §6: MUST ignore).
public struct RegistrationQuery: Sendable, Hashable {
    /// XEP-0077 §14.1 field element names (the legacy "iq:register fields"); raw values are the wire names.
    public enum LegacyFieldName: String, Sendable, CaseIterable {
        case username, nick, password, name, first, last, email, address, city, state, zip, phone, url, date
        /// Obsolete (XEP-0077 §14.1).
        case misc, text
        /// Obsolete transaction key: echoed unchanged when the server sends one.
        case key
    }

    /// One legacy field: an element name in `jabber:iq:register` and its current text.
    public struct LegacyField: Sendable, Hashable {
        public var name: String
        /// The server's current value (usually empty; filled for `<registered/>` replies and `<key/>`).
        public var value: String

        public init(name: String, value: String = "") {
            self.name = name
            self.value = value
        }

        /// The known XEP-0077 name, or `nil` for a field this client does not know (shown, never dropped: R7).
        public var knownName: LegacyFieldName? { LegacyFieldName(rawValue: name) }
    }

    /// How to register, after applying the XEP-0077 §6 precedence.
    public enum Method: Sendable, Hashable {
        /// `<registered/>`: the requester already has an account (XEP-0077 §3.1).
        case alreadyRegistered
        /// Submit this data form; `alternative` is the OOB URL or instructions offered besides it.
        case dataForm(DataForm, alternative: RegistrationRedirect?)
        /// Submit the legacy fields; `alternative` is an OOB URL the server also sent (NOT RECOMMENDED by the
        /// XEP, shown optionally).
        case legacyFields([LegacyField], alternative: RegistrationRedirect?)
        /// Register on the web: instructions and/or an OOB URL, no fields.
        case redirect(RegistrationRedirect)
        /// Nothing usable (an empty query, or only namespaces this client ignores).
        case unusable
    }

    /// The `jabber:x:data` form, if any.
    public var form: DataForm?
    /// Legacy fields in document order (every child in `jabber:iq:register` except `instructions`,
    /// `registered` and `remove`).
    public var legacyFields: [LegacyField]
    /// `<instructions/>`, unsanitized.
    public var instructions: String?
    /// The XEP-0066 `<x xmlns='jabber:x:oob'/>` element, if any.
    public var outOfBand: Element?
    /// `<registered/>` present.
    public var isRegistered: Bool
    /// `<remove/>` present (account removal requests).
    public var isRemoval: Bool
    /// XEP-0231 `<data xmlns='urn:xmpp:bob'/>` elements found in the query or its form, undecoded.
    public var bitsOfBinary: [Element]
    /// `{namespace}name` of ignored children, for reports.
    public var ignoredElements: [String]

    public init(
        form: DataForm? = nil,
        legacyFields: [LegacyField] = [],
        instructions: String? = nil,
        outOfBand: Element? = nil,
        isRegistered: Bool = false,
        isRemoval: Bool = false,
        bitsOfBinary: [Element] = [],
        ignoredElements: [String] = []
    ) {
        self.form = form
        self.legacyFields = legacyFields
        self.instructions = instructions
        self.outOfBand = outOfBand
        self.isRegistered = isRegistered
        self.isRemoval = isRemoval
        self.bitsOfBinary = bitsOfBinary
        self.ignoredElements = ignoredElements
    }

    /// Reads a `<query xmlns='jabber:iq:register'/>`; `nil` for another element.
    public init?(parsing element: Element) {
        guard element.is("query", Namespace.register) else { return nil }
        self.init()
        for child in element.elements {
            switch (child.namespace, child.name) {
            case (Namespace.register, "instructions"): instructions = child.text
            case (Namespace.register, "registered"): isRegistered = true
            case (Namespace.register, "remove"): isRemoval = true
            case (Namespace.register, _): legacyFields.append(LegacyField(name: child.name, value: child.text))
            case (Namespace.dataForms, "x"):
                guard form == nil, let parsed = DataForm(parsing: child) else {
                    ignoredElements.append("{\(child.namespace)}\(child.name)")
                    continue
                }
                form = parsed
                bitsOfBinary += child.children("data", namespace: Namespace.bitsOfBinary)
            case (Namespace.outOfBand, "x"): outOfBand = outOfBand ?? child
            case (Namespace.bitsOfBinary, "data"): bitsOfBinary.append(child)
            default: ignoredElements.append("{\(child.namespace)}\(child.name)")
            }
        }
    }

    /// Reads the query carried by an IQ result or error (the IQ's payload).
    public init?(parsing iq: IQ) {
        guard let payload = iq.payload else { return nil }
        self.init(parsing: payload)
    }

    /// The redirect parts (OOB URL, instructions), if any.
    public var redirect: RegistrationRedirect? {
        RegistrationRedirect(oob: outOfBand, instructions: instructions)
    }

    /// The registration method per XEP-0077 §6: `<registered/>` first, then a data form this client
    /// understands (`form`/no type, `FORM_TYPE` absent or `jabber:iq:register`), then legacy fields, then a
    /// redirect.
    public var method: Method {
        if isRegistered { return .alreadyRegistered }
        if let form, form.type == .form, form.formType == nil || form.formType == Namespace.register {
            return .dataForm(form, alternative: redirect)
        }
        if !legacyFields.isEmpty {
            let alternative = outOfBand == nil ? nil : redirect
            return .legacyFields(legacyFields, alternative: alternative)
        }
        if let redirect { return .redirect(redirect) }
        return .unusable
    }
}
