import Foundation
import Testing
import TrustCenter

/// What every store promises through the port, run against each one: numbering, batches that are
/// all or nothing, the conditions that make stages and notices exactly-once with several
/// writers, access filters that agree with `AccessFilter.allows`, and the documented orders.
@Suite struct StoreConformanceTests {
    static let received = Date(timeIntervalSince1970: 1_773_135_660)

    func intake(
        _ harness: StoreHarness, category: Category = .breach, concerns: [RecipientRole] = [], year: Int = 2026,
        key: UInt8, at date: Date = received
    ) -> CaseIntake {
        CaseIntake(
            category: category, entityID: "acme-no", receivedAt: date, year: year,
            followUpKeyHash: Data(repeating: key, count: 32), report: Fixtures.report("report \(key)"),
            reporter: .anonymous, routing: CaseRouter.route(category, concerns: concerns, entity: Fixtures.norway),
            urgent: false, awarenessAt: nil,
            clocks: harness.rules.clockwork.plans(
                for: category, receivedAt: date, awarenessAt: nil, urgent: false, entity: Fixtures.norway))
    }

    @Test(arguments: StoreKind.allCases)
    func referencesAreNumberedPerYearWithoutGaps(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        var serials: [String] = []
        for (key, year) in [(1, 2026), (2, 2026), (3, 2027), (4, 2026)] {
            let summary = try await harness.ledger.createCase(intake(harness, year: year, key: UInt8(key)))
            serials.append(summary.reference.description)
        }
        #expect(serials == ["TC-2026-00001", "TC-2026-00002", "TC-2027-00001", "TC-2026-00003"])
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchIsAllOrNothing(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        let summary = try await harness.ledger.createCase(intake(harness, key: 1))
        let stored = try #require(try await harness.store.storedCase(summary.reference))
        await #expect(throws: StoreConflict.self) {
            try await harness.store.commit([
                .setStatus(caseID: stored.record.id, .triaged), .setStatus(caseID: 999_999, .triaged),
            ])
        }
        #expect(try await harness.store.storedCase(summary.reference)?.record.status == .received)
        // A follow-up key hash is unique: a second case with the same one takes no reference.
        await #expect(throws: StoreConflict.self) { try await harness.ledger.createCase(intake(harness, key: 1)) }
        let next = try await harness.ledger.createCase(intake(harness, key: 2))
        #expect(next.reference.serial == 2)
    }

    /// Batches committed at the same moment (the SQLite store commits them as one group) are each
    /// answered on their own: the one that breaks a rule fails alone and takes no reference.
    @Test(arguments: StoreKind.allCases)
    func concurrentBatchesFailOnlyTheirOwnCaller(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        let ledger = harness.ledger
        let intakes = (1...40).map { intake(harness, key: UInt8($0 == 20 ? 1 : $0)) }
        let outcomes = await withTaskGroup(of: Result<CaseSummary, any Error>.self) { group in
            for intake in intakes {
                group.addTask {
                    do { return .success(try await ledger.createCase(intake)) } catch { return .failure(error) }
                }
            }
            var outcomes: [Result<CaseSummary, any Error>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let filed = outcomes.compactMap { try? $0.get() }
        let failed = outcomes.filter { if case .failure(let error) = $0 { error is StoreConflict } else { false } }
        #expect(filed.count == 39 && failed.count == 1)
        #expect(Set(filed.map(\.reference.serial)) == Set(1...39))
    }

    @Test(arguments: StoreKind.allCases)
    func aStaleVersionConflictsAndKeepsNothing(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        let summary = try await harness.ledger.createCase(intake(harness, key: 1))
        let read = try #require(try await harness.store.storedCase(summary.reference)).record
        try await harness.store.commit([
            .expectVersion(caseID: read.id, version: read.version), .setStatus(caseID: read.id, .triaged),
        ])
        await #expect(throws: StoreConflict.self) {
            try await harness.store.commit([
                .expectVersion(caseID: read.id, version: read.version), .setStatus(caseID: read.id, .inProgress),
            ])
        }
        let now = try #require(try await harness.store.storedCase(summary.reference)).record
        #expect(now.status == .triaged && now.version == read.version + 1)
    }

    @Test(arguments: StoreKind.allCases)
    func conditionsHoldOnceEach(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        let summary = try await harness.ledger.createCase(intake(harness, key: 1))
        let stored = try #require(try await harness.store.storedCase(summary.reference))
        let unfired = try #require(stored.stages.first { $0.firedAt == nil })
        try await harness.store.commit([.markStageFired(stageID: unfired.id, at: Self.received, error: nil)])
        await #expect(throws: StoreConflict.self) {
            try await harness.store.commit([.markStageFired(stageID: unfired.id, at: Self.received, error: nil)])
        }
        let notice = try #require(
            try await harness.store.noticeRecords(
                NoticeRecordQuery(recipientKey: Data(), alsoVisible: .everything, delivery: nil, limit: 10)
            ).first)
        await #expect(throws: StoreConflict.self) {
            try await harness.store.commit([.retryNotice(id: notice.record.id, at: Self.received)])
        }
        await #expect(throws: StoreConflict.self) {
            try await harness.store.commit([
                .insertOfficer(
                    name: "A", email: "a@acme.example", role: .handler, tokenHash: Data([1]), createdAt: Self.received),
                .insertOfficer(
                    name: "B", email: "A@ACME.example", role: .handler, tokenHash: Data([2]), createdAt: Self.received),
            ])
        }
        #expect(try await harness.store.officers().isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func reservedIdentifiersNeverRepeat(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        var seen = Set<Int64>()
        for count in [1, 64, 3] {
            let block = try await harness.store.reserveIdentifiers(.notice, count: count)
            #expect(block.count == count)
            for id in block { #expect(seen.insert(id).inserted) }
        }
        try await harness.restart()
        for id in try await harness.store.reserveIdentifiers(.notice, count: 10) { #expect(seen.insert(id).inserted) }
    }

    @Test(arguments: StoreKind.allCases)
    func accessFiltersAgreeWithTheRule(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        var references: [CaseReference] = []
        for (key, category, concerns) in [
            (1, Category.breach, [RecipientRole]()), (2, .whistleblowing, [.ceo]), (3, .complaint, []),
            (4, .whistleblowing, [.privacyOfficer]),
        ] {
            let summary = try await harness.ledger.createCase(
                intake(harness, category: category, concerns: concerns, key: UInt8(key)))
            references.append(summary.reference)
        }
        let emails = Set(
            ([Fixtures.norway.ceo, Fixtures.norway.privacyOfficer, Fixtures.norway.alternate]
                + Fixtures.norway.whistleblowingHandlers + Fixtures.norway.management).map(\.email)
                + ["nobody@acme.example"])
        var filters: [AccessFilter] = [.everything]
        for email in emails {
            let key = harness.sealer.personKey(email)
            filters += [.person(key: key, alsoUnrestricted: false), .person(key: key, alsoUnrestricted: true)]
        }
        for filter in filters {
            var expected: [CaseReference] = []
            for reference in references {
                let (record, access) = try #require(try await harness.store.caseRecord(reference))
                if filter.allows(restricted: record.restricted, access: access) { expected.append(reference) }
            }
            let listed = try await harness.store.caseRecords(
                CaseRecordQuery(access: filter, status: nil, category: nil, entityID: nil, limit: 50, offset: 0))
            #expect(Set(listed.records.compactMap(\.reference)) == Set(expected))
            #expect(listed.total == expected.count)
            let clocks = try await harness.store.clockRecords(
                ClockRecordQuery(access: filter, dueBefore: .distantFuture, after: nil, offset: 0, limit: 100))
            #expect(Set(clocks.compactMap(\.caseRecord.reference)).isSubset(of: Set(expected)))
            // A page that starts after a position holds what follows it in due order.
            if let first = clocks.first {
                let after = try await harness.store.clockRecords(
                    ClockRecordQuery(
                        access: filter, dueBefore: .distantFuture,
                        after: ClockPosition(due: first.record.dueAt, clockID: first.record.id), offset: 0, limit: 100))
                #expect(after.map(\.record.id) == clocks.dropFirst().map(\.record.id))
            }
            let breaches = try await harness.store.breachReferences(
                access: filter, from: .distantPast, until: .distantFuture, limit: 10)
            #expect(breaches == expected.filter { $0 == references[0] })
        }
        // The case about the CEO is hidden from the CEO even with every unrestricted case open.
        let ceo = AccessFilter.person(key: harness.sealer.personKey(Fixtures.norway.ceo.email), alsoUnrestricted: true)
        let ceoSees = try await harness.store.caseRecords(
            CaseRecordQuery(access: ceo, status: nil, category: nil, entityID: nil, limit: 50, offset: 0))
        #expect(!ceoSees.records.contains { $0.reference == references[1] })
    }

    @Test(arguments: StoreKind.allCases)
    func claimedNoticesWaitForTheirLease(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        _ = try await harness.ledger.createCase(intake(harness, key: 1))
        let now = Self.received
        let lease = now.addingTimeInterval(600)
        let first = try await harness.store.claimNotices(at: now, leaseUntil: lease, limit: 100)
        #expect(!first.isEmpty)
        #expect(try await harness.store.claimNotices(at: now, leaseUntil: lease, limit: 100).isEmpty)
        let again = try await harness.store.claimNotices(
            at: lease, leaseUntil: lease.addingTimeInterval(600), limit: 100)
        #expect(again.map(\.record.id) == first.map(\.record.id))
        try await harness.store.commit([.releaseClaim(noticeID: first[0].record.id, dueAt: now)])
        #expect(
            try await harness.store.claimNotices(at: now, leaseUntil: lease, limit: 100).map(\.record.id) == [
                first[0].record.id
            ])
    }

    @Test(arguments: StoreKind.allCases)
    func twoSweepersFireEachStageOnce(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        for key in 1...20 { _ = try await harness.ledger.createCase(intake(harness, key: UInt8(key))) }
        let later = Self.received.addingTimeInterval(30 * 3600)
        let due = try await harness.store.dueStages(at: later, limit: 1000).count
        #expect(due == 20)
        let noticesBefore = try await harness.store.noticeRecords(
            NoticeRecordQuery(recipientKey: Data(), alsoVisible: .everything, delivery: nil, limit: 500)
        ).count
        // Two ledgers, as two trustd would have, sweep at the same moment in small batches.
        let (one, other) = (harness.ledger, harness.ledger(over: harness.store))
        async let first = sweepAll(one, at: later)
        async let second = sweepAll(other, at: later)
        let fired = try await first + second
        #expect(fired >= due)
        #expect(try await harness.store.dueStages(at: later, limit: 1000).count == 0)
        let notices = try await harness.store.noticeRecords(
            NoticeRecordQuery(recipientKey: Data(), alsoVisible: .everything, delivery: nil, limit: 500))
        // Each case's reminder tells its owner once.
        #expect(notices.count - noticesBefore == 20)
        #expect(Set(notices.map(\.record.id)).count == notices.count)
    }

    func sweepAll(_ ledger: CaseLedger, at date: Date) async throws -> Int {
        var total = 0
        for _ in 0..<50 {
            let fired = try await ledger.fireDueStages(at: date, limit: 3)
            total += fired
            if fired == 0 { break }
        }
        return total
    }

    @Test(arguments: StoreKind.allCases)
    func historyKeepsItsOrderAndMarksTheirValues(_ kind: StoreKind) async throws {
        let harness = try await StoreHarness(kind)
        let summary = try await harness.ledger.createCase(intake(harness, key: 1))
        let officer = OfficerSummary(id: 1, name: "Per Vern", email: "privacy@acme.example")
        try await harness.store.commit([
            .insertOfficer(
                name: officer.name, email: officer.email, role: .privacyOfficer, tokenHash: Data([9]),
                createdAt: Self.received)
        ])
        for text in ["one", "two", "three"] {
            _ = try await harness.ledger.apply(
                .addNote(text), to: summary.reference, by: officer, viewer: .system, at: Self.received)
        }
        let caseFile = try await harness.ledger.caseFile(summary.reference, for: .system)
        #expect(caseFile.notes.map(\.text) == ["one", "two", "three"])
        #expect(caseFile.events.prefix(2).map(\.change.kind) == ["received", "routed"])
        try await harness.store.commit([.setMark(name: "test", value: Data([1]))])
        #expect(try await harness.store.mark("test") == Data([1]))
        try await harness.store.commit([.setMark(name: "test", value: nil)])
        #expect(try await harness.store.mark("test") == nil)
    }
}
