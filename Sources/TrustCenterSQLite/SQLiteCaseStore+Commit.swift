import Foundation
import TrustCenter

/// Writing a batch: each write as one statement (or a few), in one transaction, in order.
extension SQLiteCaseStore {
    @discardableResult
    public func commit(_ writes: [CaseWrite]) async throws -> CommitReceipt {
        try await database.groupedWrite { connection in
            var receipt = CommitReceipt()
            do {
                for write in writes { try Self.apply(write, connection: connection, receipt: &receipt) }
            } catch let error as SQLiteError where error.isConstraintViolation {
                // A unique value taken, or a row another write refers to gone: the batch as read no longer fits.
                throw StoreConflict("unique and referenced values (\(error.message))")
            }
            return receipt
        }
    }

    /// Fails the batch with a conflict unless the last statement changed exactly one row.
    private static func expectOneRow(_ connection: SQLiteConnection, _ expectation: String) throws {
        guard connection.changes == 1 else { throw StoreConflict(expectation) }
    }

    static func apply(_ write: CaseWrite, connection: SQLiteConnection, receipt: inout CommitReceipt) throws {
        switch write {
        case .insertCase(let record, let content, let access):
            let serial = try connection.query(
                """
                INSERT INTO case_serials (year, last) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last
                """,
                [.integer(Int64(record.year))], operation: "number case")
            let reference = CaseReference(year: record.year, serial: Int(try serial.first?.integer("last") ?? 1))
            try connection.query(
                """
                INSERT INTO cases (id, year, serial, category, status, entity_id, received_at, updated_at,
                    follow_up_key_hash, report, reporter, routing, restricted, urgent, awareness_at, handling,
                    sealed_by_id, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(record.id), .integer(Int64(reference.year)), .integer(Int64(reference.serial)),
                    .text(record.category.rawValue), .text(record.status.rawValue), .text(record.entityID),
                    SQLiteValue(record.receivedAt), SQLiteValue(record.updatedAt), .blob(content.followUpKeyHash),
                    .blob(content.report), .blob(content.reporter), SQLiteValue(record.routing),
                    .integer(record.restricted ? 1 : 0), .integer(record.urgent ? 1 : 0),
                    SQLiteValue(record.awarenessAt), SQLiteValue(content.handling),
                    .integer(record.binding == .id ? 1 : 0), .integer(record.version),
                ],
                operation: "insert case")
            try replaceAccess(access, caseID: record.id, connection: connection)
            receipt.references[record.id] = reference
        case .expectVersion(let caseID, let version):
            try connection.query(
                "UPDATE cases SET version = version + 1 WHERE id = ? AND version = ?",
                [.integer(caseID), .integer(version)], operation: "check case version")
            try expectOneRow(connection, "case \(caseID) at version \(version)")
        case .advanceVersion(let caseID):
            try connection.query(
                "UPDATE cases SET version = version + 1 WHERE id = ?", [.integer(caseID)],
                operation: "advance case version")
        case .setCategory(let caseID, let category):
            try updateCase(caseID, "category = ?", .text(category.rawValue), connection: connection)
        case .setStatus(let caseID, let status):
            try updateCase(caseID, "status = ?", .text(status.rawValue), connection: connection)
        case .setRouting(let caseID, let routing, let restricted, let access):
            try connection.query(
                "UPDATE cases SET routing = ?, restricted = ? WHERE id = ?",
                [.blob(routing), .integer(restricted ? 1 : 0), .integer(caseID)], operation: "route case")
            try replaceAccess(access, caseID: caseID, connection: connection)
        case .setAwareness(let caseID, let awareness):
            try updateCase(caseID, "awareness_at = ?", SQLiteValue(awareness), connection: connection)
        case .setHandling(let caseID, let handling):
            try updateCase(caseID, "handling = ?", .blob(handling), connection: connection)
        case .setUpdatedAt(let caseID, let date):
            try updateCase(caseID, "updated_at = ?", SQLiteValue(date), connection: connection)
        case .insertEvent(let event):
            try connection.query(
                "INSERT INTO case_events (id, case_id, at, kind, actor, officer_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    .integer(event.id), .integer(event.caseID), SQLiteValue(event.at), .text(event.kind),
                    .text(event.actor.name), SQLiteValue(event.actor.officerID), .blob(event.detail),
                ],
                operation: "record event")
        case .insertNote(let note):
            try connection.query(
                "INSERT INTO case_notes (id, case_id, officer_id, at, body) VALUES (?, ?, ?, ?, ?)",
                [
                    .integer(note.id), .integer(note.caseID), .integer(note.officerID), SQLiteValue(note.at),
                    .blob(note.body),
                ],
                operation: "add note")
        case .insertMessage(let message):
            try connection.query(
                "INSERT INTO case_messages (id, case_id, direction, officer_id, at, body) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .integer(message.id), .integer(message.caseID), .text(message.direction.rawValue),
                    SQLiteValue(message.officerID), SQLiteValue(message.at), .blob(message.body),
                ],
                operation: "add message")
        case .insertClock(let clock):
            try connection.query(
                """
                INSERT INTO clocks (id, case_id, name, state, started_at, due_at, due_date, extended, paused_at,
                    paused_days, ended_at, action_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.integer(clock.id), .integer(clock.caseID), .text(clock.name.rawValue)] + clockValues(clock)
                    + [SQLiteValue(clock.actionID)],
                operation: "start clock")
        case .updateClock(let clock):
            try connection.query(
                """
                UPDATE clocks SET state = ?, started_at = ?, due_at = ?, due_date = ?, extended = ?, paused_at = ?,
                    paused_days = ?, ended_at = ?
                WHERE id = ?
                """,
                clockValues(clock) + [.integer(clock.id)], operation: "update clock")
        case .insertStage(let stage):
            try connection.query(
                """
                INSERT INTO clock_stages (id, clock_id, sequence, kind, label, at, notify, repeat_seconds, fired_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(stage.id), .integer(stage.clockID), .integer(Int64(stage.sequence)),
                    .text(stage.kind.rawValue), .text(stage.label), SQLiteValue(stage.at),
                    .text(stage.notify.map(\.rawValue).joined(separator: ",")),
                    SQLiteValue(stage.repeatSeconds.map(Int64.init)), SQLiteValue(stage.firedAt),
                    SQLiteValue(stage.error),
                ],
                operation: "plan stage")
        case .removeUnfiredStages(let clockID):
            try connection.query(
                "DELETE FROM clock_stages WHERE clock_id = ? AND fired_at IS NULL", [.integer(clockID)],
                operation: "cancel stages")
        case .markStageFired(let stageID, let date, let error):
            try connection.query(
                "UPDATE clock_stages SET fired_at = ?, error = ? WHERE id = ? AND fired_at IS NULL",
                [SQLiteValue(date), SQLiteValue(error), .integer(stageID)], operation: "mark stage fired")
            try expectOneRow(connection, "stage \(stageID) unfired")
        case .insertNotice(let notice):
            try connection.query(
                """
                INSERT INTO notices (id, case_id, kind, clock, due_at, created_at, recipient_key, recipient, delivery,
                    attempts, next_attempt_at, last_reply, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(notice.id), .integer(notice.caseID), .text(notice.kind.rawValue),
                    SQLiteValue(notice.clock?.rawValue), SQLiteValue(notice.dueAt), SQLiteValue(notice.createdAt),
                    .blob(notice.recipientKey), .blob(notice.recipient), .text(notice.delivery.rawValue),
                    .integer(Int64(notice.attempts)), SQLiteValue(notice.nextAttemptAt), SQLiteValue(notice.lastReply),
                    SQLiteValue(notice.sentAt),
                ],
                operation: "queue notice")
        case .insertNotification(let notification):
            try connection.query(
                """
                INSERT INTO regulator_notifications (id, case_id, stage, notified_at, officer_id, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(notification.id), .integer(notification.caseID), .text(notification.stage.rawValue),
                    SQLiteValue(notification.notifiedAt), .integer(notification.officerID), .blob(notification.detail),
                ],
                operation: "record notification")
        case .insertAction(let action):
            try connection.query(
                """
                INSERT INTO case_actions (id, case_id, owner_key, due_date, due_at, created_at, done_at, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(action.id), .integer(action.caseID), .blob(action.ownerKey),
                    .text(action.dueDate.description), SQLiteValue(action.dueAt), SQLiteValue(action.createdAt),
                    SQLiteValue(action.doneAt), .blob(action.detail),
                ],
                operation: "add action")
        case .completeAction(let id, let doneAt, let detail):
            try connection.query(
                "UPDATE case_actions SET done_at = ?, detail = ? WHERE id = ? AND done_at IS NULL",
                [SQLiteValue(doneAt), .blob(detail), .integer(id)], operation: "complete action")
            try expectOneRow(connection, "action \(id) open")
        case .recordDelivery(let id, let delivery, let counts, let next, let reply, let sentAt):
            try connection.query(
                """
                UPDATE notices SET delivery = ?, attempts = attempts + ?, last_reply = ?, next_attempt_at = ?,
                    sent_at = ? WHERE id = ?
                """,
                [
                    .text(delivery.rawValue), .integer(counts ? 1 : 0), .text(reply), SQLiteValue(next),
                    SQLiteValue(sentAt), .integer(id),
                ],
                operation: "record delivery")
        case .postponeDeliveries(let id, let until):
            try connection.query(
                """
                UPDATE notices SET next_attempt_at = ?
                WHERE delivery = 'pending' AND next_attempt_at < ? AND (? IS NULL OR id = ?)
                """,
                [SQLiteValue(until), SQLiteValue(until), SQLiteValue(id), SQLiteValue(id)],
                operation: "postpone deliveries")
        case .releaseClaim(let id, let dueAt):
            try connection.query(
                "UPDATE notices SET next_attempt_at = ? WHERE id = ? AND delivery = 'pending'",
                [SQLiteValue(dueAt), .integer(id)], operation: "release claim")
        case .retryNotice(let id, let date):
            try connection.query(
                "UPDATE notices SET delivery = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND delivery = 'failed'",
                [SQLiteValue(date), .integer(id)], operation: "retry notice")
            try expectOneRow(connection, "notice \(id) failed")
        case .upsertEntity(let entity):
            try connection.query(
                """
                INSERT INTO entities (id, name, country, time_zone) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country,
                    time_zone = excluded.time_zone
                """,
                [.text(entity.id), .text(entity.name), .text(entity.country.rawValue), .text(entity.timeZone)],
                operation: "sync entity")
        case .insertOfficer(let name, let email, let role, let tokenHash, let createdAt):
            try connection.query(
                "INSERT INTO officers (name, email, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                [.text(name), .text(email), .text(role.rawValue), .blob(tokenHash), SQLiteValue(createdAt)],
                operation: "add officer")
            receipt.officerIDs[email] = connection.lastInsertRowID
        case .revokeOfficer(let id, let date):
            try connection.query(
                "UPDATE officers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                [SQLiteValue(date), .integer(id)], operation: "revoke officer")
        case .setOfficerToken(let id, let tokenHash):
            try connection.query(
                "UPDATE officers SET token_hash = ? WHERE id = ?", [.blob(tokenHash), .integer(id)],
                operation: "replace token")
        case .setMark(let name, let value):
            if let value {
                try connection.query(
                    "INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    [.text(name), .blob(value)], operation: "set mark")
            } else {
                try connection.query("DELETE FROM store_meta WHERE name = ?", [.text(name)], operation: "clear mark")
            }
        }
    }

    /// One column of a case row; the SQL text is one of the fixed assignments above.
    private static func updateCase(
        _ caseID: Int64, _ assignment: String, _ value: SQLiteValue, connection: SQLiteConnection
    )
        throws
    {
        try connection.query(
            "UPDATE cases SET " + assignment + " WHERE id = ?", [value, .integer(caseID)], operation: "update case")
        try expectOneRow(connection, "case \(caseID)")
    }

    private static func clockValues(_ clock: ClockRecord) -> [SQLiteValue] {
        [
            .text(clock.state.rawValue), SQLiteValue(clock.startedAt), SQLiteValue(clock.dueAt),
            SQLiteValue(clock.dueDate?.description), .integer(clock.extended ? 1 : 0), SQLiteValue(clock.pausedAt),
            .integer(Int64(clock.pausedDays)), SQLiteValue(clock.endedAt),
        ]
    }

    private static func replaceAccess(_ access: [AccessRecord], caseID: Int64, connection: SQLiteConnection) throws {
        try connection.query(
            "DELETE FROM case_access WHERE case_id = ?", [.integer(caseID)], operation: "reset case access")
        for person in access {
            try connection.query(
                "INSERT INTO case_access (case_id, person_key, excluded) VALUES (?, ?, ?)",
                [.integer(caseID), .blob(person.personKey), .integer(person.excluded ? 1 : 0)],
                operation: "grant case access")
        }
    }
}
