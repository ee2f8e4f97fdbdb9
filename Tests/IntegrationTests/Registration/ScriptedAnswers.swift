import Foundation
import Onboarding
import XMPPCore
import XMPPTestSupport

/// A `Prompter` that answers from a script, in order, recording what it was asked.
final class ScriptedPrompter: Prompter {
    let isInteractive: Bool
    let asked = LockedBox<[Prompt]>([])
    private let answers: LockedBox<[String]>

    init(isInteractive: Bool = true, answers: [String] = []) {
        self.isInteractive = isInteractive
        self.answers = LockedBox(answers)
    }

    private func next(_ prompt: Prompt) throws(PromptError) -> String {
        guard isInteractive else { throw .unavailable }
        asked.withLock { $0.append(prompt) }
        guard let answer = answers.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { throw .cancelled }
        return answer
    }

    func ask(_ prompt: Prompt) async throws(PromptError) -> String { try next(prompt) }
    func askSecret(_ prompt: Prompt) async throws(PromptError) -> String { try next(prompt) }
    func confirm(_ prompt: Prompt) async throws(PromptError) -> Bool { try next(prompt) == "y" }
    func choose(_ prompt: Prompt, from options: [String]) async throws(PromptError) -> Int { Int(try next(prompt)) ?? 0 }
}

/// Answers ejabberd's test CAPTCHA: wrong for the first `wrongAnswers` attempts, then the text the test script
/// embedded in the PNG (`EjabberdServer.captchaAnswer(inPNG:)`).
final class ScriptedCaptchaSolver: CaptchaSolving {
    let wrongAnswers: Int
    let attempts = LockedBox<[Int]>([])
    let images = LockedBox<[CaptchaImage?]>([])

    init(wrongAnswers: Int) {
        self.wrongAnswers = wrongAnswers
    }

    struct NoAnswerInImage: Error {}

    func answer(
        _ question: CaptchaChallenge.Question, of challenge: CaptchaChallenge, image: CaptchaImage?, attempt: Int
    ) async throws -> String {
        attempts.withLock { $0.append(attempt) }
        images.withLock { $0.append(image) }
        guard let image, let answer = EjabberdServer.captchaAnswer(inPNG: Data(image.bytes)) else { throw NoAnswerInImage() }
        return attempt <= wrongAnswers ? "x" + answer : answer
    }
}
