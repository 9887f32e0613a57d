import Foundation

/// A case's clocks and stages, and its notifications to the authority.
extension SQLiteCaseStore {
    static func insertClock(_ plan: ClockPlan, caseID: Int64, actionID: Int64? = nil, connection: SQLiteConnection)
        throws
    {
        try connection.query(
            """
            INSERT INTO clocks (case_id, name, state, started_at, due_at, due_date, extended, paused_days, action_id)
            VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(caseID), .text(plan.clock.rawValue), SQLiteValue(plan.startedAt),
                SQLiteValue(plan.deadline.due), SQLiteValue(plan.deadline.dueDate?.description),
                .integer(plan.extended ? 1 : 0), .integer(Int64(plan.pausedDays)), SQLiteValue(actionID),
            ],
            operation: "start clock")
        try insertStages(plan.stages, clockID: connection.lastInsertRowID, connection: connection)
    }

    static func insertStages(_ stages: [PlannedStage], clockID: Int64, connection: SQLiteConnection) throws {
        for stage in stages {
            try insertStage(stage, at: stage.at, clockID: clockID, connection: connection)
        }
    }

    static func insertStage(_ stage: PlannedStage, at: Date, clockID: Int64, connection: SQLiteConnection) throws {
        try connection.query(
            """
            INSERT INTO clock_stages (clock_id, sequence, kind, label, at, notify, repeat_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(clockID), .integer(Int64(stage.sequence)), .text(stage.kind.rawValue), .text(stage.label),
                SQLiteValue(at), .text(stage.notify.map(\.rawValue).joined(separator: ",")),
                SQLiteValue(stage.repeatEvery.map { Int64($0.seconds) }),
            ],
            operation: "plan stage")
    }

    /// The running clock of this name on the case, by row id; an action's clock only by its action.
    static func runningClockID(
        _ name: ClockName, caseID: Int64, actionID: Int64? = nil, connection: SQLiteConnection
    ) throws -> Int64? {
        try connection.query(
            """
            SELECT id FROM clocks WHERE case_id = ? AND name = ? AND state IN ('running', 'paused')
                AND action_id IS ?
            """,
            [.integer(caseID), .text(name.rawValue), SQLiteValue(actionID)], operation: "find running clock"
        ).first?.integer("id")
    }

    /// Ends a running clock; its stages that have not fired never will.
    static func endClock(
        _ name: ClockName, as state: ClockState, at date: Date, caseID: Int64, actionID: Int64? = nil,
        connection: SQLiteConnection
    )
        throws
    {
        guard let clockID = try runningClockID(name, caseID: caseID, actionID: actionID, connection: connection)
        else { return }
        try connection.query(
            "DELETE FROM clock_stages WHERE clock_id = ? AND fired_at IS NULL", [.integer(clockID)],
            operation: "cancel stages")
        try connection.query(
            "UPDATE clocks SET state = ?, ended_at = ? WHERE id = ?",
            [.text(state.rawValue), SQLiteValue(date), .integer(clockID)], operation: "end clock")
    }

    /// Pauses a running clock (its stages wait) or lets a paused one run again.
    static func setPaused(_ paused: Bool, _ name: ClockName, at date: Date, caseID: Int64, connection: SQLiteConnection)
        throws
    {
        guard let clockID = try runningClockID(name, caseID: caseID, connection: connection) else { return }
        try connection.query(
            "UPDATE clocks SET state = ?, paused_at = ? WHERE id = ?",
            [.text(paused ? "paused" : "running"), paused ? SQLiteValue(date) : .null, .integer(clockID)],
            operation: paused ? "pause clock" : "resume clock")
    }

    /// Works a running clock out again (new start, extension, pause): a stage that fired for a
    /// time at or after its new time stays fired, and a repeating one goes on from its last
    /// firing; every other stage is planned for its new time, so a deadline moved later gets its
    /// reminders again.
    static func replanClock(_ plan: ClockPlan, caseID: Int64, connection: SQLiteConnection) throws {
        guard let clockID = try runningClockID(plan.clock, caseID: caseID, connection: connection) else { return }
        try connection.query(
            "UPDATE clocks SET started_at = ?, due_at = ?, due_date = ?, extended = ?, paused_days = ? WHERE id = ?",
            [
                SQLiteValue(plan.startedAt), SQLiteValue(plan.deadline.due),
                SQLiteValue(plan.deadline.dueDate?.description), .integer(plan.extended ? 1 : 0),
                .integer(Int64(plan.pausedDays)), .integer(clockID),
            ],
            operation: "replan clock")
        try connection.query(
            "DELETE FROM clock_stages WHERE clock_id = ? AND fired_at IS NULL", [.integer(clockID)],
            operation: "replan stages")
        var lastFired: [Int: Date] = [:]
        for row in try connection.query(
            "SELECT sequence, MAX(at) AS at FROM clock_stages WHERE clock_id = ? AND error IS NULL GROUP BY sequence",
            [.integer(clockID)], operation: "read fired stages")
        {
            lastFired[Int(try row.integer("sequence"))] = try row.date("at")
        }
        for stage in plan.stages {
            guard let last = lastFired[stage.sequence], stage.at <= last else {
                try insertStage(stage, at: stage.at, clockID: clockID, connection: connection)
                continue
            }
            if let every = stage.repeatEvery?.seconds, every > 0 {
                let periods = Int(last.timeIntervalSince(stage.at)) / every + 1
                try insertStage(
                    stage, at: stage.at.addingTimeInterval(TimeInterval(periods * every)), clockID: clockID,
                    connection: connection)
            }
        }
    }

    static func loadClocks(caseID: Int64, connection: SQLiteConnection) throws -> [CaseClock] {
        let clocks = try connection.query(
            """
            SELECT id, name, state, started_at, due_at, due_date, extended, paused_at, paused_days, ended_at, action_id
            FROM clocks
            WHERE case_id = ? ORDER BY id
            """,
            [.integer(caseID)], operation: "read clocks")
        let stages = try connection.query(
            """
            SELECT s.clock_id, s.kind, s.label, s.at, s.fired_at, s.error FROM clock_stages s
            JOIN clocks k ON k.id = s.clock_id WHERE k.case_id = ? ORDER BY s.at, s.id
            """,
            [.integer(caseID)], operation: "read stages")
        return try clocks.map { row in
            let id = try row.integer("id")
            return CaseClock(
                clock: try stored(ClockName.self, row.text("name"), column: "name"),
                state: try stored(ClockState.self, row.text("state"), column: "state"),
                startedAt: try row.date("started_at"), due: try row.date("due_at"),
                dueDate: try row.optionalText("due_date").flatMap(LocalDate.init),
                extended: try row.integer("extended") != 0, pausedAt: try row.optionalDate("paused_at"),
                pausedDays: Int(try row.integer("paused_days")), endedAt: try row.optionalDate("ended_at"),
                actionID: try row.optionalInteger("action_id"),
                stages: try stages.filter { try $0.integer("clock_id") == id }.map { stage in
                    ClockStage(
                        kind: try stored(NoticeKind.self, stage.text("kind"), column: "kind"),
                        label: try stage.text("label"), at: try stage.date("at"),
                        firedAt: try stage.optionalDate("fired_at"), error: try stage.optionalText("error"))
                })
        }
    }

    static func insertNotification(
        _ notification: RegulatorNotification, on row: CaseRow, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let id = try nextRowID(of: .notifications, connection: connection)
        let at = SQLiteValue.seconds(notification.notifiedAt)
        let context = SealContext.notification(
            of: row.reference, row: id, at: at, officer: notification.recordedBy.id)
        try connection.query(
            """
            INSERT INTO regulator_notifications (id, case_id, stage, notified_at, officer_id, detail)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(id), .integer(row.id), .text(notification.stage.rawValue), .integer(at),
                .integer(notification.recordedBy.id),
                .blob(try sealer.seal(json: NotificationDetail(notification), context: context)),
            ],
            operation: "record notification")
    }

    static func loadNotifications(of row: CaseRow, sealer: Sealer, connection: SQLiteConnection) throws
        -> [RegulatorNotification]
    {
        try connection.query(
            """
            SELECT r.id, r.stage, r.notified_at, r.detail, o.id AS officer_id, o.name, o.email
            FROM regulator_notifications r JOIN officers o ON o.id = r.officer_id
            WHERE r.case_id = ? ORDER BY r.notified_at, r.id
            """,
            [.integer(row.id)], operation: "read notifications"
        ).map { item in
            let context = SealContext.notification(
                of: row.reference, row: try item.integer("id"), at: try item.integer("notified_at"),
                officer: try item.integer("officer_id"))
            let detail = try sealer.open(json: NotificationDetail.self, from: item.blob("detail"), context: context)
            return RegulatorNotification(
                stage: try stored(NotificationStage.self, item.text("stage"), column: "stage"),
                notifiedAt: try item.date("notified_at"), authority: detail.authority,
                authorityReference: detail.authorityReference, lateReason: detail.lateReason,
                recordedBy: try officerSummary(item))
        }
    }
}

/// The sealed part of a notification row.
struct NotificationDetail: Codable {
    var authority: String
    var authorityReference: String
    var lateReason: String?

    init(_ notification: RegulatorNotification) {
        authority = notification.authority
        authorityReference = notification.authorityReference
        lateReason = notification.lateReason
    }
}
