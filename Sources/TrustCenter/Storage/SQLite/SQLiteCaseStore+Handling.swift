import Foundation

/// A case's handling record and its corrective actions. The record is one sealed value per case;
/// each action is a row with its owner as a keyed hash and its text sealed, and a clock of its own.
extension SQLiteCaseStore {
    static func loadHandling(of row: CaseRow, connection: SQLiteConnection, sealer: Sealer) throws -> CaseHandling {
        let rows = try connection.query(
            "SELECT handling FROM cases WHERE id = ?", [.integer(row.id)], operation: "read handling")
        guard case .blob(let sealed) = try rows.first?.value("handling") else { return CaseHandling() }
        return try sealer.open(json: CaseHandling.self, from: sealed, context: .handling(of: row.reference))
    }

    static func writeHandling(_ handling: CaseHandling, of row: CaseRow, sealer: Sealer, connection: SQLiteConnection)
        throws
    {
        try connection.query(
            "UPDATE cases SET handling = ? WHERE id = ?",
            [.blob(try sealer.seal(json: handling, context: .handling(of: row.reference))), .integer(row.id)],
            operation: "record handling")
    }

    /// Stores a new action and starts its clock; returns its id.
    static func insertAction(
        _ action: NewAction, on row: CaseRow, by officer: OfficerSummary, at date: Date, sealer: Sealer,
        connection: SQLiteConnection
    ) throws -> Int64 {
        let id =
            try connection.query(
                "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM case_actions", operation: "number action"
            ).first?.integer("next") ?? 1
        let detail = ActionDetail(what: action.what, owner: action.owner, createdBy: officer)
        try connection.query(
            """
            INSERT INTO case_actions (id, case_id, owner_key, due_date, due_at, created_at, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(id), .integer(row.id), .blob(sealer.personKey(action.owner.email)),
                .text(action.dueDate.description), SQLiteValue(action.clock.deadline.due), SQLiteValue(date),
                .blob(
                    try sealer.seal(
                        json: detail,
                        context: .action(
                            of: row.reference, row: id, created: SQLiteValue.seconds(date),
                            dueDate: action.dueDate.description, done: nil))),
            ],
            operation: "add action")
        try insertClock(action.clock, caseID: row.id, actionID: id, connection: connection)
        return id
    }

    /// Marks an open action done, with its note, and meets its clock.
    static func completeAction(
        _ id: Int64, note: String, on row: CaseRow, by officer: OfficerSummary, at date: Date, sealer: Sealer,
        connection: SQLiteConnection
    ) throws {
        let rows = try connection.query(
            "SELECT created_at, due_date, detail FROM case_actions WHERE id = ? AND case_id = ? AND done_at IS NULL",
            [.integer(id), .integer(row.id)], operation: "read action")
        guard let stored = rows.first else { throw NotFoundError.action(id) }
        let (created, dueDate) = (try stored.integer("created_at"), try stored.text("due_date"))
        var detail = try sealer.open(
            json: ActionDetail.self, from: stored.blob("detail"),
            context: .action(of: row.reference, row: id, created: created, dueDate: dueDate, done: nil))
        detail.doneNote = note
        detail.doneBy = officer
        let done = SealContext.action(
            of: row.reference, row: id, created: created, dueDate: dueDate, done: SQLiteValue.seconds(date))
        try connection.query(
            "UPDATE case_actions SET done_at = ?, detail = ? WHERE id = ?",
            [SQLiteValue(date), .blob(try sealer.seal(json: detail, context: done)), .integer(id)],
            operation: "complete action")
        try endClock(.action, as: .met, at: date, caseID: row.id, actionID: id, connection: connection)
    }

    static func loadActions(of row: CaseRow, sealer: Sealer, connection: SQLiteConnection) throws
        -> [CorrectiveAction]
    {
        try connection.query(
            "SELECT id, due_date, due_at, created_at, done_at, detail FROM case_actions WHERE case_id = ? ORDER BY id",
            [.integer(row.id)], operation: "read actions"
        ).map { try action(from: $0, reference: row.reference, sealer: sealer) }
    }

    static func action(from row: SQLiteRow, reference: CaseReference, sealer: Sealer) throws -> CorrectiveAction {
        let id = try row.integer("id")
        let detail = try sealer.open(
            json: ActionDetail.self, from: row.blob("detail"),
            context: .action(
                of: reference, row: id, created: try row.integer("created_at"), dueDate: try row.text("due_date"),
                done: try row.optionalInteger("done_at")))
        guard let dueDate = LocalDate(try row.text("due_date")) else {
            throw RowError(column: "due_date", problem: "is not a date")
        }
        return CorrectiveAction(
            id: id, reference: reference, what: detail.what, owner: detail.owner, dueDate: dueDate,
            due: try row.date("due_at"), createdAt: try row.date("created_at"), createdBy: detail.createdBy,
            doneAt: try row.optionalDate("done_at"), doneNote: detail.doneNote, doneBy: detail.doneBy)
    }

    /// The owner of the action an action clock belongs to, for its notices.
    static func actionOwner(clockID: Int64, reference: CaseReference, sealer: Sealer, connection: SQLiteConnection)
        throws -> Contact?
    {
        let rows = try connection.query(
            """
            SELECT a.id, a.due_date, a.due_at, a.created_at, a.done_at, a.detail FROM case_actions a
            JOIN clocks k ON k.action_id = a.id WHERE k.id = ?
            """,
            [.integer(clockID)], operation: "read action owner")
        return try rows.first.map { try action(from: $0, reference: reference, sealer: sealer).owner }
    }
}

/// The sealed part of an action row.
struct ActionDetail: Codable {
    var what: String
    var owner: Contact
    var createdBy: OfficerSummary
    var doneNote: String?
    var doneBy: OfficerSummary?
}

/// Lists across cases: open actions, and the breaches of the register.
extension SQLiteCaseStore {
    public func actions(matching query: ActionQuery) async throws -> [CorrectiveAction] {
        let sealer = self.sealer
        return try await database.perform { connection in
            try connection.query(
                """
                SELECT a.id, a.due_date, a.due_at, a.created_at, a.done_at, a.detail, c.year, c.serial
                FROM case_actions a JOIN cases c ON c.id = a.case_id
                WHERE a.done_at IS NULL AND a.due_at < ? AND
                """ + " " + Self.visibleCondition + " ORDER BY a.due_at, a.id LIMIT ?",
                [query.overdueOnly ? SQLiteValue(query.now) : .integer(Int64.max)]
                    + Self.visibility(query.viewer, sealer: sealer) + [.integer(Int64(query.limit))],
                operation: "list actions"
            ).map { row in try Self.action(from: row, reference: try Self.reference(from: row), sealer: sealer) }
        }
    }

    public func actionCase(_ id: CorrectiveAction.ID, for viewer: CaseViewer) async throws -> CaseReference {
        let sealer = self.sealer
        return try await database.perform { connection in
            let rows = try connection.query(
                "SELECT c.year, c.serial FROM case_actions a JOIN cases c ON c.id = a.case_id WHERE a.id = ? AND "
                    + Self.visibleCondition,
                [.integer(id)] + Self.visibility(viewer, sealer: sealer), operation: "find action")
            guard let row = rows.first else { throw NotFoundError("no action \(id)") }
            return try Self.reference(from: row)
        }
    }

    public func breaches(matching query: RegisterQuery) async throws -> [CaseState] {
        let (sealer, rules) = (self.sealer, self.rules)
        return try await database.perform { connection in
            // Dated by when the organisation became aware: awareness, or else receipt.
            let rows = try connection.query(
                """
                SELECT c.year, c.serial FROM cases c
                WHERE c.category = 'breach' AND COALESCE(c.awareness_at, c.received_at) >= ?
                    AND COALESCE(c.awareness_at, c.received_at) < ? AND
                """ + " " + Self.visibleCondition + " ORDER BY COALESCE(c.awareness_at, c.received_at), c.id LIMIT ?",
                [SQLiteValue(query.from ?? .distantPast), SQLiteValue(query.until ?? .distantFuture)]
                    + Self.visibility(query.viewer, sealer: sealer) + [
                        .integer(Int64(RegisterQuery.maximumEntries + 1))
                    ],
                operation: "list breaches")
            guard rows.count <= RegisterQuery.maximumEntries else {
                throw InputError(
                    field: "from",
                    message: "more than \(RegisterQuery.maximumEntries) breaches in the period: export it in parts")
            }
            // The handling record, clocks, notifications and actions; never the report or the reporter.
            return try rows.map {
                try Self.loadState(Self.reference(from: $0), rules: rules, sealer: sealer, connection: connection).1
            }
        }
    }
}
