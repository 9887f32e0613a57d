/// When a page or question is shown, from earlier answers. In the questionnaire file:
/// `{"question": "about", "equals": "security"}`, `{"question": "about", "in": ["hse", "security"]}`,
/// `{"question": "dataKinds", "includes": "health"}`, `{"question": "x", "answered": true}`,
/// and `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`.
public indirect enum Condition: Sendable, Hashable {
    case equals(question: String, value: String)
    case oneOf(question: String, values: [String])
    case includes(question: String, value: String)
    case answered(question: String)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Whether the condition holds for these answers.
    public func holds(for answers: AnswerSet) -> Bool {
        switch self {
        case .equals(let question, let value): answers.values(question) == [value]
        case .oneOf(let question, let values):
            answers.values(question).count == 1 && values.contains(answers.values(question)[0])
        case .includes(let question, let value): answers.values(question).contains(value)
        case .answered(let question): !answers.values(question).isEmpty
        case .all(let conditions): conditions.allSatisfy { $0.holds(for: answers) }
        case .any(let conditions): conditions.contains { $0.holds(for: answers) }
        case .not(let condition): !condition.holds(for: answers)
        }
    }

    /// The questions the condition reads, for the form check.
    public var questions: [String] {
        switch self {
        case .equals(let question, _), .oneOf(let question, _), .includes(let question, _), .answered(let question):
            [question]
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.questions)
        case .not(let condition): condition.questions
        }
    }
}

extension Condition: Decodable {
    private enum Keys: String, CodingKey, CaseIterable {
        case question, equals, `in`, includes, answered, all, any, not
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let conditions = try container.decodeIfPresent([Condition].self, forKey: .all) {
            self = .all(conditions)
        } else if let conditions = try container.decodeIfPresent([Condition].self, forKey: .any) {
            self = .any(conditions)
        } else if let condition = try container.decodeIfPresent(Condition.self, forKey: .not) {
            self = .not(condition)
        } else {
            let question = try container.decode(String.self, forKey: .question)
            if let value = try container.decodeIfPresent(String.self, forKey: .equals) {
                self = .equals(question: question, value: value)
            } else if let values = try container.decodeIfPresent([String].self, forKey: .in) {
                self = .oneOf(question: question, values: values)
            } else if let value = try container.decodeIfPresent(String.self, forKey: .includes) {
                self = .includes(question: question, value: value)
            } else if try container.decodeIfPresent(Bool.self, forKey: .answered) == true {
                self = .answered(question: question)
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .question, in: container,
                    debugDescription: "a condition needs equals, in, includes or answered: true")
            }
        }
    }
}
