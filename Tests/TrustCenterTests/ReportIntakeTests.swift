import Foundation
import Testing
import TrustCenter

@Suite struct ReportIntakeTests {
    func problems(_ harness: StoreHarness, _ submission: ReportSubmission) async throws -> [FieldProblem] {
        do {
            _ = try await harness.intake().submit(submission)
            return []
        } catch let rejected as SubmissionProblems {
            return rejected.problems
        }
    }

    @Test func anAnonymousReportBecomesACaseWithAReceipt() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.question())
        #expect(receipt.reference.description == "TC-2026-00001")
        #expect(try FollowUpKey(parsing: receipt.followUpKey).digits.count == 25)
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.reporter == .anonymous)
        #expect(caseFile.summary.category == .question)
        #expect(caseFile.summary.entityID == "acme-no")
        #expect(
            caseFile.report.answers == [
                Answer(question: "about", value: "question"),
                Answer(question: "question", value: "How long do you keep CVs?"),
            ])
    }

    @Test func theBreachPathFilesABreachWithEachChosenKindOfData() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.summary.category == .breach)
        // Multiple choice: one answer per option, in the questionnaire's order.
        #expect(caseFile.report.answers.filter { $0.question == "dataKinds" }.map(\.value) == ["contact", "financial"])
    }

    @Test func aSecurityMatterWithoutPersonalDataIsFiledAsADeviation() async throws {
        let harness = try await StoreHarness(.memory)
        let submission = Fixtures.breach(["personalData": ["no"]])
        let receipt = try await harness.intake().submit(submission)
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.summary.category == .deviation)
        // The questions about personal data were not asked, so their answers are not kept.
        #expect(caseFile.report.answer(to: "dataKinds") == nil)
        #expect(caseFile.report.answer(to: "peopleCount") == nil)
    }

    @Test func recordsTheReceiptTimeOnlyToTheMinute() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.question())
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        // The fixed clock says 09:41:27; the case says 09:41:00.
        #expect(caseFile.summary.receivedAt == Date(timeIntervalSince1970: 1_773_135_660))
    }

    @Test func keepsANamedReportersDetails() async throws {
        let harness = try await StoreHarness(.memory)
        let contact = ReporterContact(name: " Ola Nordmann ", email: "ola@example.no", phone: "+47 912 34 567")
        let receipt = try await harness.intake().submit(Fixtures.question(contact: contact))
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(
            caseFile.reporter
                == .named(ReporterContact(name: "Ola Nordmann", email: "ola@example.no", phone: "+47 912 34 567")))
    }

    @Test func aRightsRequestCannotBeAnonymous() async throws {
        let harness = try await StoreHarness(.memory)
        let rights = AnswerSet(["about": ["rights"], "right": ["access"], "relation": ["customer"]])
        #expect(
            try await problems(harness, ReportSubmission(entityID: "acme-no", answers: rights, contact: nil)).map(\.key)
                == ["error.name"])
        let nameOnly = ReportSubmission(entityID: "acme-no", answers: rights, contact: ReporterContact(name: "Ola"))
        #expect(try await problems(harness, nameOnly).map(\.key) == ["error.contact"])
        let receipt = try await harness.intake().submit(
            ReportSubmission(
                entityID: "acme-no", answers: rights, contact: ReporterContact(name: "Ola", email: "ola@example.no")))
        #expect(try await harness.ledger.caseFile(receipt.reference, for: .system).summary.category == .rightsRequest)
    }

    @Test(arguments: [
        (Fixtures.question(entity: nil), "entity", "error.required"),  // two entities: must choose
        (Fixtures.question(entity: "acme-fi"), "entity", "error.unknownOption"),
        (Fixtures.question("   "), "question", "error.required"),
        (Fixtures.question("text\u{1B}[2J"), "question", "error.controlCharacters"),
        (Fixtures.question(String(repeating: "x", count: 20_001)), "question", "error.tooLong"),
        (Fixtures.breach(["ongoing": ["sometimes"]]), "ongoing", "error.unknownOption"),
        (Fixtures.breach(["discoveredAt": []]), "discoveredAt", "error.required"),
        // Harness time is 10:41 in Oslo on 10 March 2026; 10:50 the same day is in the future.
        (Fixtures.breach(["discoveredAt": ["2026-03-10T10:50"]]), "discoveredAt", "error.dateTimeFuture"),
        (Fixtures.breach(["toldInsideAt": ["2027-01-01T08:00"]]), "toldInsideAt", "error.dateTimeFuture"),
        (Fixtures.breach(["salary": ["1"]]), "salary", "error.unknownQuestion"),
        (Fixtures.question(contact: ReporterContact(name: "Ola", email: "not-an-email")), "email", "error.email"),
        (Fixtures.question(contact: ReporterContact(name: "Ola", phone: "call me")), "phone", "error.phone"),
        (Fixtures.question(contact: ReporterContact(name: "", email: "ola@example.no")), "name", "error.name"),
        (Fixtures.question(contact: ReporterContact(name: "Ola\nEvil")), "name", "error.controlCharacters"),
        // Invisible characters are no answer: what passes as answered is never stored as nothing.
        (Fixtures.breach(["system": ["\u{200B}"]]), "system", "error.required"),
        (Fixtures.breach(["system": ["\u{FEFF}\u{200D} \u{2060}\u{00AD}"]]), "system", "error.required"),
        (Fixtures.breach(["system": ["\u{E0041}\u{E0042}\u{2800}"]]), "system", "error.required"),
        (Fixtures.question("\u{200B}\u{200C}\n\u{3164}"), "question", "error.required"),
        (Fixtures.question(contact: ReporterContact(name: "\u{200B}", email: "ola@example.no")), "name", "error.name"),
        // The Unicode line and paragraph separators are line breaks.
        (Fixtures.breach(["system": ["Pay\u{2028}roll"]]), "system", "error.singleLine"),
        (Fixtures.breach(["system": ["Pay\u{2029}roll"]]), "system", "error.singleLine"),
        (Fixtures.question(contact: ReporterContact(name: "Ola\u{2028}Evil")), "name", "error.controlCharacters"),
        // Nothing invisible inside an email address.
        (
            Fixtures.question(contact: ReporterContact(name: "Ola", email: "ola\u{200B}@example.no")), "email",
            "error.email"
        ),
        (
            Fixtures.question(contact: ReporterContact(name: "Ola", email: "ola@exam\u{FEFF}ple.no")), "email",
            "error.email"
        ),
        (
            Fixtures.question(contact: ReporterContact(name: "Ola", email: "ola@exam\u{E0041}ple.no")), "email",
            "error.email"
        ),
        (
            Fixtures.question(contact: ReporterContact(name: "Ola", email: "ola@exa\u{2028}mple.no")), "email",
            "error.controlCharacters"
        ),
    ])
    func refusesBadInputNamingTheField(submission: ReportSubmission, field: String, key: String) async throws {
        let harness = try await StoreHarness(.memory)
        let found = try await problems(harness, submission)
        #expect(found.first?.question == field)
        #expect(found.first?.key == key)
        #expect(try await harness.ledger.cases(matching: CaseQuery(viewer: .system)).total == 0)
    }

    /// The check and the stored text use one normalisation: trimmed of invisible characters too.
    @Test func storesTheTextTheCheckSaw() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(
            Fixtures.question("\u{FEFF}\u{200B} How long?\u{2029}Thanks\u{200D} \u{200B}"))
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.report.answer(to: "question") == "How long?\nThanks")
    }

    @Test func theOnlyEntityNeedsNoChoosing() async throws {
        let harness = try await StoreHarness(entities: [Fixtures.norway])
        let receipt = try await harness.intake().submit(Fixtures.question(entity: nil))
        #expect(try await harness.ledger.caseFile(receipt.reference, for: .system).summary.entityID == "acme-no")
    }

    @Test func storesOnlyTheKeyedHashOfTheFollowUpKey() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.question())
        let key = try FollowUpKey(parsing: receipt.followUpKey)
        let stored = try RawDatabase.values(path: harness.databasePath, table: "cases", column: "follow_up_key_hash")
        #expect(stored == [harness.hasher.hash(key.digits, as: .followUpKey)])
        #expect(RawDatabase.fileBytes(path: harness.databasePath).range(of: Data(key.digits.utf8)) == nil)
    }
}
