import Foundation

/// Applying an officer's change: the core works out the update, and it is written here in one
/// transaction with its events and any notices that fall due at once.
extension SQLiteCaseStore {
    public func apply(
        _ change: CaseChange, to reference: CaseReference, by officer: OfficerSummary, viewer: CaseViewer,
        at date: Date
    ) async throws -> CaseFile {
        let (sealer, rules) = (self.sealer, self.rules)
        return try await database.perform { connection in
            try connection.transaction("change case") {
                try Self.requireVisible(reference, to: viewer, sealer: sealer, connection: connection)
                let (row, state) = try Self.loadState(reference, rules: rules, sealer: sealer, connection: connection)
                let update = try change.update(for: state, rules: rules, by: officer, at: date)
                try Self.write(update, to: row, by: officer, at: date, sealer: sealer, connection: connection)
                for event in update.events {
                    try Self.insertEvent(
                        CaseEvent(at: date, actor: .officer(officer), change: event), caseID: row.id,
                        reference: reference, sealer: sealer, connection: connection)
                }
                try Self.touch(row.id, at: date, connection: connection)
                _ = try Self.fireStages(
                    at: date, limit: 100, onlyCase: row.id, rules: rules, sealer: sealer, connection: connection)
            }
            return try Self.loadCaseFile(reference, sealer: sealer, connection: connection)
        }
    }

    static func write(
        _ update: CaseUpdate, to row: CaseRow, by officer: OfficerSummary, at date: Date, sealer: Sealer,
        connection: SQLiteConnection
    ) throws {
        if let category = update.category {
            try connection.query(
                "UPDATE cases SET category = ? WHERE id = ?", [.text(category.rawValue), .integer(row.id)],
                operation: "classify case")
        }
        if let status = update.status {
            try connection.query(
                "UPDATE cases SET status = ? WHERE id = ?", [.text(status.rawValue), .integer(row.id)],
                operation: "set case status")
        }
        if let routing = update.routing {
            try connection.query(
                "UPDATE cases SET routing = ? WHERE id = ?",
                [.blob(try sealer.seal(json: routing, context: .routing(of: row.reference))), .integer(row.id)],
                operation: "route case")
            try recordAccess(for: routing, on: row, sealer: sealer, connection: connection)
        }
        if let awareness = update.awarenessAt {
            try connection.query(
                "UPDATE cases SET awareness_at = ? WHERE id = ?", [SQLiteValue(awareness), .integer(row.id)],
                operation: "set awareness")
        }
        for ended in update.endedClocks {
            try endClock(ended.clock, as: ended.state, at: date, caseID: row.id, connection: connection)
        }
        for change in update.pausedClocks {
            try setPaused(change.paused, change.clock, at: date, caseID: row.id, connection: connection)
        }
        for plan in update.replannedClocks {
            try replanClock(plan, caseID: row.id, connection: connection)
        }
        for plan in update.startedClocks {
            try insertClock(plan, caseID: row.id, connection: connection)
        }
        if let notification = update.notification {
            try insertNotification(notification, on: row, sealer: sealer, connection: connection)
        }
        if let text = update.message {
            try insertMessage(
                text, direction: .toReporter, officer: officer.id, caseID: row.id, reference: row.reference, at: date,
                sealer: sealer, connection: connection)
        }
        if let handling = update.handling {
            try writeHandling(handling, of: row, sealer: sealer, connection: connection)
        }
        if let action = update.addedAction {
            let id = try insertAction(action, on: row, by: officer, at: date, sealer: sealer, connection: connection)
            try insertEvent(
                CaseEvent(
                    at: date, actor: .officer(officer), change: .actionAdded(id: id, due: action.clock.deadline.due)),
                caseID: row.id, reference: row.reference, sealer: sealer, connection: connection)
        }
        if let done = update.completedAction {
            try completeAction(
                done.id, note: done.note, on: row, by: officer, at: date, sealer: sealer, connection: connection)
        }
        if let text = update.note {
            let id = try nextRowID(of: .notes, connection: connection)
            let context = SealContext.note(
                of: row.reference, row: id, at: SQLiteValue.seconds(date), officer: officer.id)
            try connection.query(
                "INSERT INTO case_notes (id, case_id, officer_id, at, body) VALUES (?, ?, ?, ?, ?)",
                [
                    .integer(id), .integer(row.id), .integer(officer.id), SQLiteValue(date),
                    .blob(try sealer.seal(json: text, context: context)),
                ],
                operation: "add note")
        }
    }
}
