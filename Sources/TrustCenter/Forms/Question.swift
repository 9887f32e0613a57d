/// One question of the questionnaire. Its texts live in the catalogue under
/// `question.<id>.label`, `question.<id>.help` (when `hasHelp`) and `question.<id>.option.<option>`.
public struct Question: Decodable, Sendable, Hashable {
    public var id: String
    public var type: FieldType
    public var required: Bool
    /// The choices of a single- or multiple-choice question, by id.
    public var options: [String]
    public var maxLength: Int?
    public var min: Double?
    public var max: Double?
    public var showIf: Condition?
    public var hasHelp: Bool

    enum CodingKeys: String, CodingKey {
        case id, type, required, options, maxLength, min, max, showIf, hasHelp = "help"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        options = try container.decodeIfPresent([String].self, forKey: .options) ?? []
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        min = try container.decodeIfPresent(Double.self, forKey: .min)
        max = try container.decodeIfPresent(Double.self, forKey: .max)
        showIf = try container.decodeIfPresent(Condition.self, forKey: .showIf)
        hasHelp = try container.decodeIfPresent(Bool.self, forKey: .hasHelp) ?? false
    }

    /// The longest text accepted: the question's own limit, or the type's.
    public var effectiveMaxLength: Int {
        maxLength ?? (type == .longText ? 20_000 : 200)
    }
}

/// The kinds of input a question can take.
public enum FieldType: String, Decodable, Sendable, CaseIterable {
    case shortText
    case longText
    case singleChoice
    case multipleChoice
    /// A date and time in the reporter's local time, `YYYY-MM-DDTHH:MM` (HTML datetime-local).
    case dateTime
    case number
    case yesNo
    /// A checkbox that must be ticked to go on when the question is required.
    case consent

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = FieldType(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "unknown field type '\(text)'; valid types: \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self = type
    }
}

/// One step of the form: a page of questions, shown when its condition holds. Its title lives in
/// the catalogue under `page.<id>.title`, and an introduction under `page.<id>.intro` when
/// `hasIntro`.
public struct Page: Decodable, Sendable, Hashable {
    public var id: String
    public var showIf: Condition?
    public var questions: [Question]
    public var hasIntro: Bool

    enum CodingKeys: String, CodingKey {
        case id, showIf, questions, hasIntro = "intro"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        showIf = try container.decodeIfPresent(Condition.self, forKey: .showIf)
        questions = try container.decode([Question].self, forKey: .questions)
        hasIntro = try container.decodeIfPresent(Bool.self, forKey: .hasIntro) ?? false
    }
}

/// Which category a finished form files its case under: the first rule whose condition holds.
public struct CategoryRule: Decodable, Sendable, Hashable {
    public var when: Condition
    public var category: Category
}
