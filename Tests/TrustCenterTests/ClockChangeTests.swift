import Foundation
import Testing
import TrustCenter

/// Officers' changes that move clocks: reclassification, awareness, extension, notifications.
@Suite struct ClockChangeTests {
    static let hour: TimeInterval = 3600

    func officer(_ harness: StoreHarness, _ email: String = "privacy@acme.example") async throws -> Officer {
        try await harness.officers.add(name: "Officer", email: email, role: .privacyOfficer).0
    }

    @Test func reclassifyingStartsTheNewClocksFromTheReceiptAndStopsTheOld() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach(["personalData": ["no"]]))
        let ceo = try await officer(harness, "ceo@acme.example")
        let before = try await harness.desk.caseFile(receipt.reference, for: ceo)
        #expect(before.summary.category == .deviation && before.summary.owner?.email == "ceo@acme.example")
        harness.time.advance(by: 50 * Self.hour)
        let after = try await harness.desk.classify(
            receipt.reference, as: .breach, reason: "the payslips held salaries", by: ceo)
        #expect(after.summary.owner?.email == "privacy@acme.example")
        #expect(after.clocks.map(\.clock) == [.deviation, .breach])
        #expect(after.clocks.map(\.state) == [.stopped, .running])
        let breach = after.clocks[1]
        #expect(breach.startedAt == after.summary.receivedAt)
        #expect(breach.due == after.summary.receivedAt.addingTimeInterval(72 * Self.hour))
        // Stages already passed fire at once, in order: the breach is 50 hours old.
        #expect(breach.stages.map { $0.firedAt != nil } == [true, true, true, false, false])
        #expect(
            after.events.contains {
                $0.change
                    == .routed(
                        owner: Fixtures.norway.privacyOfficer,
                        reason: "breach goes to the privacy officer of Acme Norge AS.")
            })
        // The CEO keeps access as the former owner; a reason is required.
        await #expect(throws: InputError.self) {
            try await harness.desk.classify(receipt.reference, as: .complaint, reason: " ", by: ceo)
        }
    }

    @Test func awarenessMovesTheBreachDeadline() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let received = try await harness.desk.caseFile(receipt.reference, for: privacy).summary.receivedAt
        let aware = received.addingTimeInterval(-20 * Self.hour)
        let changed = try await harness.desk.setAwareness(
            receipt.reference, at: aware, reason: "IT logged the misdirected mail the day before", by: privacy)
        #expect(changed.awarenessAt == aware)
        #expect(changed.clocks.first?.due == aware.addingTimeInterval(72 * Self.hour))
        // The 24-hour reminder now falls 4 hours after receipt.
        harness.time.advance(by: 5 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 1)
        await #expect(throws: InputError.self) {
            try await harness.desk.setAwareness(
                receipt.reference, at: Date().addingTimeInterval(86_400 * 400), reason: "x", by: privacy)
        }
    }

    @Test func theReportCanShowThatTheOrganisationKnewEarlier() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach(["toldInsideAt": ["2026-03-09T08:00"]]))
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        let aware = try ISOTime.parse("2026-03-09T08:00+01:00", field: "t", timeZone: .gmt)
        #expect(caseFile.awarenessAt == aware)
        #expect(caseFile.clocks.first?.startedAt == aware)
    }

    @Test func aRightsRequestIsExtendedOnceAndOnlyBeforeItIsDue() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.rightsRequest())
        let privacy = try await officer(harness)
        let first = try #require(try await harness.desk.caseFile(receipt.reference, for: privacy).clocks.first)
        #expect(first.dueDate?.description == "2026-04-10")  // received Tuesday 10 March
        let extended = try await harness.desk.extend(
            receipt.reference, reason: "twelve years of records in three systems", by: privacy)
        #expect(extended.clocks.first?.dueDate?.description == "2026-06-10")
        #expect(extended.clocks.first?.extended == true)
        await #expect(throws: InputError.self) {
            try await harness.desk.extend(receipt.reference, reason: "again", by: privacy)
        }
        let late = try await harness.intake().submit(Fixtures.rightsRequest())
        harness.time.advance(by: 40 * 24 * Self.hour)
        await #expect(throws: InputError.self) {
            try await harness.desk.extend(late.reference, reason: "too late", by: privacy)
        }
    }

    @Test func aPausedRightsRequestWaitsAndIsDueLaterByTheDaysItStoodStill() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.rightsRequest())
        let privacy = try await officer(harness)
        let paused = try await harness.desk.pause(
            receipt.reference, reason: "asked for the customer number on file", by: privacy)
        #expect(paused.clocks.first?.state == .paused)
        await #expect(throws: InputError.self) {
            try await harness.desk.pause(receipt.reference, reason: "again", by: privacy)
        }
        // 25 days later the 7-days-before reminder (3 April) would have fired; paused, it waits.
        harness.time.advance(by: 25 * 24 * Self.hour)
        #expect(try await harness.sweeper.sweep() == 0)
        let listed = try await harness.desk.deadlines(overdueOnly: false, limit: 10, offset: 0, for: privacy)
        #expect(listed.deadlines.map(\.state) == [.paused])
        let resumed = try await harness.desk.resume(receipt.reference, by: privacy)
        let clock = try #require(resumed.clocks.first)
        #expect(clock.state == .running && clock.pausedDays == 25)
        #expect(clock.dueDate?.description == "2026-05-05")  // 10 April + 25 days, a Tuesday
        #expect(
            clock.stages.filter { $0.firedAt == nil }.map(\.label) == [
                "reminder, 7 days before the deadline", "final-warning, 2 days before the deadline",
                "overdue, at the deadline",
            ])
        await #expect(throws: InputError.self) { try await harness.desk.resume(receipt.reference, by: privacy) }
        let breach = try await harness.intake().submit(Fixtures.breach())
        await #expect(throws: InputError.self) {
            try await harness.desk.pause(breach.reference, reason: "x", by: privacy)
        }
    }

    @Test func aLateNotificationNeedsItsReason() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        harness.time.advance(by: 80 * Self.hour)
        do {
            _ = try await harness.desk.notifyAuthority(
                receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "DT-1",
                lateReason: nil, by: privacy)
            Issue.record("a late notification without a reason was accepted")
        } catch let error as InputError {
            #expect(error.field == "lateReason")
        }
        await #expect(throws: InputError.self) {
            try await harness.desk.notifyAuthority(
                receipt.reference, stage: .supplement, at: nil, authority: nil, authorityReference: "DT-1",
                lateReason: nil, by: privacy)
        }
        let notified = try await harness.desk.notifyAuthority(
            receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "DT-1",
            lateReason: "the extent was unknown until the supplier's log arrived", by: privacy)
        #expect(notified.notifications.map(\.lateReason) == ["the extent was unknown until the supplier's log arrived"])
        #expect(notified.clocks.map(\.state) == [.met])
    }

    @Test func swedenRunsAFourWeekClockForSupplementsUntilTheFinalNotice() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach(entity: "acme-se"))
        let privacy = try await officer(harness, "skydd@acme.example")
        let initial = try await harness.desk.notifyAuthority(
            receipt.reference, stage: .initial, at: nil, authority: nil, authorityReference: "IMY-2026-17",
            lateReason: nil, by: privacy)
        #expect(initial.clocks.map(\.clock) == [.breach, .breachSupplement])
        #expect(initial.clocks.map(\.state) == [.met, .running])
        #expect(initial.notifications.first?.authority == "Integritetsskyddsmyndigheten (IMY)")
        #expect(initial.clocks[1].dueDate?.description == "2026-04-07")  // 28 days from 10 March
        let final = try await harness.desk.notifyAuthority(
            receipt.reference, stage: .final, at: nil, authority: nil, authorityReference: "IMY-2026-17",
            lateReason: nil, by: privacy)
        #expect(final.clocks.map(\.state) == [.met, .met])
        #expect(final.notifications.map(\.stage) == [.initial, .final])
        // Norway has no fixed supplement clock.
        let norwegian = try await harness.intake().submit(Fixtures.breach())
        let po = try await officer(harness)
        let notified = try await harness.desk.notifyAuthority(
            norwegian.reference, stage: .initial, at: nil, authority: nil, authorityReference: "DT-1",
            lateReason: nil, by: po)
        #expect(notified.clocks.map(\.clock) == [.breach])
    }

    @Test func aDeathOrSeriousInjuryIsUrgentAndAlertsManagementAtOnce() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(
            ReportSubmission(
                entityID: "acme-no",
                answers: AnswerSet([
                    "about": ["hse"], "hseKind": ["injury"], "seriousInjury": ["yes"],
                    "hseWhatHappened": ["Fell from the loading ramp"],
                ]),
                contact: nil))
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.summary.urgent)
        let cfo = try await harness.ledger.notices(matching: NoticeQuery(recipientEmail: "cfo@acme.example"))
        #expect(cfo.map(\.kind) == [.urgent])
    }

    @Test func aComplaintAskingForErasureIsARightsRequest() async throws {
        let harness = try await StoreHarness(.memory)
        let submission = ReportSubmission(
            entityID: "acme-no",
            answers: AnswerSet([
                "about": ["complaint"], "complaint": ["You keep mailing me"], "complaintAsks": ["erasure"],
            ]),
            contact: ReporterContact(name: "Ola Nordmann", email: "ola@example.no", phone: nil))
        let receipt = try await harness.intake().submit(submission)
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(caseFile.summary.category == .rightsRequest)
        #expect(caseFile.clocks.map(\.clock) == [.rightsRequest])
    }
}
