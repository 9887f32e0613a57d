import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

/// Every kind of matter can be reported in every language, anonymously and by name (a rights
/// request by name only), through the guided form's steps.
@Suite struct EveryPathTests {
    /// The required answers of each path.
    static let answers: [String: [String: String]] = [
        "security": [
            "system": "Payroll", "whatHappened": "Sent to the wrong people", "discoveredAt": "2026-03-10 08:15",
            "ongoing": "no", "personalData": "yes", "leftOrganisation": "no",
        ],
        "hse": ["hseKind": "nearMiss", "seriousInjury": "no", "hseWhatHappened": "A ladder slipped"],
        "wrongdoing": ["concerns": "noneOfThese", "wrongdoingWhatHappened": "Invoices are split to avoid approval"],
        "complaint": ["complaint": "You kept my CV after I asked you to delete it"],
        "rights": ["right": "access", "relation": "customer"],
        "question": ["question": "How long do you keep CVs?"],
    ]
    static let categories: [String: TrustCenter.Category] = [
        "security": .breach, "hse": .hse, "wrongdoing": .whistleblowing, "complaint": .complaint,
        "rights": .rightsRequest, "question": .question,
    ]

    @Test(arguments: Language.allCases)
    func eachKindOfMatterInEachLanguage(language: Language) async throws {
        let harness = try await AppHarness()
        let catalogue = harness.runtime.form.catalogue
        try await harness.test { client in
            for about in Self.answers.keys.sorted() {
                for named in about == "rights" ? [true] : [false, true] {
                    let receipt = try await walk(client, language: language, about: about, named: named)
                    #expect(receipt.title == catalogue.text("ui.receipt.title", language), "\(about) \(language)")
                    #expect(receipt.html.contains("<html lang=\"\(language.rawValue)\">"))
                    let reference = try CaseReference(parsing: receipt.element("case-reference") ?? "")
                    let caseFile = try await harness.runtime.ledger.caseFile(reference, for: .system)
                    #expect(caseFile.summary.category == Self.categories[about], "\(about)")
                    #expect(caseFile.reporter.isAnonymous == !named, "\(about) \(named)")
                }
            }
        }
        #expect(try await harness.caseCount() == 11)
    }

    /// Fills in each page's questions from `answers` and goes on until the receipt.
    func walk(_ client: any TestClientProtocol, language: Language, about: String, named: Bool) async throws -> FormPage
    {
        let path = "/\(language.rawValue)/report"
        var page = try await client.submit(
            try await client.page("/\(language.rawValue)/"), to: path, [("a.about", about), ("action", "next")])
        for _ in 0..<12 {
            guard page.status == .ok, let step = page.hidden("step") else {
                Issue.record("\(about) in \(language) stopped at \(page.title ?? "?"): \(page.status)")
                return page
            }
            switch step {
            case FormFlow.identityStep:
                let identity: [(String, String)] =
                    named
                    ? [("identity", "named"), ("name", "Kari Nordmann"), ("email", "kari@example.no")]
                    : [("identity", "anonymous")]
                page = try await client.submit(page, to: path, identity + [("action", "next")])
            case FormFlow.reviewStep:
                return try await client.submit(page, to: path, [("action", "send")])
            default:
                let fields = (Self.answers[about] ?? [:]).filter { page.html.contains("name=\"a.\($0.key)\"") }
                page = try await client.submit(
                    page, to: path, fields.map { ("a.\($0.key)", $0.value) } + [("action", "next")])
            }
        }
        Issue.record("\(about) in \(language) did not reach the review")
        return page
    }
}
