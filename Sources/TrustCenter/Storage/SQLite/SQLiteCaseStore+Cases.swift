import Foundation

extension SQLiteCaseStore {
    public func createCase(_ intake: CaseIntake) async throws -> CaseSummary {
        let (sealer, rules) = (self.sealer, self.rules)
        return try await database.write("create case") { connection in
            let next = try connection.query(
                "SELECT COALESCE(MAX(serial), 0) + 1 AS next FROM cases WHERE year = ?",
                [.integer(Int64(intake.year))], operation: "allocate reference")
            let reference = CaseReference(year: intake.year, serial: Int(try next.first?.integer("next") ?? 1))
            try connection.query(
                """
                INSERT INTO cases (year, serial, category, status, entity_id, received_at, updated_at,
                    follow_up_key_hash, report, reporter, routing, restricted, urgent, awareness_at, handling)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(Int64(reference.year)), .integer(Int64(reference.serial)),
                    .text(intake.category.rawValue), .text(CaseStatus.received.rawValue), .text(intake.entityID),
                    SQLiteValue(intake.receivedAt), SQLiteValue(intake.receivedAt), .blob(intake.followUpKeyHash),
                    .blob(try sealer.seal(json: intake.report, context: .report(of: reference))),
                    .blob(try sealer.seal(json: intake.reporter, context: .reporter(of: reference))),
                    .blob(try sealer.seal(json: intake.routing, context: .routing(of: reference))),
                    .integer(intake.routing.restricted ? 1 : 0), .integer(intake.urgent ? 1 : 0),
                    SQLiteValue(intake.awarenessAt),
                    .blob(try sealer.seal(json: intake.handling, context: .handling(of: reference))),
                ],
                operation: "insert case")
            let row = CaseRow(id: connection.lastInsertRowID, reference: reference)
            try Self.recordAccess(for: intake.routing, on: row, sealer: sealer, connection: connection)
            try Self.insertEvent(
                CaseEvent(at: intake.receivedAt, actor: .reporter, change: .received(category: intake.category)),
                caseID: row.id, reference: reference, sealer: sealer, connection: connection)
            try Self.insertEvent(
                CaseEvent(
                    at: intake.receivedAt, actor: .system,
                    change: .routed(owner: intake.routing.owner, reason: intake.routing.reason)),
                caseID: row.id, reference: reference, sealer: sealer, connection: connection)
            for plan in intake.clocks {
                try Self.insertClock(plan, caseID: row.id, connection: connection)
            }
            // The receipt-time notices go into the outbox in the same transaction as the case.
            _ = try Self.fireStages(
                at: intake.receivedAt, limit: 100, onlyCase: row.id, rules: rules, sealer: sealer,
                connection: connection)
            return CaseSummary(
                reference: reference, category: intake.category, status: .received, entityID: intake.entityID,
                timeZone: try rules.entity(intake.entityID).timeZone, receivedAt: intake.receivedAt,
                updatedAt: intake.receivedAt, owner: intake.routing.owner,
                urgent: intake.urgent)
        }
    }

    public func cases(matching query: CaseQuery) async throws -> CasePage {
        let sealer = self.sealer
        return try await database.perform { connection in
            // Each filter is "(? IS NULL OR column = ?)", so the SQL text is fixed and every value bound.
            let filters: [SQLiteValue] =
                [
                    SQLiteValue(query.status?.rawValue), SQLiteValue(query.status?.rawValue),
                    SQLiteValue(query.category?.rawValue), SQLiteValue(query.category?.rawValue),
                    SQLiteValue(query.entityID), SQLiteValue(query.entityID),
                ] + Self.visibility(query.viewer, sealer: sealer)
            let condition = """
                (? IS NULL OR c.status = ?) AND (? IS NULL OR c.category = ?) AND (? IS NULL OR c.entity_id = ?)
                AND
                """ + " " + Self.visibleCondition
            let total = try connection.query(
                "SELECT COUNT(*) AS total FROM cases c WHERE " + condition, filters, operation: "count cases")
            let rows = try connection.query(
                Self.summarySelect + " WHERE " + condition + " ORDER BY c.received_at DESC, c.id DESC LIMIT ? OFFSET ?",
                filters + [.integer(Int64(query.limit)), .integer(Int64(query.offset))],
                operation: "list cases")
            return CasePage(
                cases: try rows.map { try Self.summary(from: $0, sealer: sealer) },
                total: Int(try total.first?.integer("total") ?? 0),
                limit: query.limit, offset: query.offset)
        }
    }

    public func caseFile(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseFile {
        let sealer = self.sealer
        return try await database.perform { connection in
            try Self.requireVisible(reference, to: viewer, sealer: sealer, connection: connection)
            return try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
        }
    }

    public func caseSummary(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseSummary {
        let sealer = self.sealer
        return try await database.perform { connection in
            try Self.requireVisible(reference, to: viewer, sealer: sealer, connection: connection)
            return try Self.loadSummary(reference, sealer: sealer, connection: connection).1
        }
    }

    public func caseReference(followUpKeyHash: Data) async throws -> CaseReference? {
        try await database.perform { connection in
            try connection.query(
                "SELECT year, serial FROM cases WHERE follow_up_key_hash = ?", [.blob(followUpKeyHash)],
                operation: "find case by follow-up key"
            ).first.map { CaseReference(year: Int(try $0.integer("year")), serial: Int(try $0.integer("serial"))) }
        }
    }

    public func addReporterMessage(_ text: String, to reference: CaseReference, at date: Date) async throws -> CaseFile
    {
        let sealer = self.sealer
        return try await database.perform { connection in
            try connection.transaction("add reporter message") {
                let (caseID, current) = try Self.loadSummary(reference, sealer: sealer, connection: connection)
                try Self.insertMessage(
                    text, direction: .fromReporter, officer: nil, caseID: caseID, reference: reference, at: date,
                    sealer: sealer, connection: connection)
                try Self.insertEvent(
                    CaseEvent(at: date, actor: .reporter, change: .messageReceived), caseID: caseID,
                    reference: reference, sealer: sealer, connection: connection)
                if current.status == .awaitingReporter {
                    try connection.query(
                        "UPDATE cases SET status = ? WHERE id = ?",
                        [.text(CaseStatus.inProgress.rawValue), .integer(caseID)],
                        operation: "resume case")
                    try Self.insertEvent(
                        CaseEvent(
                            at: date, actor: .system, change: .statusChanged(from: .awaitingReporter, to: .inProgress)),
                        caseID: caseID, reference: reference, sealer: sealer, connection: connection)
                }
                try Self.touch(caseID, at: date, connection: connection)
            }
            return try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
        }
    }

    static func touch(_ caseID: Int64, at date: Date, connection: SQLiteConnection) throws {
        try connection.query(
            "UPDATE cases SET updated_at = ? WHERE id = ?", [SQLiteValue(date), .integer(caseID)],
            operation: "touch case")
    }
}

/// A case's row id and reference, which together bind sealed values to the case.
struct CaseRow {
    var id: Int64
    var reference: CaseReference
}
