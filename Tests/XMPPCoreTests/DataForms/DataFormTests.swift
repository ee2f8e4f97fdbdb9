import Testing
import XMPPCore

@Suite("Data forms (XEP-0004, XEP-0221)")
struct DataFormTests {
    /// XEP-0004 §3.3 field types, copied from the XEP's table.
    @Test("field type wire strings", arguments: [
        ("boolean", DataForm.Field.FieldType.boolean), ("fixed", .fixed), ("hidden", .hidden),
        ("jid-multi", .jidMulti), ("jid-single", .jidSingle), ("list-multi", .listMulti),
        ("list-single", .listSingle), ("text-multi", .textMulti), ("text-private", .textPrivate),
        ("text-single", .textSingle),
    ])
    func fieldTypes(wire: String, type: DataForm.Field.FieldType) {
        #expect(type.rawValue == wire)
        #expect(DataForm.Field.FieldType(rawValue: wire) == type)
    }

    @Test("form type wire strings (XEP-0004 §3.1)")
    func formTypes() {
        #expect(DataForm.FormType.allCases.map(\.rawValue) == ["form", "submit", "cancel", "result"])
    }

    /// XEP-0004 Example 2 (abridged), every field type.
    static let configurationForm = """
        <x xmlns='jabber:x:data' type='form'>
          <title>Bot Configuration</title>
          <instructions>Fill out this form to configure your new bot!</instructions>
          <instructions>Second line &amp; more</instructions>
          <field type='hidden' var='FORM_TYPE'><value>jabber:bot</value></field>
          <field type='fixed'><value>Section 1: Bot Info</value></field>
          <field type='text-single' label='The name of your bot' var='botname'/>
          <field type='text-multi' label='Helpful description of your bot' var='description'/>
          <field type='boolean' label='Public bot?' var='public'><required/></field>
          <field type='text-private' label='Password for special access' var='password'/>
          <field type='list-multi' label='What features will the bot support?' var='features'>
            <option label='Contests'><value>contests</value></option>
            <option label='News'><value>news</value></option>
            <option label='Search'><value>search</value></option>
            <value>news</value><value>search</value>
          </field>
          <field type='list-single' label='Maximum number of subscribers' var='maxsubs'>
            <value>20</value>
            <option label='10'><value>10</value></option>
            <option label='20'><value>20</value></option>
          </field>
          <field type='jid-multi' label='People to invite' var='invitelist'><desc>Tell all your friends about your new bot!</desc></field>
          <field type='jid-single' label='Owner' var='owner'/>
          <field var='untyped' label='No type'/>
          <field var='odd' type='something-new'/>
        </x>
        """

    @Test("parses every field type, label, desc, options, values")
    func parseConfigurationForm() throws {
        let form = try #require(DataForm(parsing: TestXML.element(Self.configurationForm, namespace: Namespace.dataForms)))
        #expect(form.type == .form)
        #expect(form.title == "Bot Configuration")
        #expect(form.instructions == ["Fill out this form to configure your new bot!", "Second line & more"])
        #expect(form.formType == "jabber:bot")
        #expect(form.fields.count == 12)
        #expect(form.fields[1].variable == nil && form.fields[1].type == .fixed)
        #expect(form.field("public")?.isRequired == true)
        #expect(form.field("features")?.options.map(\.value) == ["contests", "news", "search"])
        #expect(form.field("features")?.options.first?.label == "Contests")
        #expect(form["features"] == ["news", "search"])
        #expect(form.field("invitelist")?.descriptionText == "Tell all your friends about your new bot!")
        #expect(form.field("untyped")?.type == nil)
        #expect(form.field("untyped")?.effectiveType == .textSingle)
        #expect(form.field("odd")?.effectiveType == .textSingle)
        #expect(form.field("botname")?.label == "The name of your bot")
    }

    @Test("parse → element → parse is the identity")
    func roundTrip() throws {
        let form = try #require(DataForm(parsing: TestXML.element(Self.configurationForm, namespace: Namespace.dataForms)))
        let reparsed = DataForm(parsing: TestXML.element(form.element.serialized()))
        // The unknown type `something-new` is not a XEP-0004 type and is not written back.
        #expect(reparsed == form)
        let media = MediaElement(height: 80, width: 290, uris: [.init(contentType: "image/jpeg", value: "https://e.example/c.jpg")])
        let withMedia = DataForm(type: .result, fields: [.init(variable: "ocr", media: [media])],
                                 reportedFields: [.init(variable: "jid", type: .jidSingle, label: "JID")],
                                 items: [[.init(variable: "jid", values: ["a@b.example"])]])
        #expect(DataForm(parsing: TestXML.element(withMedia.element.serialized())) == withMedia)
    }

    @Test("serialization is the XEP-0004 wire form")
    func serialization() {
        let form = DataForm(
            type: .form, title: "T", instructions: ["I"],
            fields: [
                .init(variable: "FORM_TYPE", type: .hidden, values: ["jabber:iq:register"]),
                .init(variable: "color", type: .listSingle, label: "Colour", descriptionText: "Pick one", isRequired: true,
                      options: [.init(label: "Red", value: "red")]),
            ])
        #expect(form.element.serialized() == "<x xmlns='jabber:x:data' type='form'><title>T</title><instructions>I</instructions>"
            + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
            + "<field var='color' type='list-single' label='Colour'><desc>Pick one</desc><required/>"
            + "<option label='Red'><value>red</value></option></field></x>")
    }

    @Test("a missing form type reads as form; an unknown one is not a form; other elements are not forms")
    func formTypeEdgeCases() {
        #expect(DataForm(parsing: TestXML.element("<x xmlns='jabber:x:data'/>"))?.type == .form)
        #expect(DataForm(parsing: TestXML.element("<x xmlns='jabber:x:data' type='bogus'/>")) == nil)
        #expect(DataForm(parsing: TestXML.element("<x xmlns='jabber:x:oob'/>")) == nil)
    }

    @Test("XEP-0221 media element")
    func media() throws {
        let field = DataForm.Field(parsing: TestXML.element(
            "<field xmlns='jabber:x:data' var='ocr' label='Enter the text you see'><media xmlns='urn:xmpp:media-element' height='80' width='290'>"
                + "<uri type='image/jpeg'> http://www.victim.com/challenges/ocr.jpeg?F3A6292C </uri><uri type='image/png'>cid:sha1+abc@bob.xmpp.org</uri></media></field>"))
        let media = try #require(field.media.first)
        #expect(media.height == 80 && media.width == 290)
        #expect(media.uris == [
            .init(contentType: "image/jpeg", value: "http://www.victim.com/challenges/ocr.jpeg?F3A6292C"),
            .init(contentType: "image/png", value: "cid:sha1+abc@bob.xmpp.org"),
        ])
    }

    // MARK: - Filling and submitting

    @Test("filled(with:) answers visible fields and never touches hidden or fixed ones")
    func filling() throws {
        let form = try #require(DataForm(parsing: TestXML.element(Self.configurationForm, namespace: Namespace.dataForms)))
        let filled = form.filled(with: ["botname": ["Botty"], "FORM_TYPE": ["evil"], "nope": ["x"], "public": ["1"]])
        #expect(filled["botname"] == ["Botty"])
        #expect(filled.formType == "jabber:bot")
        #expect(filled.field("public")?.booleanValue == true)
        #expect(filled.fields.count == form.fields.count)
        var inPlace = form
        inPlace.fill(with: ["botname": ["Botty"], "public": ["1"]])
        #expect(inPlace == filled)
    }

    @Test("submission echoes hidden fields, drops fixed fields and empty fields, keeps only var and values")
    func submission() throws {
        let form = try #require(DataForm(parsing: TestXML.element(Self.configurationForm, namespace: Namespace.dataForms)))
        let submission = form.filled(with: ["botname": ["Botty"], "public": ["true"]]).makeSubmission()
        #expect(submission.type == .submit)
        #expect(submission.element.serialized() == "<x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE' type='hidden'><value>jabber:bot</value></field>"
            + "<field var='botname'><value>Botty</value></field>"
            + "<field var='public'><value>true</value></field>"
            + "<field var='features'><value>news</value><value>search</value></field>"
            + "<field var='maxsubs'><value>20</value></field></x>")
        #expect(DataForm.makeCancellation().element.serialized() == "<x xmlns='jabber:x:data' type='cancel'/>")
    }

    @Test("hidden values are echoed byte for byte, including white space and markup characters")
    func hiddenEcho() {
        let form = DataForm(type: .form, fields: [.init(variable: "state", type: .hidden, values: [" a<b>&'c\n "])])
        let echoed = form.filled(with: ["state": ["changed"]]).makeSubmission()
        #expect(echoed.field("state")?.values == [" a<b>&'c\n "])
        #expect(DataForm(parsing: TestXML.element(echoed.element.serialized()))?.field("state")?.values == [" a<b>&'c\n "])
    }

    // MARK: - Validation

    static let validationForm = DataForm(type: .form, fields: [
        .init(variable: "FORM_TYPE", type: .hidden, values: ["urn:example"]),
        .init(variable: "name", type: .textSingle, isRequired: true),
        .init(variable: "agree", type: .boolean, isRequired: true),
        .init(variable: "color", type: .listSingle, options: [.init(value: "red"), .init(value: "blue")]),
        .init(variable: "tags", type: .listMulti, options: [.init(value: "a"), .init(value: "b")]),
        .init(variable: "notes", type: .textMulti),
        .init(type: .fixed, values: ["Read this"]),
    ])

    @Test("validation reports every problem at once", arguments: [
        ([:], [DataForm.Problem.missingRequiredValue(variable: "name"), .missingRequiredValue(variable: "agree")]),
        (["name": ["x"], "agree": ["yes"]], [.invalidBoolean(variable: "agree", value: "yes")]),
        (["name": ["x"], "agree": ["0"], "color": ["green"]], [.notAnOption(variable: "color", value: "green")]),
        (["name": ["x", "y"], "agree": ["1"], "tags": ["a", "c"]],
         [.tooManyValues(variable: "name"), .notAnOption(variable: "tags", value: "c")]),
        (["name": [""], "agree": ["false"], "notes": ["l1", "l2"], "color": ["blue"]], [.missingRequiredValue(variable: "name")]),
        (["name": ["x"], "agree": ["1"], "tags": ["a", "b"]], []),
        (["name": ["x"], "agree": ["1"], "FORM_TYPE": ["x"], "zzz": ["1"]],
         [.notAnswerable(variable: "FORM_TYPE"), .unknownField(variable: "zzz")]),
    ] as [([String: [String]], [DataForm.Problem])])
    func validation(answers: [String: [String]], expected: [DataForm.Problem]) {
        #expect(Self.validationForm.problems(answering: answers) == expected)
    }

    @Test("missing required fields and var-less fields")
    func missingAndVarless() {
        #expect(Self.validationForm.missingRequiredFields.compactMap(\.variable) == ["name", "agree"])
        let broken = DataForm(type: .form, fields: [.init(variable: nil, type: .textSingle)])
        #expect(broken.problems == [.fieldWithoutVariable(index: 0)])
    }

    @Test("descriptions and reflection never show secret values")
    func redaction() {
        let form = DataForm(type: .submit, fields: [
            .init(variable: "username", values: ["alice"]),
            .init(variable: "password", type: .textPrivate, values: ["s3cret-Pa55"]),
            .init(variable: "new_password", values: ["s3cret-Pa56"]),
        ])
        var dumped = ""
        dump(form, to: &dumped)
        for text in [String(describing: form), String(reflecting: form), dumped] {
            #expect(text.contains("alice"))
            #expect(!text.contains("s3cret"))
        }
    }
}
