import Foundation
import Testing

@testable import TrustCenter

/// The project's own forms folder.
enum FormsFolder {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("forms").path

    static func definition() throws -> FormDefinition { try FormDefinition.load(from: path) }
}

@Suite struct QuestionnaireTests {
    let form: FormDefinition

    init() throws { form = try FormsFolder.definition() }

    var questionnaire: Questionnaire { form.questionnaire }

    @Test func theShippedFormsPassTheCheckInEveryLanguage() throws {
        #expect(questionnaire.pages.first?.id == "about")
        for language in Language.allCases {
            #expect(form.catalogue.texts[language]?.count == form.catalogue.texts[.en]?.count)
        }
    }

    @Test func eachKindOfMatterHasItsOwnPath() {
        let paths: [(String, [String], Category)] = [
            ("security", ["about", "incident", "personalData", "measures"], .breach),
            ("hse", ["about", "hse"], .hse),
            ("wrongdoing", ["about", "wrongdoing"], .whistleblowing),
            ("complaint", ["about", "complaint"], .complaint),
            ("rights", ["about", "rights"], .rightsRequest),
            ("question", ["about", "question"], .question),
        ]
        for (about, pages, category) in paths {
            let answers = AnswerSet(["about": [about]])
            #expect(questionnaire.visiblePages(for: answers).map(\.id) == pages)
            #expect(questionnaire.category(for: answers) == category)
        }
    }

    @Test func aSecurityMatterWithoutPersonalDataIsADeviation() throws {
        let answers = AnswerSet(["about": ["security"], "personalData": ["no"]])
        #expect(questionnaire.category(for: answers) == .deviation)
        // Without personal data, the page about it is not shown.
        #expect(!questionnaire.visiblePages(for: answers).map(\.id).contains("dataDetails"))
        let withData = AnswerSet(["about": ["security"], "personalData": ["unsure"]])
        #expect(
            questionnaire.visiblePages(for: withData).map(\.id) == [
                "about", "incident", "personalData", "dataDetails", "measures",
            ])
    }

    @Test func answersLeftOnAnAbandonedPathAreDropped() {
        let answers = AnswerSet([
            "about": ["hse"], "system": ["payroll"], "hseWhatHappened": ["fell"], "hseKind": ["injury"],
        ])
        let kept = questionnaire.effectiveAnswers(answers)
        #expect(kept.value("system") == nil)
        #expect(kept.value("hseWhatHappened") == "fell")
    }

    @Test(arguments: [
        ("whatHappened", [] as [String], "error.required"),
        ("whatHappened", [String(repeating: "x", count: 20_001)], "error.tooLong"),
        ("whatHappened", ["bell\u{7}"], "error.controlCharacters"),
        ("system", ["two\nlines"], "error.singleLine"),
        ("ongoing", ["perhaps"], "error.unknownOption"),
        ("discoveredAt", ["yesterday"], "error.dateTime"),
        ("discoveredAt", ["2026-02-30T10:00"], "error.dateTime"),
    ])
    func badAnswersOnTheIncidentPageAreNamed(question: String, values: [String], key: String) throws {
        var answers = AnswerSet([
            "about": ["security"], "system": ["Payroll"], "whatHappened": ["Sent to the wrong customer"],
            "discoveredAt": ["2026-03-10T09:00"], "ongoing": ["no"],
        ])
        answers.set(question, values)
        let page = try #require(questionnaire.pages.first { $0.id == "incident" })
        let problems = questionnaire.check(page: page, answers: &answers)
        #expect(problems.map(\.question) == [question])
        #expect(problems.first?.key == key)
    }

    @Test func goodAnswersAreNormalised() throws {
        var answers = AnswerSet([
            "about": ["security"], "personalData": ["yes"], "dataKinds": ["health", "contact", "health"],
            "peopleCount": [" 1,5e3 "], "leftOrganisation": ["no"], "contained": ["line\r\nbreak"],
        ])
        let page = try #require(questionnaire.pages.first { $0.id == "dataDetails" })
        #expect(questionnaire.check(page: page, answers: &answers).isEmpty)
        let measures = try #require(questionnaire.pages.first { $0.id == "measures" })
        #expect(questionnaire.check(page: measures, answers: &answers).isEmpty)
        #expect(answers.values("dataKinds") == ["contact", "health"])
        #expect(answers.value("peopleCount") == "1500")
        #expect(answers.value("contained") == "line\nbreak")
    }

    @Test func numbersOutsideTheRangeAreRefusedWithTheRange() throws {
        var answers = AnswerSet([
            "about": ["security"], "personalData": ["yes"], "leftOrganisation": ["no"], "peopleCount": ["-3"],
        ])
        let page = try #require(questionnaire.pages.first { $0.id == "dataDetails" })
        let problem = try #require(questionnaire.check(page: page, answers: &answers).first)
        #expect(problem.key == "error.range")
        #expect(form.catalogue.text(problem.key, .en, problem.values) == "Enter a number from 0 to 100000000.")
    }

    @Test func validationMessagesSpeakTheReportersLanguage() {
        let problem = FieldProblem(question: "whatHappened", key: "error.tooLong", values: ["max": "200"])
        #expect(form.catalogue.text(problem.key, .en, problem.values) == "Use at most 200 characters.")
        #expect(form.catalogue.text(problem.key, .nb, problem.values) == "Bruk høyst 200 tegn.")
        #expect(form.catalogue.text(problem.key, .sv, problem.values) == "Använd högst 200 tecken.")
        #expect(form.catalogue.text(problem.key, .da, problem.values) == "Brug højst 200 tegn.")
    }

    @Test(arguments: [
        ("nb-NO,nb;q=0.9,en;q=0.8", Language.nb), ("no", .nb), ("nn-NO", .nb), ("sv-SE", .sv),
        ("da, en;q=0.5", .da), ("de-DE, sv;q=0.3", .sv), ("fr", .en), ("en;q=0.2, da;q=0.9", .da),
    ])
    func theLanguageComesFromAcceptLanguage(header: String, language: Language) {
        #expect(Language.preferred(acceptLanguage: header) == language)
    }
}

/// The check that stops start-up, on broken copies of the forms folder.
@Suite struct FormCheckTests {
    func brokenCopy(_ change: (inout [String: Any], inout [String: [String: String]]) -> Void) throws -> String {
        let folder = NSTemporaryDirectory() + "forms-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/translations", withIntermediateDirectories: true)
        var questionnaire =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: FormsFolder.path + "/questionnaire.json")))
            as? [String: Any] ?? [:]
        var texts: [String: [String: String]] = [:]
        for language in Language.allCases {
            texts[language.rawValue] = try JSONDecoder().decode(
                [String: String].self,
                from: Data(
                    contentsOf: URL(fileURLWithPath: "\(FormsFolder.path)/translations/\(language.rawValue).json")))
        }
        change(&questionnaire, &texts)
        try JSONSerialization.data(withJSONObject: questionnaire).write(
            to: URL(fileURLWithPath: folder + "/questionnaire.json"))
        for (language, catalogue) in texts {
            try JSONEncoder().encode(catalogue).write(
                to: URL(fileURLWithPath: "\(folder)/translations/\(language).json"))
        }
        return folder
    }

    func problem(_ change: (inout [String: Any], inout [String: [String: String]]) -> Void) throws
        -> FormDefinitionError?
    {
        let folder = try brokenCopy(change)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try FormDefinition.load(from: folder)
            return nil
        } catch {
            return error
        }
    }

    /// Applies `edit` to the question with `id`.
    static func editQuestion(_ questionnaire: inout [String: Any], _ id: String, _ edit: (inout [String: Any]) -> Void)
    {
        var pages = questionnaire["pages"] as? [[String: Any]] ?? []
        for pageIndex in pages.indices {
            var questions = pages[pageIndex]["questions"] as? [[String: Any]] ?? []
            for index in questions.indices where questions[index]["id"] as? String == id { edit(&questions[index]) }
            pages[pageIndex]["questions"] = questions
        }
        questionnaire["pages"] = pages
    }

    @Test func aMissingTranslationNamesTheFileTheQuestionAndTheKey() throws {
        let error = try problem { _, texts in texts["sv"]?["question.system.help"] = nil }
        #expect(error?.file.hasSuffix("translations/sv.json") == true)
        #expect(error?.question == "system")
        #expect(error?.problem == "missing translation 'question.system.help'")
    }

    @Test func anUnknownFieldTypeIsNamed() throws {
        let error = try problem { questionnaire, _ in
            Self.editQuestion(&questionnaire, "system") { $0["type"] = "colour" }
        }
        #expect(error?.file.hasSuffix("questionnaire.json") == true)
        #expect(error?.problem.contains("unknown field type 'colour'") == true)
    }

    @Test func aConditionOnAMissingQuestionIsNamed() throws {
        let error = try problem { questionnaire, _ in
            Self.editQuestion(&questionnaire, "recipients") {
                $0["showIf"] = ["question": "leftTheBuilding", "equals": "yes"]
            }
        }
        #expect(error?.question == "recipients")
        #expect(error?.problem.contains("'leftTheBuilding'") == true)
    }

    @Test func aConditionOnTheSamePageIsRefused() throws {
        let error = try problem { questionnaire, _ in
            Self.editQuestion(&questionnaire, "recipients") {
                $0["showIf"] = ["question": "leftOrganisation", "equals": "yes"]
            }
        }
        #expect(error?.question == "recipients")
        #expect(error?.problem.contains("not asked on an earlier page") == true)
    }

    @Test func reservedNamesAreRefused() throws {
        let question = try problem { questionnaire, _ in
            Self.editQuestion(&questionnaire, "place") { $0["id"] = "email" }
        }
        #expect(question?.problem == "the id is reserved for the form's own fields")
        let page = try problem { questionnaire, _ in
            var pages = questionnaire["pages"] as? [[String: Any]] ?? []
            pages[1]["id"] = "review"
            questionnaire["pages"] = pages
        }
        #expect(page?.problem == "page id 'review' is reserved for the form's own steps")
    }

    @Test func aTranslationMustKeepThePlaceholders() throws {
        let error = try problem { _, texts in texts["nb"]?["ui.receipt.return"] = "Gå til oppfølgingssiden." }
        #expect(error?.file.hasSuffix("translations/nb.json") == true)
        #expect(error?.problem.contains("'ui.receipt.return' must have the placeholders [\"address\"]") == true)
    }

    @Test func aDuplicateIdentifierIsNamed() throws {
        let error = try problem { questionnaire, _ in Self.editQuestion(&questionnaire, "place") { $0["id"] = "system" }
        }
        #expect(error?.question == "system")
        #expect(error?.problem == "the id is used twice")
    }

    /// Routing reads the answer to `concerns`: renamed, it would silently stop excluding the CEO.
    @Test(arguments: ["rename", "option", "remove"])
    func theQuestionRoutingReadsMustBeThere(change: String) throws {
        let error = try problem { questionnaire, _ in
            if change == "remove" {
                var pages = questionnaire["pages"] as? [[String: Any]] ?? []
                for index in pages.indices {
                    let questions = pages[index]["questions"] as? [[String: Any]] ?? []
                    pages[index]["questions"] = questions.filter { $0["id"] as? String != "concerns" }
                }
                questionnaire["pages"] = pages
                return
            }
            Self.editQuestion(&questionnaire, "concerns") { question in
                if change == "rename" {
                    question["id"] = "aboutWhom"
                } else {
                    question["options"] = ["chief", "privacyOfficer", "handler", "noneOfThese"]
                }
            }
        }
        #expect(error?.question == "concerns")
        #expect(
            error?.problem.contains(
                "routing needs a choice question 'concerns' with the options ceo, handler, privacyOfficer") == true)
    }
}
