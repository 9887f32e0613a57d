import Foundation

/// Every text of the forms and pages, per language (`forms/translations/<language>.json`).
public struct Catalogue: Sendable {
    public let texts: [Language: [String: String]]

    public init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    /// The text for `key`, with `{name}` placeholders filled in. A missing key shows as itself,
    /// but the form check at start-up makes sure none is missing.
    public func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = texts[language]?[key] ?? texts[.en]?[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The keys every language must have for this questionnaire, besides the fixed ones.
    public static func keys(for questionnaire: Questionnaire) -> [String] {
        var keys: [String] = []
        for page in questionnaire.pages {
            keys.append("page.\(page.id).title")
            if page.hasIntro { keys.append("page.\(page.id).intro") }
            for question in page.questions {
                keys.append("question.\(question.id).label")
                if question.hasHelp { keys.append("question.\(question.id).help") }
                keys += question.options.map { "question.\(question.id).option.\($0)" }
            }
        }
        return keys
    }
}
