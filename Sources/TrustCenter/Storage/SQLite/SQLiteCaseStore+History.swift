import Foundation

/// Writing history rows: messages, events, and the seal contexts that bind them to their rows.
extension SQLiteCaseStore {
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
    case events, notes, messages, notices, notifications
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
            case .notices: "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM notices"
            case .notifications: "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM regulator_notifications"
            }
        return try connection.query(sql, operation: "number row").first?.integer("next") ?? 1
    }
}

extension SealContext {
    static func report(of reference: CaseReference) -> SealContext { SealContext("report", of: reference) }
    static func reporter(of reference: CaseReference) -> SealContext { SealContext("reporter", of: reference) }
    static func routing(of reference: CaseReference) -> SealContext { SealContext("routing", of: reference) }
    static func handling(of reference: CaseReference) -> SealContext { SealContext("handling", of: reference) }

    /// An action's sealed text is bound to its row's clear columns: editing its times or marking it
    /// done in the file makes it unreadable.
    static func action(of reference: CaseReference, row: Int64, created: Int64, dueDate: String, done: Int64?)
        -> SealContext
    {
        SealContext(
            "action", of: reference,
            details: ["row=\(row)", "created=\(created)", "due=\(dueDate)", "done=\(done.map(String.init) ?? "-")"])
    }

    static func notice(of reference: CaseReference, row: Int64) -> SealContext {
        SealContext("notice", of: reference, details: ["row=\(row)"])
    }

    static func notification(of reference: CaseReference, row: Int64, at: Int64, officer: Int64) -> SealContext {
        SealContext("notification", of: reference, details: ["row=\(row)", "at=\(at)", "officer=\(officer)"])
    }

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
