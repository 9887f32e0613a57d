import Foundation
import Logging

/// Firing the stages of clocks: the scheduler's work. Each stage's notices go into the outbox
/// and the stage is marked fired in the same transaction, so a stage fires exactly once, however
/// often trustd restarts. The due stages are found through an index on the unfired stages' times,
/// so a sweep costs what is due, not what is stored.
extension SQLiteCaseStore {
    public func fireDueStages(at now: Date, limit: Int) async throws -> Int {
        let (sealer, rules) = (self.sealer, self.rules)
        return try await database.write("fire due stages") { connection in
            try Self.fireStages(
                at: now, limit: limit, onlyCase: nil, rules: rules, sealer: sealer, connection: connection)
        }
    }

    public func nextStageTime() async throws -> Date? {
        try await database.perform { connection in
            // In time order through the unfired stages' index; a paused clock's stages wait.
            try connection.query(
                """
                SELECT s.at FROM clock_stages s JOIN clocks k ON k.id = s.clock_id
                WHERE s.fired_at IS NULL AND k.state = 'running' ORDER BY s.at LIMIT 1
                """,
                operation: "find next stage"
            ).first?.date("at")
        }
    }

    /// Fires due stages of running clocks, oldest first. Runs inside the caller's transaction.
    static func fireStages(
        at now: Date, limit: Int, onlyCase caseID: Int64?, rules: CaseRules, sealer: Sealer,
        connection: SQLiteConnection
    ) throws -> Int {
        let due = try connection.query(
            """
            SELECT s.id, s.clock_id, s.sequence, s.kind, s.label, s.at, s.notify, s.repeat_seconds, k.name, k.due_at,
                c.id AS case_id, c.year, c.serial, c.category, c.entity_id, c.routing
            FROM clock_stages s JOIN clocks k ON k.id = s.clock_id JOIN cases c ON c.id = k.case_id
            WHERE s.fired_at IS NULL AND s.at <= ? AND k.state = 'running' AND (? IS NULL OR k.case_id = ?)
            ORDER BY s.at, s.id LIMIT ?
            """,
            [SQLiteValue(now), SQLiteValue(caseID), SQLiteValue(caseID), .integer(Int64(limit))],
            operation: "find due stages")
        for stage in due {
            // Each stage in its own savepoint: one that cannot fire (a damaged row, a case whose
            // entity left the configuration) is marked with its error and logged, and the others
            // still fire. It never blocks the sweeps after it.
            try connection.executeScript("SAVEPOINT stage", operation: "begin stage")
            do {
                try fire(stage, at: now, rules: rules, sealer: sealer, connection: connection)
                try connection.executeScript("RELEASE stage", operation: "end stage")
            } catch {
                try connection.executeScript("ROLLBACK TO stage; RELEASE stage", operation: "undo stage")
                // A full disk is no fault of the stage: the whole sweep fails and is tried again.
                if let failure = error as? SQLiteError, SQLiteDatabase.unavailable(failure) != nil { throw error }
                let stageID = try stage.integer("id")
                try connection.query(
                    "UPDATE clock_stages SET fired_at = ?, error = ? WHERE id = ?",
                    [SQLiteValue(now), .text("\(error)"), .integer(stageID)], operation: "mark stage failed")
                schedulerLogger.error(
                    "a stage could not fire",
                    metadata: [
                        "case": "\((try? reference(from: stage))?.description ?? "?")", "stage": "\(stageID)",
                        "error": "\(error)",
                    ])
            }
        }
        return due.count
    }

    private static func fire(
        _ stage: SQLiteRow, at now: Date, rules: CaseRules, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let row = CaseRow(id: try stage.integer("case_id"), reference: try reference(from: stage))
        let category = try stored(Category.self, stage.text("category"), column: "category")
        let entity = try rules.entity(try stage.text("entity_id"))
        let routing =
            try routing(from: stage, reference: row.reference, sealer: sealer)
            ?? CaseRouter.route(category, concerns: [], entity: entity)
        let clock = try stored(ClockName.self, stage.text("name"), column: "name")
        let kind = try stored(NoticeKind.self, stage.text("kind"), column: "kind")
        let roles = try stage.text("notify").split(separator: ",").map {
            try stored(RecipientRole.self, String($0), column: "notify")
        }
        let actionOwner =
            roles.contains(.actionOwner)
            ? try actionOwner(
                clockID: try stage.integer("clock_id"), reference: row.reference, sealer: sealer, connection: connection
            )
            : nil
        let recipients = CaseRouter.recipients(roles, routing: routing, entity: entity, actionOwner: actionOwner)
        for recipient in recipients {
            try insertNotice(
                NewNotice(kind: kind, clock: clock, due: try stage.date("due_at"), recipient: recipient), on: row,
                at: now, sealer: sealer, connection: connection)
        }
        try connection.query(
            "UPDATE clock_stages SET fired_at = ? WHERE id = ?", [SQLiteValue(now), .integer(try stage.integer("id"))],
            operation: "mark stage fired")
        if let seconds = try stage.optionalInteger("repeat_seconds"), seconds > 0 {
            // The next time after now: after a long stop one overdue notice goes out, not one per missed day.
            let at = try stage.integer("at")
            let skipped = (SQLiteValue.seconds(now) - at) / seconds + 1
            try connection.query(
                """
                INSERT INTO clock_stages (clock_id, sequence, kind, label, at, notify, repeat_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(try stage.integer("clock_id")), .integer(try stage.integer("sequence")),
                    .text(kind.rawValue), .text("\(kind.rawValue), again \(Self.every(seconds))"),
                    .integer(at + skipped * seconds),
                    .text(try stage.text("notify")), .integer(seconds),
                ],
                operation: "plan repeated stage")
        }
        try insertEvent(
            CaseEvent(
                at: now, actor: .system, change: .noticesQueued(clock: clock, kind: kind, recipients: recipients.count)),
            caseID: row.id, reference: row.reference, sealer: sealer, connection: connection)
    }

    /// "every 24 hours", "every 7 days".
    static func every(_ seconds: Int64) -> String {
        let span: ClockSpan = seconds % 86_400 == 0 ? .days(Int(seconds / 86_400)) : .hours(Int(seconds / 3600))
        return "every "
            + span.description.replacingOccurrences(of: "1 day", with: "day")
            .replacingOccurrences(of: "1 hour", with: "hour")
    }

    static func insertNotice(
        _ notice: NewNotice, on row: CaseRow, at now: Date, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let id = try nextRowID(of: .notices, connection: connection)
        try connection.query(
            """
            INSERT INTO notices (id, case_id, kind, clock, due_at, created_at, recipient_key, recipient, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(id), .integer(row.id), .text(notice.kind.rawValue), SQLiteValue(notice.clock?.rawValue),
                SQLiteValue(notice.due), SQLiteValue(now), .blob(sealer.personKey(notice.recipient.contact.email)),
                .blob(try sealer.seal(json: notice.recipient, context: .notice(of: row.reference, row: id))),
                SQLiteValue(now),
            ],
            operation: "queue notice")
    }
}

/// The scheduler's log: stage failures, by case reference and stage id, never content.
let schedulerLogger = Logger(label: "trustcenter.scheduler")

/// A notice about to be queued.
struct NewNotice {
    var kind: NoticeKind
    var clock: ClockName?
    var due: Date?
    var recipient: Recipient
}
