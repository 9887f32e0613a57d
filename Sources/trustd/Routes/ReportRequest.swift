import TrustCenter
import TrustCenterAPI

/// A report sent as JSON: `{"entity"?, "answers": {question id: text or [option, …]},
/// "reporter"?: {"name", "email"?, "phone"?}, "language"?: "nb"|"sv"|"da"|"en"}`. The answers follow
/// the questionnaire; the category follows from them. Leaving out `reporter` makes the report
/// anonymous; `language` is the one letters to the reporter are written in.
struct ReportRequest: JSONBody {
    static let fields = ["entity", "answers", "reporter", "language"]

    var entity: String?
    var answers: [String: AnswerValue]
    var reporter: ReporterContact?
    var language: String?

    func submission() throws(InputError) -> ReportSubmission {
        var chosen: Language?
        if let language {
            chosen = Language(rawValue: language)
            guard chosen != nil else {
                throw InputError(
                    field: "language",
                    message: "unknown language \(PlainText.quoted(language, limit: 20)); valid values: "
                        + Language.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        return ReportSubmission(
            entityID: entity, answers: AnswerSet(answers.mapValues(\.values)), contact: reporter, language: chosen)
    }
}

/// One answer in JSON: a string, or a list of strings for a multiple choice.
struct AnswerValue: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            values = [text]
        } else if let list = try? container.decode([String].self) {
            values = list
        } else {
            // Numbers and yes/no are sent as text too ("40", "yes"), as the form sends them.
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "must be text, such as \"40\" or \"yes\", or a list of texts for a multiple choice"))
        }
    }
}
