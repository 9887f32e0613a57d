import Foundation

/// The questionnaire and its catalogue, loaded from a forms folder and checked as a whole.
public struct FormDefinition: Sendable {
    public let questionnaire: Questionnaire
    public let catalogue: Catalogue

    public static let questionnaireFile = "questionnaire.json"

    public init(questionnaire: Questionnaire, catalogue: Catalogue) throws(FormDefinitionError) {
        self.questionnaire = questionnaire
        self.catalogue = catalogue
        try FormCheck.check(questionnaire, file: Self.questionnaireFile)
        try FormCheck.check(catalogue, for: questionnaire)
    }

    /// Loads `questionnaire.json` and `translations/<language>.json` from `directory` and checks
    /// them: every problem names the file, the question where there is one, and what is wrong.
    public static func load(from directory: String) throws(FormDefinitionError) -> FormDefinition {
        let questionnairePath = directory + "/" + questionnaireFile
        let questionnaire: Questionnaire = try decode(Questionnaire.self, at: questionnairePath)
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            texts[language] = try decode(
                [String: String].self, at: "\(directory)/translations/\(language.rawValue).json")
        }
        do {
            return try FormDefinition(questionnaire: questionnaire, catalogue: Catalogue(texts: texts))
        } catch {
            throw FormDefinitionError(
                file: error.file.hasPrefix("translations/") || error.file == questionnaireFile
                    ? directory + "/" + error.file : error.file,
                question: error.question, problem: error.problem)
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, at path: String) throws(FormDefinitionError) -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormDefinitionError(file: path, question: nil, problem: "cannot be read")
        }
        do {
            return try JSONInput.decode(type, from: data, using: JSONDecoder())
        } catch let error as DecodingError {
            throw FormDefinitionError(file: path, question: nil, problem: describe(error))
        } catch let error as InputError {
            throw FormDefinitionError(file: path, question: nil, problem: error.message)
        } catch {
            throw FormDefinitionError(file: path, question: nil, problem: "\(error)")
        }
    }

    /// Where in the file and what: `pages[2].questions[0].type: unknown field type 'colour' …`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)) has the wrong type"
        @unknown default:
            return "cannot be read"
        }
    }
}

/// A problem in the form definitions, named by file and question.
public struct FormDefinitionError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var question: String?
    public var problem: String

    public var description: String {
        if let question { return "\(file): question '\(question)': \(problem)" }
        return "\(file): \(problem)"
    }
}
