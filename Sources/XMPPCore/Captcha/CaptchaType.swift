/// XEP-0158 §5 challenge types: the `var` of the field that carries a challenge; raw values are the wire names.
public enum CaptchaType: String, Sendable, CaseIterable {
    /// Recognize the spoken text and type it.
    case audioRecognition = "audio_recog"
    /// Type the text shown in the image (ejabberd's only type).
    case ocr
    /// Answer a question about a picture.
    case pictureQuestion = "picture_q"
    /// Identify a picture.
    case pictureRecognition = "picture_recog"
    /// Answer a text question (the field's `label`).
    case qa
    /// Answer a spoken question.
    case speechQuestion = "speech_q"
    /// Type the spoken words.
    case speechRecognition = "speech_recog"
    /// Answer a question about a video.
    case videoQuestion = "video_q"
    /// Identify a video.
    case videoRecognition = "video_recog"

    /// Whether a person answers from an image or a text question (what a terminal can present).
    public var isVisualOrText: Bool {
        switch self {
        case .ocr, .pictureQuestion, .pictureRecognition, .qa: true
        default: false
        }
    }

    /// XEP-0158 §5 hash-based challenges use a hash function's name as `var` (the `label` is the challenge).
    static let hashVariables: Set<String> = ["sha-1", "sha-224", "sha-256", "sha-384", "sha-512", "md5"]
}
