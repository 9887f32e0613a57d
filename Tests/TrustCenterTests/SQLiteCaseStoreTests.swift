import Foundation
import Testing
@testable import TrustCenter
@testable import TrustCenterSQLite

@Suite struct SQLiteCaseStoreTests {
    func intake(
        _ description: String, category: Category = .breach, entity: String = "acme-no", year: Int = 2026,
        reporter: Reporter = .anonymous, keyHash: UInt8 = 1
    ) -> CaseIntake {
        CaseIntake(
            category: category, entityID: entity, receivedAt: Date(timeIntervalSince1970: 1_773_135_660), year: year,
            followUpKeyHash: Data(repeating: keyHash, count: 32), report: Fixtures.report(description),
            reporter: reporter,
            routing: CaseRouter.route(
                category, concerns: [], entity: entity == "acme-se" ? Fixtures.sweden : Fixtures.norway),
            urgent: false, awarenessAt: nil, clocks: [])
    }

    @Test func opensWithDurableSettings() async throws {
        let harness = try await StoreHarness()
        let database = try SQLiteDatabase(path: harness.databasePath)
        #expect(try await database.pragma(.journalMode) == "wal")
        #expect(try await database.pragma(.synchronous) == "2")  // FULL
        #expect(try await database.pragma(.foreignKeys) == "1")
        #expect(try await database.pragma(.secureDelete) == "1")
        await database.close()
    }

    @Test func recordsAppliedMigrationsOnce() async throws {
        let harness = try await StoreHarness()
        await harness.store.close()
        // Opening again must not apply the migrations a second time.
        let again = try SQLiteCaseStore(
            path: harness.databasePath,
            keyFingerprint: Sealer(dataKey: Fixtures.dataKey, random: harness.random).keyFingerprint)
        await again.close()
        let versions = try RawDatabase.values(path: harness.databasePath, table: "schema_migrations", column: "version")
        #expect(versions.count == SQLiteSchema.migrations.count)
    }

    @Test func createsTheDatabaseFileReadableByItsOwnerOnly() async throws {
        let harness = try await StoreHarness()
        let attributes = try FileManager.default.attributesOfItem(atPath: harness.databasePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func numbersReferencesPerYear() async throws {
        let harness = try await StoreHarness()
        let first = try await harness.ledger.createCase(intake("a", keyHash: 1))
        let second = try await harness.ledger.createCase(intake("b", keyHash: 2))
        let nextYear = try await harness.ledger.createCase(intake("c", year: 2027, keyHash: 3))
        #expect(first.reference.description == "TC-2026-00001")
        #expect(second.reference.description == "TC-2026-00002")
        #expect(nextYear.reference.description == "TC-2027-00001")
    }

    @Test func keepsReportContentSealedOnDisk() async throws {
        let harness = try await StoreHarness()
        let secret = "Payroll spreadsheet for Kari Nordmann sent to the wrong customer"
        let reporter = Reporter.named(
            ReporterContact(name: "Ola Whistle", email: "ola.whistle@example.no", phone: "+47 912 34 567"))
        let summary = try await harness.ledger.createCase(intake(secret, reporter: reporter))
        let officer = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer
        ).0
        _ = try await harness.ledger.apply(
            .addNote("Called Kari Nordmann's manager"), to: summary.reference, by: officer.summary, viewer: .system,
            at: Date())
        _ = try await harness.ledger.apply(
            .classify(.deviation, reason: "Reason naming Kari Nordmann"), to: summary.reference, by: officer.summary,
            viewer: .system, at: Date())

        for (table, column) in [
            ("cases", "report"), ("cases", "reporter"), ("case_notes", "body"), ("case_events", "detail"),
        ] {
            for value in try RawDatabase.values(path: harness.databasePath, table: table, column: column) {
                #expect(!value.isEmpty)
                #expect(value.range(of: Data("Kari".utf8)) == nil, "\(table).\(column) holds plaintext")
                #expect(value.range(of: Data("Ola".utf8)) == nil, "\(table).\(column) holds plaintext")
            }
        }
        let file = RawDatabase.fileBytes(path: harness.databasePath)
        for needle in ["Kari Nordmann", "Payroll", "ola.whistle", "912 34 567", "manager"] {
            #expect(file.range(of: Data(needle.utf8)) == nil, "database file holds \(needle)")
        }
        // And the store opens it all again.
        let caseFile = try await harness.ledger.caseFile(summary.reference, for: .system)
        #expect(caseFile.report.answer(to: "description") == secret)
        #expect(caseFile.reporter == reporter)
        #expect(caseFile.notes.map(\.text) == ["Called Kari Nordmann's manager"])
    }

    @Test func survivesReopening() async throws {
        let harness = try await StoreHarness()
        let summary = try await harness.ledger.createCase(intake("kept"))
        await harness.store.close()
        let reopened = try SQLiteCaseStore(
            path: harness.databasePath,
            keyFingerprint: Sealer(dataKey: Fixtures.dataKey, random: harness.random).keyFingerprint)
        let caseFile = try await harness.ledger(over: reopened).caseFile(summary.reference, for: .system)
        #expect(caseFile.report.answer(to: "description") == "kept")
        await reopened.close()
    }

    @Test func listsNewestFirstWithFiltersAndPages() async throws {
        let harness = try await StoreHarness()
        for index in 0..<5 {
            _ = try await harness.ledger.createCase(
                intake(
                    "r\(index)", category: index.isMultiple(of: 2) ? .breach : .hse,
                    entity: index < 3 ? "acme-no" : "acme-se", keyHash: UInt8(index + 1)))
        }
        let all = try await harness.ledger.cases(matching: CaseQuery(viewer: .system))
        #expect(all.total == 5)
        #expect(all.cases.map(\.reference.serial) == [5, 4, 3, 2, 1])
        let breaches = try await harness.ledger.cases(matching: CaseQuery(viewer: .system, category: .breach))
        #expect(breaches.cases.map(\.reference.serial) == [5, 3, 1])
        let swedish = try await harness.ledger.cases(matching: CaseQuery(viewer: .system, entityID: "acme-se"))
        #expect(swedish.total == 2)
        let page = try await harness.ledger.cases(matching: CaseQuery(viewer: .system, limit: 2, offset: 2))
        #expect(page.cases.map(\.reference.serial) == [3, 2])
        #expect(page.total == 5)
        let none = try await harness.ledger.cases(matching: CaseQuery(viewer: .system, status: .closed))
        #expect(none.total == 0 && none.cases.isEmpty)
    }

    @Test func recordsEachChangeAsAnEventWithTheOfficer() async throws {
        let harness = try await StoreHarness()
        let summary = try await harness.ledger.createCase(intake("x"))
        let (officer, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        let at = Date(timeIntervalSince1970: 1_773_200_000)
        let viewer = officer.viewer
        let privacyOfficer = Contact(name: "Per Vern", email: "privacy@acme.example")
        let other = Contact(name: "Hanne Varsel", email: "varsel@acme.example")
        _ = try await harness.ledger.apply(
            .classify(.complaint, reason: "no personal data lost"), to: summary.reference, by: officer.summary,
            viewer: viewer, at: at)
        _ = try await harness.ledger.apply(
            .assign(other, reason: "on leave"), to: summary.reference, by: officer.summary, viewer: viewer, at: at)
        // The former owner no longer sees the case; Trust Center itself does.
        await #expect(throws: NotFoundError.self) {
            try await harness.ledger.apply(
                .setStatus(.triaged), to: summary.reference, by: officer.summary, viewer: viewer, at: at)
        }
        let caseFile = try await harness.ledger.apply(
            .setStatus(.triaged), to: summary.reference, by: officer.summary, viewer: .system, at: at)
        #expect(caseFile.summary.category == .complaint)
        #expect(caseFile.summary.status == .triaged)
        #expect(caseFile.summary.owner == other)
        #expect(caseFile.summary.updatedAt == at)
        // The complaint's receipt stage fired at once and queued its notices (a system event).
        let events = caseFile.events.filter { $0.change.kind != "notices-queued" }
        #expect(
            events.map(\.change) == [
                .received(category: .breach),
                .routed(owner: privacyOfficer, reason: "breach goes to the privacy officer of Acme Norge AS."),
                .classified(from: .breach, to: .complaint, reason: "no personal data lost"),
                .assigned(from: privacyOfficer, to: other, reason: "on leave"),
                .statusChanged(from: .received, to: .triaged),
            ])
        #expect(events.first?.actor == .reporter)
        #expect(events[1].actor == .system)
        #expect(events.dropFirst(2).allSatisfy { $0.actor == .officer(officer.summary) })
    }

    @Test func aRefusedChangeWritesNothing() async throws {
        let harness = try await StoreHarness()
        let summary = try await harness.ledger.createCase(intake("x"))
        let (officer, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        await #expect(throws: InputError.self) {
            try await harness.ledger.apply(
                .classify(.breach, reason: ""), to: summary.reference, by: officer.summary, viewer: .system, at: Date())
        }
        await #expect(throws: InputError.self) {
            try await harness.ledger.apply(
                .setStatus(.received), to: summary.reference, by: officer.summary, viewer: .system, at: Date())
        }
        let caseFile = try await harness.ledger.caseFile(summary.reference, for: .system)
        #expect(caseFile.events.map(\.change.kind) == ["received", "routed"])
        #expect(caseFile.summary.updatedAt == caseFile.summary.receivedAt)
    }

    @Test func unknownCaseIsNotFound() async throws {
        let harness = try await StoreHarness()
        await #expect(throws: NotFoundError.self) {
            try await harness.ledger.caseFile(CaseReference(year: 2026, serial: 9), for: .system)
        }
    }

    @Test func refusesADatabaseFromANewerVersion() async throws {
        let harness = try await StoreHarness()
        await harness.store.close()
        let database = try SQLiteDatabase(path: harness.databasePath)
        await database.close()
        try RawDatabase.execute(
            path: harness.databasePath, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
        #expect {
            try SQLiteCaseStore(
                path: harness.databasePath,
                keyFingerprint: Sealer(dataKey: Fixtures.dataKey, random: harness.random).keyFingerprint)
        } throws: { error in
            "\(error)".contains("newer than this trustd")
        }
    }

    @Test func refusesAnotherDataKey() async throws {
        let harness = try await StoreHarness()
        await harness.store.close()
        let otherKey = DataKey.generate(using: SeededRandomSource(seed: 1234))
        #expect(throws: DataKeyMismatch.self) {
            try SQLiteCaseStore(
                path: harness.databasePath,
                keyFingerprint: Sealer(dataKey: otherKey, random: harness.random).keyFingerprint)
        }
    }

    @Test func refusesADatabaseFileOthersCanRead() async throws {
        let harness = try await StoreHarness()
        await harness.store.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: harness.databasePath)
        #expect {
            try SQLiteCaseStore(
                path: harness.databasePath,
                keyFingerprint: Sealer(dataKey: Fixtures.dataKey, random: harness.random).keyFingerprint)
        } throws: { error in
            "\(error)".contains("chmod 600")
        }
    }

    @Test func bindsTextWhole() async throws {
        let harness = try await StoreHarness()
        _ = try await harness.ledger.createCase(intake("x"))
        // An embedded NUL must not cut "acme-no\0x" down to "acme-no".
        #expect(
            try await harness.ledger.cases(matching: CaseQuery(viewer: .system, entityID: "acme-no\u{0}x")).total == 0)
        #expect(try await harness.ledger.cases(matching: CaseQuery(viewer: .system, entityID: "acme-no")).total == 1)
    }

    @Test func historyRowsCannotBeSwappedOrReattributed() async throws {
        let harness = try await StoreHarness()
        let summary = try await harness.ledger.createCase(intake("x"))
        let (per, _) = try await harness.officers.add(
            name: "Per Vern", email: "per@acme.example", role: .privacyOfficer)
        let (eva, _) = try await harness.officers.add(name: "Eva Other", email: "eva@acme.example", role: .handler)
        _ = try await harness.ledger.apply(
            .addNote("first"), to: summary.reference, by: per.summary, viewer: .system, at: Date())
        _ = try await harness.ledger.apply(
            .addNote("second"), to: summary.reference, by: per.summary, viewer: .system, at: Date())
        await harness.store.close()
        func reopened() throws -> SQLiteCaseStore {
            try SQLiteCaseStore(
                path: harness.databasePath,
                keyFingerprint: Sealer(dataKey: Fixtures.dataKey, random: harness.random).keyFingerprint)
        }
        // Someone with write access to the file swaps the two notes' sealed bodies…
        try RawDatabase.execute(
            path: harness.databasePath,
            """
            CREATE TABLE saved_bodies AS SELECT id, body FROM case_notes;
            UPDATE case_notes SET body = (SELECT body FROM saved_bodies s WHERE s.id != case_notes.id);
            """)
        var store = try reopened()
        await #expect(throws: SealError.self) {
            try await harness.ledger(over: store).caseFile(summary.reference, for: .system)
        }
        await store.close()
        // …or, with the notes put back, claims another officer wrote an event.
        try RawDatabase.execute(
            path: harness.databasePath,
            "UPDATE case_notes SET body = (SELECT body FROM saved_bodies s WHERE s.id = case_notes.id)")
        store = try reopened()
        #expect(
            try await harness.ledger(over: store).caseFile(summary.reference, for: .system).notes.map(\.text) == [
                "first", "second",
            ])
        await store.close()
        try RawDatabase.execute(
            path: harness.databasePath, "UPDATE case_events SET officer_id = \(eva.id) WHERE actor = 'officer'")
        store = try reopened()
        await #expect(throws: SealError.self) {
            try await harness.ledger(over: store).caseFile(summary.reference, for: .system)
        }
        await store.close()
    }

    /// Rows put into the file without a reserved id (by hand, or by a tool such as
    /// bench/clocks.sh) never meet an id reserved later: start-up moves the counters past them.
    @Test func reservedIdentifiersPassRowsPutInByHand() async throws {
        let harness = try await StoreHarness()
        _ = try await harness.ledger.createCase(intake("first", keyHash: 1))
        await harness.store.close()
        // The rows take exactly the ids the counters would give out next.
        try RawDatabase.execute(
            path: harness.databasePath,
            """
            INSERT INTO cases (id, year, serial, category, status, entity_id, received_at, updated_at,
                follow_up_key_hash, report, reporter)
            SELECT (SELECT next FROM reserved_identifiers WHERE kind = 'case'), 2025, 1, category, status, entity_id, received_at, updated_at, randomblob(32), report, reporter
            FROM cases WHERE serial = 1;
            INSERT INTO case_events (id, case_id, at, kind, actor, detail)
            SELECT (SELECT next FROM reserved_identifiers WHERE kind = 'event'), (SELECT MAX(id) FROM cases), at,
                kind, actor, detail
            FROM case_events LIMIT 1;
            """)
        try await harness.restart()
        let second = try await harness.ledger.createCase(intake("second", keyHash: 2))
        #expect(
            try await harness.ledger.caseFile(second.reference, for: .system).report.answer(to: "description")
                == "second")
    }
}
