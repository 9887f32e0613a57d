/// What the reporter submitted: the answers to the form's questions, in the order asked.
/// Always stored sealed.
public struct Report: Codable, Sendable, Hashable {
    public var answers: [Answer]

    public init(answers: [Answer]) {
        self.answers = answers
    }

    /// The answer to one question, if it was given.
    public func answer(to question: String) -> String? {
        answers.first { $0.question == question }?.value
    }
}

/// One answer: the question's identifier and the text given.
public struct Answer: Codable, Sendable, Hashable {
    public var question: String
    public var value: String

    public init(question: String, value: String) {
        self.question = question
        self.value = value
    }
}
