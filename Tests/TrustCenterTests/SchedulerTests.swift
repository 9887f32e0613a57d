import Foundation
import Testing
import TrustCenter

/// The scheduler's sweeps with a controlled clock, on a real SQLite file.
@Suite struct SchedulerTests {
    static let hour: TimeInterval = 3600

    /// The kinds of the stages that fired on the case, in order.
    func fired(_ harness: StoreHarness, _ reference: CaseReference) async throws -> [String] {
        try await harness.ledger.caseFile(reference, for: .system).events.compactMap { event in
            guard case .noticesQueued(let clock, let kind, _) = event.change else { return nil }
            return "\(clock.rawValue) \(kind.rawValue)"
        }
    }

    @Test func breachStagesFireOnceInOrderAcrossARestart() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.breach())
        // The receipt stage went into the outbox with the case itself.
        #expect(try await fired(harness, receipt.reference) == ["breach received"])
        let atReceipt = try await harness.ledger.notices(matching: NoticeQuery(recipientEmail: "ceo@acme.example"))
        #expect(atReceipt.map(\.kind) == [.received] && atReceipt.first?.recipient.role == .ceo)
        #expect(try await harness.sweeper.sweep() == 0)
        harness.time.advance(by: 24 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        #expect(try await harness.sweeper.sweep() == 0)
        harness.time.advance(by: 24 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        try await harness.restart()
        harness.time.advance(by: 18 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        harness.time.advance(by: 6 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        harness.time.advance(by: 24 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        #expect(
            try await fired(harness, receipt.reference) == [
                "breach received", "breach reminder", "breach reminder", "breach final-warning", "breach overdue",
                "breach overdue",
            ])
        // Management hears of the final warning and each overdue day; the owner is told once per stage.
        let cfo = try await harness.ledger.notices(matching: NoticeQuery(recipientEmail: "cfo@acme.example"))
        #expect(cfo.map(\.kind) == [.overdue, .overdue, .finalWarning])
        let owner = try await harness.ledger.notices(matching: NoticeQuery(recipientEmail: "privacy@acme.example"))
        #expect(owner.count == 6 && owner.allSatisfy { $0.delivery == .pending && $0.clock == .breach })
    }

    @Test func stagesThatFellDueWhileDownFireInOrderAfterStartUp() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.breach())
        await harness.store.close()
        harness.time.advance(by: 10 * 24 * Self.hour)  // ten days down
        try await harness.restart()
        #expect(try await harness.sweeper.sweep() == 4)
        #expect(try await harness.sweeper.sweep() == 0)
        #expect(
            try await fired(harness, receipt.reference) == [
                "breach received", "breach reminder", "breach reminder", "breach final-warning", "breach overdue",
            ])
        let next = try await harness.ledger.caseFile(receipt.reference, for: .system).clocks[0].stages.last
        #expect(next?.label == "overdue, again every day" && next?.firedAt == nil)
        // One overdue notice for the days missed, the next one a day later.
        harness.time.advance(by: 23 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 0)
        harness.time.advance(by: 2 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
    }

    @Test func noStageFiresOnceTheNotificationIsRecorded() async throws {
        let harness = try await StoreHarness()
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let (officer, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        harness.time.advance(by: 30 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        let notified = try await harness.desk.notifyAuthority(
            receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "DT-26/0042",
            lateReason: nil, by: officer)
        #expect(notified.clocks.map(\.state) == [.met])
        #expect(notified.notifications.first?.authority == "Datatilsynet (NO)")
        harness.time.advance(by: 200 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 0)
        #expect(try await fired(harness, receipt.reference) == ["breach received", "breach reminder"])
        #expect(try await harness.ledger.nextStageTime() == nil)
    }

    @Test func theWaitIsUntilTheNextStageAndNeverLongerThanAsked() async throws {
        let harness = try await StoreHarness()
        #expect(try await harness.sweeper.waitBeforeNextSweep(maximum: .seconds(30)) == .seconds(30))
        _ = try await harness.intake().submit(Fixtures.breach())
        #expect(try await harness.sweeper.waitBeforeNextSweep(maximum: .seconds(30)) == .seconds(30))
        harness.time.advance(by: 24 * Self.hour - 40)
        // The minute-rounded receipt makes the 24-hour stage fall 13 seconds from now.
        #expect(try await harness.sweeper.waitBeforeNextSweep(maximum: .seconds(30)) == .seconds(13))
    }
}
