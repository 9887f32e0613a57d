import Foundation
import Testing
import TrustCenter

@Suite struct ReportIntakeTests {
    func submission(
        _ category: String = "breach", entity: String? = "acme-no", description: String? = "Laptop lost",
        extra: [Answer] = [], contact: ReporterContact? = nil
    ) -> ReportSubmission {
        let answers = (description.map { [Answer(question: "description", value: $0)] } ?? []) + extra
        return ReportSubmission(category: category, entityID: entity, answers: answers, contact: contact)
    }

    @Test func anAnonymousReportBecomesACaseWithAReceipt() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(submission())
        #expect(receipt.reference.description == "TC-2026-00001")
        #expect(try FollowUpKey(parsing: receipt.followUpKey).digits.count == 25)
        let caseFile = try await harness.store.caseFile(receipt.reference)
        #expect(caseFile.reporter == .anonymous)
        #expect(caseFile.summary.category == .breach)
        #expect(caseFile.summary.entityID == "acme-no")
        #expect(caseFile.summary.status == .received)
    }

    @Test func recordsTheReceiptTimeOnlyToTheMinute() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(submission())
        let caseFile = try await harness.store.caseFile(receipt.reference)
        // The fixed clock says 09:41:27; the case says 09:41:00.
        #expect(caseFile.summary.receivedAt == Date(timeIntervalSince1970: 1_773_135_660))
    }

    @Test func keepsANamedReportersDetails() async throws {
        let harness = try await StoreHarness()
        let contact = ReporterContact(name: " Ola Nordmann ", email: "ola@example.no", phone: "+47 912 34 567")
        let receipt = try await harness.intake().submit(submission(contact: contact))
        let caseFile = try await harness.store.caseFile(receipt.reference)
        #expect(
            caseFile.reporter
                == .named(ReporterContact(name: "Ola Nordmann", email: "ola@example.no", phone: "+47 912 34 567")))
    }

    @Test func aRightsRequestCannotBeAnonymous() async throws {
        let harness = try await StoreHarness()
        await #expect(
            throws: InputError(
                field: "name",
                message:
                    "a rights request cannot be anonymous: give your name and an email or phone, so the answer reaches you"
            )
        ) {
            try await harness.intake().submit(submission("rights-request"))
        }
        await #expect(throws: InputError.self) {
            try await harness.intake().submit(submission("rights-request", contact: ReporterContact(name: "Ola")))
        }
        let receipt = try await harness.intake().submit(
            submission("rights-request", contact: ReporterContact(name: "Ola", email: "ola@example.no")))
        #expect(receipt.reference.serial == 1)
    }

    @Test(arguments: [
        ("breach", nil as String?, "Laptop lost", "entity"),  // two entities: must choose
        ("breach", "acme-fi", "Laptop lost", "entity"),
        ("unclassified", "acme-no", "Laptop lost", "category"),
        ("nonsense", "acme-no", "Laptop lost", "category"),
        ("breach", "acme-no", "   ", "description"),
        ("breach", "acme-no", "text\u{1B}[2J", "description"),
        ("breach", "acme-no", String(repeating: "x", count: 20_001), "description"),
    ])
    func refusesBadInputNamingTheField(category: String, entity: String?, description: String, field: String)
        async throws
    {
        let harness = try await StoreHarness()
        await #expect {
            try await harness.intake().submit(submission(category, entity: entity, description: description))
        } throws: { error in
            (error as? InputError)?.field == field
        }
        #expect(try await harness.store.cases(matching: CaseQuery()).total == 0)
    }

    @Test func refusesUnknownAndRepeatedQuestions() async throws {
        let harness = try await StoreHarness()
        await #expect(throws: InputError.self) {
            try await harness.intake().submit(submission(extra: [Answer(question: "salary", value: "1")]))
        }
        await #expect(throws: InputError.self) {
            try await harness.intake().submit(submission(extra: [Answer(question: "description", value: "again")]))
        }
    }

    @Test(arguments: [
        ReporterContact(name: "Ola", email: "not-an-email"),
        ReporterContact(name: "Ola", phone: "call me"),
        ReporterContact(name: "", email: "ola@example.no"),
        ReporterContact(name: "Ola\nEvil: header"),
    ])
    func refusesBadContactDetails(_ contact: ReporterContact) async throws {
        let harness = try await StoreHarness()
        await #expect(throws: InputError.self) { try await harness.intake().submit(submission(contact: contact)) }
    }

    @Test func theOnlyEntityNeedsNoChoosing() async throws {
        let harness = try await StoreHarness(entities: [Fixtures.norway])
        let receipt = try await harness.intake(entities: [Fixtures.norway]).submit(submission(entity: nil))
        #expect(try await harness.store.caseFile(receipt.reference).summary.entityID == "acme-no")
    }

    @Test func storesOnlyTheKeyedHashOfTheFollowUpKey() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(submission())
        let key = try FollowUpKey(parsing: receipt.followUpKey)
        let stored = try RawDatabase.values(path: harness.databasePath, table: "cases", column: "follow_up_key_hash")
        #expect(stored == [harness.hasher.hash(key.digits, as: .followUpKey)])
        #expect(RawDatabase.fileBytes(path: harness.databasePath).range(of: Data(key.digits.utf8)) == nil)
    }
}
