import Foundation

extension SQLiteCaseStore {
    public func createCase(_ intake: CaseIntake) async throws -> CaseSummary {
        let sealer = self.sealer
        return try await database.write("create case") { connection in
            let next = try connection.query(
                "SELECT COALESCE(MAX(serial), 0) + 1 AS next FROM cases WHERE year = ?",
                [.integer(Int64(intake.year))], operation: "allocate reference")
            let reference = CaseReference(year: intake.year, serial: Int(try next.first?.integer("next") ?? 1))
            try connection.query(
                """
                INSERT INTO cases (year, serial, category, status, entity_id, received_at, updated_at,
                    follow_up_key_hash, report, reporter)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(Int64(reference.year)), .integer(Int64(reference.serial)),
                    .text(intake.category.rawValue), .text(CaseStatus.received.rawValue), .text(intake.entityID),
                    SQLiteValue(intake.receivedAt), SQLiteValue(intake.receivedAt), .blob(intake.followUpKeyHash),
                    .blob(try sealer.seal(json: intake.report, context: .report(of: reference))),
                    .blob(try sealer.seal(json: intake.reporter, context: .reporter(of: reference))),
                ],
                operation: "insert case")
            let caseID = connection.lastInsertRowID
            try Self.insertEvent(
                CaseEvent(at: intake.receivedAt, actor: .reporter, change: .received(category: intake.category)),
                caseID: caseID, reference: reference, sealer: sealer, connection: connection)
            return CaseSummary(
                reference: reference, category: intake.category, status: .received, entityID: intake.entityID,
                receivedAt: intake.receivedAt, updatedAt: intake.receivedAt, assignee: nil)
        }
    }

    public func cases(matching query: CaseQuery) async throws -> CasePage {
        try await database.perform { connection in
            // Each filter is "(? IS NULL OR column = ?)", so the SQL text is fixed and every value bound.
            let filters: [SQLiteValue] = [
                SQLiteValue(query.status?.rawValue), SQLiteValue(query.status?.rawValue),
                SQLiteValue(query.category?.rawValue), SQLiteValue(query.category?.rawValue),
                SQLiteValue(query.entityID), SQLiteValue(query.entityID),
            ]
            let condition = """
                (? IS NULL OR c.status = ?) AND (? IS NULL OR c.category = ?) AND (? IS NULL OR c.entity_id = ?)
                """
            let total = try connection.query(
                "SELECT COUNT(*) AS total FROM cases c WHERE " + condition, filters, operation: "count cases")
            let rows = try connection.query(
                Self.summarySelect + " WHERE " + condition + " ORDER BY c.received_at DESC, c.id DESC LIMIT ? OFFSET ?",
                filters + [.integer(Int64(query.limit)), .integer(Int64(query.offset))],
                operation: "list cases")
            return CasePage(
                cases: try rows.map(Self.summary(from:)),
                total: Int(try total.first?.integer("total") ?? 0),
                limit: query.limit, offset: query.offset)
        }
    }

    public func caseFile(_ reference: CaseReference) async throws -> CaseFile {
        let sealer = self.sealer
        return try await database.perform { connection in
            try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
        }
    }

    public func apply(_ change: CaseChange, to reference: CaseReference, by officer: OfficerSummary, at date: Date)
        async throws -> CaseFile
    {
        let sealer = self.sealer
        return try await database.perform { connection in
            try connection.transaction("change case") {
                let (caseID, current) = try Self.loadSummary(reference, connection: connection)
                let eventChange = try change.event(for: current)
                let updatedAt = SQLiteValue(date)
                switch change {
                case .classify(let category, _):
                    try connection.query(
                        "UPDATE cases SET category = ?, updated_at = ? WHERE id = ?",
                        [.text(category.rawValue), updatedAt, .integer(caseID)], operation: "classify case")
                case .assign(let assignee):
                    try connection.query(
                        "UPDATE cases SET assignee_id = ?, updated_at = ? WHERE id = ?",
                        [.integer(assignee.id), updatedAt, .integer(caseID)], operation: "assign case")
                case .setStatus(let status):
                    try connection.query(
                        "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                        [.text(status.rawValue), updatedAt, .integer(caseID)], operation: "set case status")
                case .reply(let text):
                    try Self.insertMessage(
                        text, direction: .toReporter, officer: officer.id, caseID: caseID, reference: reference,
                        at: date, sealer: sealer, connection: connection)
                    try connection.query(
                        "UPDATE cases SET updated_at = ? WHERE id = ?", [updatedAt, .integer(caseID)],
                        operation: "touch case")
                case .addNote(let text):
                    let row = try Self.nextRowID(of: .notes, connection: connection)
                    let context = SealContext.note(
                        of: reference, row: row, at: SQLiteValue.seconds(date), officer: officer.id)
                    try connection.query(
                        "INSERT INTO case_notes (id, case_id, officer_id, at, body) VALUES (?, ?, ?, ?, ?)",
                        [
                            .integer(row), .integer(caseID), .integer(officer.id), updatedAt,
                            .blob(try sealer.seal(json: text, context: context)),
                        ],
                        operation: "add note")
                    try connection.query(
                        "UPDATE cases SET updated_at = ? WHERE id = ?", [updatedAt, .integer(caseID)],
                        operation: "touch case")
                }
                try Self.insertEvent(
                    CaseEvent(at: date, actor: .officer(officer), change: eventChange),
                    caseID: caseID, reference: reference, sealer: sealer, connection: connection)
            }
            return try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
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
                let (caseID, current) = try Self.loadSummary(reference, connection: connection)
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
                try connection.query(
                    "UPDATE cases SET updated_at = ? WHERE id = ?", [SQLiteValue(date), .integer(caseID)],
                    operation: "touch case")
            }
            return try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
        }
    }

    static func insertMessage(
        _ text: String, direction: CaseMessage.Direction, officer: Int64?, caseID: Int64, reference: CaseReference,
        at date: Date, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let row = try nextRowID(of: .messages, connection: connection)
        let context = SealContext.message(
            of: reference, row: row, at: SQLiteValue.seconds(date), direction: direction.rawValue, officer: officer)
        try connection.query(
            "INSERT INTO case_messages (id, case_id, direction, officer_id, at, body) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .integer(row), .integer(caseID), .text(direction.rawValue), SQLiteValue(officer), SQLiteValue(date),
                .blob(try sealer.seal(json: text, context: context)),
            ],
            operation: "add message")
    }

    static func insertEvent(
        _ event: CaseEvent, caseID: Int64, reference: CaseReference, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let actor: String
        let officerID: Int64?
        switch event.actor {
        case .reporter: (actor, officerID) = ("reporter", nil)
        case .system: (actor, officerID) = ("system", nil)
        case .officer(let officer): (actor, officerID) = ("officer", officer.id)
        }
        let row = try nextRowID(of: .events, connection: connection)
        let context = SealContext.event(
            of: reference, row: row, at: SQLiteValue.seconds(event.at), actor: actor, officer: officerID)
        try connection.query(
            "INSERT INTO case_events (id, case_id, at, kind, actor, officer_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .integer(row), .integer(caseID), SQLiteValue(event.at), .text(event.change.kind), .text(actor),
                SQLiteValue(officerID), .blob(try sealer.seal(json: event.change, context: context)),
            ],
            operation: "record event")
    }
}

/// The tables whose rows are numbered before they are sealed.
enum CaseHistoryTable {
    case events, notes, messages
}

extension SQLiteCaseStore {
    /// The id the next row of `table` will get. Safe because it runs inside the one writer's
    /// transaction; the id is known before the row is sealed, so it can be bound into the seal.
    static func nextRowID(of table: CaseHistoryTable, connection: SQLiteConnection) throws -> Int64 {
        let sql =
            switch table {
            case .events: "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM case_events"
            case .notes: "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM case_notes"
            case .messages: "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM case_messages"
            }
        return try connection.query(sql, operation: "number row").first?.integer("next") ?? 1
    }
}

extension SealContext {
    static func report(of reference: CaseReference) -> SealContext { SealContext("report", of: reference) }
    static func reporter(of reference: CaseReference) -> SealContext { SealContext("reporter", of: reference) }

    static func note(of reference: CaseReference, row: Int64, at: Int64, officer: Int64) -> SealContext {
        SealContext("note", of: reference, details: ["row=\(row)", "at=\(at)", "officer=\(officer)"])
    }

    static func message(of reference: CaseReference, row: Int64, at: Int64, direction: String, officer: Int64?)
        -> SealContext
    {
        SealContext(
            "message", of: reference,
            details: ["row=\(row)", "at=\(at)", "direction=\(direction)", "officer=\(officer.map(String.init) ?? "-")"])
    }

    static func event(of reference: CaseReference, row: Int64, at: Int64, actor: String, officer: Int64?) -> SealContext
    {
        SealContext(
            "event", of: reference,
            details: ["row=\(row)", "at=\(at)", "actor=\(actor)", "officer=\(officer.map(String.init) ?? "-")"])
    }
}
