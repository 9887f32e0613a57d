import Foundation

/// Reading cases back: the clear summary, and the sealed parts opened.
extension SQLiteCaseStore {
    static let summarySelect = """
        SELECT c.id, c.year, c.serial, c.category, c.status, c.entity_id, c.received_at, c.updated_at,
            c.routing, c.urgent, c.awareness_at, e.time_zone
        FROM cases c JOIN entities e ON e.id = c.entity_id
        """

    static func reference(from row: SQLiteRow) throws -> CaseReference {
        CaseReference(year: Int(try row.integer("year")), serial: Int(try row.integer("serial")))
    }

    static func summary(from row: SQLiteRow, sealer: Sealer) throws -> CaseSummary {
        let reference = try reference(from: row)
        return CaseSummary(
            reference: reference,
            category: try stored(Category.self, row.text("category"), column: "category"),
            status: try stored(CaseStatus.self, row.text("status"), column: "status"),
            entityID: try row.text("entity_id"),
            timeZone: try row.text("time_zone"),
            receivedAt: try row.date("received_at"),
            updatedAt: try row.date("updated_at"),
            owner: try routing(from: row, reference: reference, sealer: sealer)?.owner,
            urgent: try row.integer("urgent") != 0)
    }

    /// The sealed routing of a case row; nil for a case stored before routing existed.
    static func routing(from row: SQLiteRow, reference: CaseReference, sealer: Sealer) throws -> Routing? {
        guard case .blob(let sealed) = try row.value("routing") else { return nil }
        return try sealer.open(json: Routing.self, from: sealed, context: .routing(of: reference))
    }

    static func loadSummary(_ reference: CaseReference, sealer: Sealer, connection: SQLiteConnection) throws
        -> (Int64, CaseSummary)
    {
        let row = try loadRow(reference, connection: connection)
        return (try row.integer("id"), try summary(from: row, sealer: sealer))
    }

    static func loadRow(_ reference: CaseReference, connection: SQLiteConnection) throws -> SQLiteRow {
        let rows = try connection.query(
            summarySelect + " WHERE c.year = ? AND c.serial = ?",
            [.integer(Int64(reference.year)), .integer(Int64(reference.serial))], operation: "read case")
        guard let row = rows.first else { throw NotFoundError.caseFile(reference) }
        return row
    }

    /// The case as a change sees it. A case stored before routing existed is routed by the
    /// defaults now, so that it has an owner.
    static func loadState(_ reference: CaseReference, rules: CaseRules, sealer: Sealer, connection: SQLiteConnection)
        throws -> (CaseRow, CaseState)
    {
        let row = try loadRow(reference, connection: connection)
        let caseRow = CaseRow(id: try row.integer("id"), reference: reference)
        let summary = try summary(from: row, sealer: sealer)
        let routing =
            try routing(from: row, reference: reference, sealer: sealer)
            ?? CaseRouter.route(summary.category, concerns: [], entity: try rules.entity(summary.entityID))
        return (
            caseRow,
            CaseState(
                summary: summary, routing: routing, awarenessAt: try row.optionalDate("awareness_at"),
                clocks: try loadClocks(caseID: caseRow.id, connection: connection),
                notifications: try loadNotifications(of: caseRow, sealer: sealer, connection: connection),
                handling: try loadHandling(of: caseRow, connection: connection, sealer: sealer),
                actions: try loadActions(of: caseRow, sealer: sealer, connection: connection))
        )
    }

    static func loadCaseFile(_ reference: CaseReference, sealer: Sealer, connection: SQLiteConnection) throws
        -> CaseFile
    {
        let row = try loadRow(reference, connection: connection)
        let caseID = try row.integer("id")
        let caseRow = CaseRow(id: caseID, reference: reference)
        let summary = try summary(from: row, sealer: sealer)
        let sealed = try connection.query(
            "SELECT report, reporter FROM cases WHERE id = ?", [.integer(caseID)], operation: "read case content")
        guard let content = sealed.first else { throw NotFoundError.caseFile(reference) }
        let notes = try connection.query(
            """
            SELECT n.id, n.at, n.body, o.id AS officer_id, o.name, o.email FROM case_notes n
            JOIN officers o ON o.id = n.officer_id WHERE n.case_id = ? ORDER BY n.id
            """,
            [.integer(caseID)], operation: "read notes")
        let messages = try connection.query(
            """
            SELECT m.id, m.direction, m.at, m.body, o.id AS officer_id, o.name, o.email FROM case_messages m
            LEFT JOIN officers o ON o.id = m.officer_id WHERE m.case_id = ? ORDER BY m.id
            """,
            [.integer(caseID)], operation: "read messages")
        let events = try connection.query(
            """
            SELECT e.id, e.at, e.actor, e.detail, o.id AS officer_id, o.name, o.email FROM case_events e
            LEFT JOIN officers o ON o.id = e.officer_id WHERE e.case_id = ? ORDER BY e.id
            """,
            [.integer(caseID)], operation: "read events")
        return CaseFile(
            summary: summary,
            report: try sealer.open(json: Report.self, from: content.blob("report"), context: .report(of: reference)),
            reporter: try sealer.open(
                json: Reporter.self, from: content.blob("reporter"), context: .reporter(of: reference)),
            notes: try notes.map { row in
                CaseNote(
                    author: try officerSummary(row), at: try row.date("at"),
                    text: try sealer.open(
                        json: String.self, from: row.blob("body"),
                        context: .note(
                            of: reference, row: row.integer("id"), at: row.integer("at"),
                            officer: row.integer("officer_id"))))
            },
            messages: try messages.map { row in
                CaseMessage(
                    direction: try stored(CaseMessage.Direction.self, row.text("direction"), column: "direction"),
                    author: try row.optionalInteger("officer_id") == nil ? nil : officerSummary(row),
                    at: try row.date("at"),
                    text: try sealer.open(
                        json: String.self, from: row.blob("body"),
                        context: .message(
                            of: reference, row: row.integer("id"), at: row.integer("at"),
                            direction: row.text("direction"),
                            officer: row.optionalInteger("officer_id"))))
            },
            events: try events.map { row in
                let actorName = try row.text("actor")
                let actor: CaseEvent.Actor =
                    switch actorName {
                    case "reporter": .reporter
                    case "officer": .officer(try officerSummary(row))
                    default: .system
                    }
                return CaseEvent(
                    at: try row.date("at"), actor: actor,
                    change: try sealer.open(
                        json: CaseEvent.Change.self, from: row.blob("detail"),
                        context: .event(
                            of: reference, row: row.integer("id"), at: row.integer("at"), actor: actorName,
                            officer: row.optionalInteger("officer_id"))))
            },
            routing: try routing(from: row, reference: reference, sealer: sealer),
            awarenessAt: try row.optionalDate("awareness_at"),
            clocks: try loadClocks(caseID: caseID, connection: connection),
            notifications: try loadNotifications(of: caseRow, sealer: sealer, connection: connection),
            handling: try loadHandling(of: caseRow, connection: connection, sealer: sealer),
            actions: try loadActions(of: caseRow, sealer: sealer, connection: connection))
    }

    static func officerSummary(_ row: SQLiteRow) throws -> OfficerSummary {
        OfficerSummary(id: try row.integer("officer_id"), name: try row.text("name"), email: try row.text("email"))
    }

    /// Reads a stored enumeration value; an unknown one means a damaged or newer database.
    static func stored<T: RawRepresentable<String>>(_ type: T.Type, _ text: String, column: String) throws -> T {
        guard let value = T(rawValue: text) else { throw RowError(column: column, problem: "has unknown value") }
        return value
    }
}
