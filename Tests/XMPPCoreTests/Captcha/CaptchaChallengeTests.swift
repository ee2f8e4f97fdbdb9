import OpenSSLSupport
import Testing
import XMPPCore

@Suite("CAPTCHA in registration forms (XEP-0158, XEP-0221, ejabberd)")
struct CaptchaChallengeTests {
    static func query(_ xml: String) throws -> RegistrationQuery {
        try #require(RegistrationQuery(parsing: TestXML.element(xml)))
    }

    @Test("ejabberd 23.01: ocr question with inline PNG, fallback text and URL, hidden challenge fields")
    func ejabberd() throws {
        let query = try #require(RegistrationQuery(parsing: ServerFixtures.ejabberdCaptchaFormIQ))
        let form = try #require(query.form)
        let captcha = try #require(CaptchaChallenge(form: form, data: query.bitsOfBinary, verifyingWith: OpenSSLCrypto()))
        #expect(captcha.challengeID == "12048431259047425252")
        #expect(captcha.sid == ServerFixtures.ejabberdCaptchaFormID)
        #expect(captcha.from == "captcha.localhost")
        #expect(captcha.requiredAnswerCount == nil)
        #expect(captcha.fallbackText == "If you don't see the CAPTCHA image here, visit the web page.")
        #expect(captcha.fallbackURL?.kind == .http)
        #expect(captcha.fallbackURL?.fetchableURL == nil)
        #expect(captcha.fallbackURL?.text == "http://localhost/captcha/12048431259047425252/image")
        #expect(captcha.questions.count == 1)
        let question = try #require(captcha.questions.first)
        #expect(question.variable == "ocr")
        #expect(question.type == .ocr)
        #expect(question.label == "Enter the text you see")
        #expect(question.isRequired)
        #expect(captcha.isAnswerableInTerminal)
        guard case .inline(let image)? = question.preferredMedia?.source else {
            Issue.record("expected inline data, got \(String(describing: question.preferredMedia))")
            return
        }
        #expect(image.isHashVerified)
        #expect(image.contentType == "image/png")
        #expect(question.preferredMedia?.contentType == "image/png")
        #expect(captcha.variables.isSuperset(of: ["ocr", "challenge", "sid", "from", "captcha-fallback-url", "captcha-fallback-text"]))
    }

    /// protocols.md §5.1 (XEP-0158 Example): http media, `answers`, instructions + OOB fallback.
    static let xepExample = """
        <query xmlns='jabber:iq:register'>
          <x xmlns='jabber:x:data' type='form'>
            <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register</value></field>
            <field type='hidden' var='challenge'><value>F3A6292C</value></field>
            <field type='hidden' var='sid'><value>reg1</value></field>
            <field type='hidden' var='answers'><value>3</value></field>
            <field var='ocr' label='Enter the text you see'>
              <media xmlns='urn:xmpp:media-element' height='80' width='290'>
                <uri type='image/jpeg'>http://www.victim.com/challenges/ocr.jpeg?F3A6292C</uri>
              </media>
            </field>
            <field type='text-single' var='username'><required/></field>
            <field type='text-private' var='password'><required/></field>
          </x>
          <instructions>To register, visit http://www.victim.com/register.html</instructions>
          <x xmlns='jabber:x:oob'><url>http://www.victim.com/register.html</url></x>
        </query>
        """

    @Test("XEP-0158 example: plain http media is reported, not fetched; OOB offered as the alternative")
    func xepExample() throws {
        let query = try Self.query(Self.xepExample)
        guard case .dataForm(let form, let alternative) = query.method else {
            Issue.record("expected a data form")
            return
        }
        let captcha = try #require(CaptchaChallenge(form: form))
        #expect(captcha.requiredAnswerCount == 3)
        #expect(captcha.challengeID == "F3A6292C")
        let media = try #require(captcha.questions.first?.media.first)
        #expect(media.width == 290 && media.height == 80)
        #expect(media.source == .insecureHTTP(ServerURL("http://www.victim.com/challenges/ocr.jpeg?F3A6292C")))
        #expect(alternative?.url?.kind == .http)
        #expect(alternative?.origin == .outOfBand)
    }

    private static func form(_ fields: String, data: String = "") throws -> (DataForm, [Element]) {
        let query = try Self.query("<query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>\(fields)</x>\(data)</query>")
        return (try #require(query.form), query.bitsOfBinary)
    }

    @Test("media sources: https fetched, javascript rejected, missing cid unresolved, bad inline data refused, preference order")
    func mediaSources() throws {
        let png = "iVBORw0KGgo="  // the 8-byte PNG signature
        let (form, data) = try Self.form(
            """
            <field var='ocr' label='Type it'><media xmlns='urn:xmpp:media-element'>
              <uri type='image/png'>javascript:alert(1)</uri>
              <uri type='image/png'>http://insecure.example/c.png</uri>
              <uri type='image/png'>https://secure.example/c.png</uri>
              <uri type='image/png'>cid:sha1+missing@bob.xmpp.org</uri>
              <uri type='image/svg+xml'>cid:sha1+svg@bob.xmpp.org</uri>
              <uri type='image/png'>cid:sha1+good@bob.xmpp.org</uri>
            </media><required/></field>
            """,
            data: "<data xmlns='urn:xmpp:bob' cid='sha1+svg@bob.xmpp.org' type='image/svg+xml'>PHN2Zy8+</data>"
                + "<data xmlns='urn:xmpp:bob' cid='sha1+good@bob.xmpp.org' type='image/png'>\(png)</data>")
        let captcha = try #require(CaptchaChallenge(form: form, data: data))
        let sources = try #require(captcha.questions.first).media.map(\.source)
        #expect(sources[0] == .rejected(ServerURL("javascript:alert(1)")))
        #expect(sources[1] == .insecureHTTP(ServerURL("http://insecure.example/c.png")))
        #expect(sources[2] == .https(ServerURL("https://secure.example/c.png")))
        #expect(sources[3] == .unresolvedContentID("sha1+missing@bob.xmpp.org"))
        #expect(sources[4] == .invalidInline(contentID: "sha1+svg@bob.xmpp.org", .contentTypeNotAllowed("image/svg+xml")))
        guard case .inline(let decoded) = sources[5] else {
            Issue.record("expected inline data")
            return
        }
        #expect(!decoded.isHashVerified)
        #expect(captcha.questions.first?.preferredMedia?.source == sources[5])
        #expect(captcha.challengeID == nil)
    }

    @Test("without inline data, https is preferred over a cid to fetch, and a fetched cid resolves")
    func fetchedContentID() throws {
        let (form, _) = try Self.form(
            "<field var='ocr'><media xmlns='urn:xmpp:media-element'><uri type='image/png'>cid:sha1+later@bob.xmpp.org</uri></media></field>")
        let captcha = try #require(CaptchaChallenge(form: form))
        #expect(captcha.questions.first?.preferredMedia?.source == .unresolvedContentID("sha1+later@bob.xmpp.org"))
        let fetched = BitsOfBinaryData(contentID: "sha1+later@bob.xmpp.org", contentType: "image/png", bytes: [0x89])
        let resolved = captcha.resolved(with: fetched)
        #expect(resolved.questions.first?.preferredMedia?.source == .inline(fetched))
        let other = BitsOfBinaryData(contentID: "sha1+other@bob.xmpp.org", contentType: "image/png", bytes: [0x89])
        #expect(captcha.resolved(with: other) == captcha)
    }

    @Test("qa question: the label is the question, no media needed")
    func questionAndAnswer() throws {
        let (form, _) = try Self.form(
            "<field type='hidden' var='challenge'><value>c1</value></field><field var='qa' type='text-single' label='What is 3 + 4?'><required/></field>")
        let captcha = try #require(CaptchaChallenge(form: form))
        #expect(captcha.questions.map(\.type) == [.qa])
        #expect(captcha.questions.first?.label == "What is 3 + 4?")
        #expect(captcha.isAnswerableInTerminal)
    }

    @Test("hash-based and audio challenges are recognized but not answerable in a terminal")
    func unanswerable() throws {
        let (hashForm, _) = try Self.form("<field var='SHA-256' label='d1c3…'/>")
        let hash = try #require(CaptchaChallenge(form: hashForm))
        #expect(hash.questions.first?.isHashChallenge == true)
        #expect(hash.questions.first?.type == nil)
        #expect(!hash.isAnswerableInTerminal)
        let (audioForm, _) = try Self.form(
            "<field var='audio_recog'><media xmlns='urn:xmpp:media-element'><uri type='audio/x-wav'>javascript:x</uri></media></field>")
        #expect(CaptchaChallenge(form: audioForm)?.isAnswerableInTerminal == false)
        #expect(CaptchaType.audioRecognition.isVisualOrText == false)
    }

    @Test("a form without a challenge has no CAPTCHA")
    func none() throws {
        let (form, _) = try Self.form("<field var='username'/><field var='password' type='text-private'/>")
        #expect(CaptchaChallenge(form: form) == nil)
    }

    @Test("challenge types use the XEP-0158 wire names")
    func typeNames() {
        #expect(CaptchaType.allCases.map(\.rawValue) == [
            "audio_recog", "ocr", "picture_q", "picture_recog", "qa", "speech_q", "speech_recog", "video_q", "video_recog",
        ])
    }
}
