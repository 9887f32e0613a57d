import Foundation
import Testing
import TrustCenter

/// What the review and the new-user trial found: closed cases stay closed, stale decisions,
/// the Art. 34 rules, screening of every text for the register, and cases from before handling.
@Suite struct TriageGuardTests {
    static let hour: TimeInterval = 3600

    func officer(_ harness: StoreHarness, _ email: String = "privacy@acme.example") async throws -> Officer {
        try await harness.officers.add(name: "Officer", email: email, role: .privacyOfficer).0
    }

    func facts(_ json: String = TriageTests.ccFacts) throws -> BreachFacts {
        try BreachFacts.parse(Data(json.utf8))
    }

    /// A breach assessed, decided "no" from an unintelligible-data assessment, described, and closed.
    func closedBreach(_ harness: StoreHarness, by privacy: Officer) async throws -> CaseReference {
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let unintelligible = TriageTests.ccFacts.replacingOccurrences(
            of: "\"unintelligible\": false", with: "\"unintelligible\": true")
        _ = try await harness.desk.assess(receipt.reference, facts: try facts(unintelligible), by: privacy)
        _ = try await harness.desk.decide(
            receipt.reference, notifyAuthority: false, subjects: .no, reason: nil, by: privacy)
        _ = try await harness.desk.describe(
            receipt.reference,
            IncidentAccount(whatHappened: "a list in Cc", consequences: "none known", immediateMeasures: "recalled"),
            by: privacy)
        _ = try await harness.desk.close(receipt.reference, outcome: "documented", by: privacy)
        return receipt.reference
    }

    @Test func aClosedCaseTakesNotesAndReopeningOnly() async throws {
        let harness = try await StoreHarness(.memory)
        let privacy = try await officer(harness)
        let reference = try await closedBreach(harness, by: privacy)
        for attempt in [
            { try await harness.desk.describe(reference, IncidentAccount(cause: "later"), by: privacy) },
            { try await harness.desk.assess(reference, facts: try facts(), by: privacy) },
            { try await harness.desk.setStatus(reference, to: .inProgress, by: privacy) },
            {
                try await harness.desk.addAction(
                    reference, what: "x", ownerEmail: "it@acme.example",
                    due: try #require(LocalDate(year: 2026, month: 12, day: 1)), by: privacy)
            },
        ] as [() async throws -> CaseFile] {
            let refused = await #expect(throws: InputError.self) { try await attempt() }
            #expect(refused?.message.contains("is closed: reopen it first") == true)
        }
        let noted = try await harness.desk.addNote(reference, text: "archived", by: privacy)
        #expect(noted.summary.status == .closed && noted.notes.count == 1)
        #expect(
            try await harness.desk.reopen(reference, reason: "new facts", by: privacy).summary.status == .inProgress)
    }

    @Test func aNewAssessmentNeedsANewDecisionBeforeClosing() async throws {
        let harness = try await StoreHarness(.memory)
        let privacy = try await officer(harness)
        let reference = try await closedBreach(harness, by: privacy)
        _ = try await harness.desk.reopen(reference, reason: "the key was on the same laptop", by: privacy)
        harness.time.advance(by: 60)
        _ = try await harness.desk.assess(reference, facts: try facts(), by: privacy)
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.close(reference, outcome: "x", by: privacy)
        }
        #expect(refused?.message.contains("assessed again after the last decision") == true)
    }

    @Test func aHighRiskIsToldToTheSubjectsOrAnExceptionIsRecorded() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let high = TriageTests.ccFacts.replacingOccurrences(
            of: "\"seriousConsequences\": false", with: "\"seriousConsequences\": true")
        let assessed = try await harness.desk.assess(receipt.reference, facts: try facts(high), by: privacy)
        #expect(assessed.handling.assessment?.result.level == .high)
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.decide(
                receipt.reference, notifyAuthority: true, subjects: .no, reason: "we think not", by: privacy)
        }
        #expect(refused?.field == "subjects")
        let excepted = try await harness.desk.decide(
            receipt.reference, notifyAuthority: true, subjects: .exceptionC, reason: "no addresses for 150 people",
            by: privacy)
        #expect(excepted.handling.decision?.differsFromRecommendation == false)
        let missing = await #expect(throws: InputError.self) {
            try await harness.desk.close(receipt.reference, outcome: "x", by: privacy)
        }
        #expect(missing?.message.contains("Art. 34(3)(c) needs a public communication") == true)
        #expect(missing?.message.contains("the breach register needs what happened, its consequences") == true)
    }

    @Test func everyTextForTheRegisterIsScreened() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let action = await #expect(throws: InputError.self) {
            try await harness.desk.addAction(
                receipt.reference, what: "call Jens at +45 20 12 34 56", ownerEmail: "it@acme.example",
                due: try #require(LocalDate(year: 2026, month: 12, day: 1)), by: privacy)
        }
        #expect(action?.field == "what")
        harness.time.advance(by: 80 * Self.hour)
        let late = await #expect(throws: InputError.self) {
            try await harness.desk.notifyAuthority(
                receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "1",
                lateReason: "ask kari@example.no", by: privacy)
        }
        #expect(late?.field == "lateReason")
        let told = await #expect(throws: InputError.self) {
            try await harness.desk.tellSubjects(
                receipt.reference, at: Date(timeIntervalSince1970: 0), how: "letter", by: privacy)
        }
        #expect(told?.message.contains("before the breach was known") == true)
    }

    @Test func aReasonForDelayIsOnlyForALateNotification() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.notifyAuthority(
                receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "1",
                lateReason: "not late", by: privacy)
        }
        #expect(refused?.message.contains("within the 72 hours") == true)
    }

    @Test func actionsKeepTheirOwnClocks() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach(["personalData": ["no"]]))
        let ceo = try await officer(harness, "ceo@acme.example")
        let due = try #require(LocalDate(year: 2026, month: 4, day: 1))
        _ = try await harness.desk.addAction(
            receipt.reference, what: "first", ownerEmail: "it@acme.example", due: due, by: ceo)
        let two = try await harness.desk.addAction(
            receipt.reference, what: "second", ownerEmail: "hr@acme.example", due: due, by: ceo)
        #expect(two.summary.status == .inProgress)
        let (first, second) = (two.actions[0].id, two.actions[1].id)
        let done = try await harness.desk.completeAction(first, note: "done", by: ceo)
        #expect(done.clocks.first { $0.actionID == first }?.state == .met)
        #expect(done.clocks.first { $0.actionID == second }?.state == .running)
        // Reclassifying stops the category's clocks, not the actions'.
        let privacy = try await officer(harness)
        let moved = try await harness.desk.classify(receipt.reference, as: .breach, reason: "it held names", by: ceo)
        #expect(moved.clocks.first { $0.clock == .deviation }?.state == .stopped)
        #expect(moved.clocks.first { $0.actionID == second }?.state == .running)
        let open = try await harness.desk.actions(overdueOnly: false, limit: 10, for: privacy)
        #expect(open.map(\.id) == [second])
    }

    @Test func handlingMovesTheStatusAndTheIdentityRequestWaitsForTheRequester() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.rightsRequest())
        let privacy = try await officer(harness)
        let asked = try await harness.desk.requestIdentity(
            receipt.reference, request: "your customer number", by: privacy)
        #expect(asked.summary.status == .awaitingReporter)
        let verified = try await harness.desk.verifyIdentity(receipt.reference, by: privacy)
        #expect(verified.summary.status == .inProgress)
        // A passed deadline cannot be stopped by asking now.
        let late = try await harness.intake().submit(Fixtures.rightsRequest())
        harness.time.advance(by: 40 * 24 * Self.hour)
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.requestIdentity(late.reference, request: "x", by: privacy)
        }
        #expect(refused?.message.contains("cannot stop it") == true)
        await #expect(throws: InputError.self) { try await harness.desk.revealIdentity(late.reference, by: privacy) }
    }

    @Test func aCaseFromBeforeHandlingIsHandledFromDefaults() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.rightsRequest())
        let privacy = try await officer(harness)
        _ = try await harness.desk.pause(receipt.reference, reason: "asked for ID", by: privacy)
        // A version 3 database's case has no handling record; migration 4 adds the column empty.
        try RawDatabase.execute(path: harness.databasePath, "UPDATE cases SET handling = NULL")
        try await harness.restart()
        let shown = try await harness.desk.caseFile(receipt.reference, for: privacy)
        #expect(shown.handling == CaseHandling())
        let verified = try await harness.desk.verifyIdentity(receipt.reference, by: privacy)
        #expect(verified.handling.identity == .verified && verified.clocks.first?.state == .running)
        let answered = try await harness.desk.answer(
            receipt.reference, outcome: .fulfilled, reason: "sent", by: privacy)
        #expect(answered.messages.last?.text.contains("Vi har gjennomført det du ba om.") == true)
    }
}
