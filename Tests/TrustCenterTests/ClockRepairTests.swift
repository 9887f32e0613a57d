import Foundation
import Testing
import TrustCenter

/// The clocks when things go sideways: acknowledgements, deadlines moved after stages fired, a
/// breach notified and reclassified, a damaged stage, and cases stored before routing existed.
@Suite struct ClockRepairTests {
    static let day: TimeInterval = 86_400

    func officer(_ harness: StoreHarness, _ email: String = "privacy@acme.example") async throws -> Officer {
        try await harness.officers.add(name: "Officer", email: email, role: .privacyOfficer).0
    }

    @Test func anAcknowledgementMeetsTheSevenDaysAndStartsTheThreeMonths() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.wrongdoing(concerning: "noneOfThese"))
        let handler = try await officer(harness, "varsel@acme.example")
        harness.time.advance(by: 2 * Self.day)
        let acknowledged = try await harness.desk.acknowledge(
            receipt.reference, text: "We have received your report and will look into it.", by: handler)
        #expect(acknowledged.clocks.map(\.state) == [.met, .running])
        let feedback = acknowledged.clocks[1]
        #expect(feedback.startedAt == harness.time.now().addingTimeInterval(0).rounded)
        #expect(feedback.dueDate?.description == "2026-06-12")  // acknowledged Thursday 12 March
        #expect(acknowledged.messages.map(\.text) == ["We have received your report and will look into it."])
        await #expect(throws: InputError.self) {
            try await harness.desk.acknowledge(receipt.reference, text: "Again", by: handler)
        }
    }

    @Test func anExtensionAfterTheRemindersPlansThemAgainAndKeepsPausedDays() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.rightsRequest())
        let privacy = try await officer(harness)
        _ = try await harness.desk.pause(receipt.reference, reason: "asked for the customer number", by: privacy)
        harness.time.advance(by: 3 * Self.day)
        let resumed = try await harness.desk.resume(receipt.reference, by: privacy)
        #expect(resumed.clocks.first?.pausedDays == 3)
        harness.time.advance(by: 28 * Self.day)  // 10 April: past the 7-day reminder (6 April)
        #expect(try await harness.sweeper.sweep() == 1)
        let extended = try await harness.desk.extend(receipt.reference, reason: "records in three systems", by: privacy)
        let clock = try #require(extended.clocks.first)
        #expect(clock.pausedDays == 3)
        #expect(clock.dueDate?.description == "2026-06-15")  // 10 June + 3 days = Saturday 13 June → Monday
        #expect(
            clock.stages.filter { $0.firedAt == nil }.map(\.label) == [
                "reminder, 7 days before the deadline", "final-warning, 2 days before the deadline",
                "overdue, at the deadline",
            ])
    }

    @Test func aRepeatingOverdueStageGoesOnAfterTheDeadlineMoves() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        harness.time.advance(by: 80 * 3600)
        #expect(try await harness.sweeper.sweep() == 4)
        let received = try await harness.ledger.caseFile(receipt.reference, for: .system).summary.receivedAt
        let moved = try await harness.desk.setAwareness(
            receipt.reference, at: received.addingTimeInterval(-3600), reason: "the log shows an hour earlier",
            by: privacy)
        let pending = try #require(moved.clocks.first).stages.filter { $0.firedAt == nil }
        #expect(pending.map(\.kind) == [.overdue])
        #expect(pending.first?.at == received.addingTimeInterval(-3600 + 96 * 3600))
    }

    @Test func aNotifiedBreachReclassifiedBackStartsNoNewSeventyTwoHours() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        _ = try await harness.desk.notifyAuthority(
            receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "DT-1", lateReason: nil,
            by: privacy)
        _ = try await harness.desk.classify(receipt.reference, as: .complaint, reason: "not personal data", by: privacy)
        let back = try await harness.desk.classify(receipt.reference, as: .breach, reason: "it was", by: privacy)
        #expect(back.clocks.filter(\.state.isRunning).isEmpty)
    }

    @Test func notificationsKeepTheirOrder() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let received = try await harness.ledger.caseFile(receipt.reference, for: .system).summary.receivedAt
        await #expect(throws: InputError.self) {
            try await harness.desk.notifyAuthority(
                receipt.reference, stage: .initial, at: received.addingTimeInterval(-86_400), authority: nil,
                authorityReference: "DT-1", lateReason: nil, by: privacy)
        }
        for stage in [NotificationStage.initial, .final] {
            _ = try await harness.desk.notifyAuthority(
                receipt.reference, stage: stage, at: nil, authority: nil, authorityReference: "DT-1", lateReason: nil,
                by: privacy)
        }
        await #expect(throws: InputError.self) {
            try await harness.desk.notifyAuthority(
                receipt.reference, stage: .supplement, at: nil, authority: nil, authorityReference: "DT-1",
                lateReason: nil, by: privacy)
        }
    }

    @Test func aDamagedStageIsMarkedAndTheOthersStillFire() async throws {
        let harness = try await StoreHarness()
        let first = try await harness.intake().submit(Fixtures.breach())
        let second = try await harness.intake().submit(Fixtures.breach())
        try RawDatabase.execute(
            path: harness.databasePath,
            "UPDATE clock_stages SET notify = 'boss' WHERE fired_at IS NULL AND clock_id = 1 AND sequence = 1")
        harness.time.advance(by: 25 * 3600)
        #expect(try await harness.sweeper.sweep() == 2)
        let damaged = try await harness.ledger.caseFile(first.reference, for: .system).clocks[0].stages[1]
        #expect(damaged.firedAt != nil && damaged.error?.contains("notify") == true)
        let fine = try await harness.ledger.caseFile(second.reference, for: .system).clocks[0].stages[1]
        #expect(fine.firedAt != nil && fine.error == nil)
        #expect(try await harness.sweeper.sweep() == 0)
    }

    @Test func casesStoredBeforeRoutingAreRoutedAtStartUp() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.wrongdoing(concerning: "ceo"))
        try RawDatabase.execute(
            path: harness.databasePath,
            """
            UPDATE cases SET routing = NULL, restricted = 0; DELETE FROM case_access; DELETE FROM clocks;
            INSERT INTO store_meta (name, value) VALUES ('route-stored-cases', x'01');
            """)
        try await harness.restart()
        try await harness.ledger.syncEntities(harness.rules.entities)
        let handler = try await officer(harness, "varsel@acme.example")
        let caseFile = try await harness.desk.caseFile(receipt.reference, for: handler)
        #expect(caseFile.routing?.excludes("ceo@acme.example") == true)
        #expect(caseFile.clocks.map(\.clock) == [.whistleblowingAck, .whistleblowingFeedback])
        let auditor = try await harness.officers.add(name: "Aud", email: "audit@acme.example", role: .auditor).0
        await #expect(throws: NotFoundError.self) { try await harness.desk.caseFile(receipt.reference, for: auditor) }
    }
}

extension Date {
    /// Whole seconds, as stored.
    var rounded: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
