import Foundation
import TrustCenter

/// Reading records back, by clear index columns. Each filter is "(? IS NULL OR column = ?)" and
/// access is `accessCondition`, so every SQL text is fixed and every value bound.
extension SQLiteCaseStore {
    public func storedCase(_ reference: CaseReference) async throws -> StoredCase? {
        try await database.read { connection in
            let rows = try connection.query(
                "SELECT " + Self.caseColumns
                    + ", c.follow_up_key_hash, c.report, c.reporter, c.handling FROM cases c WHERE c.year = ? AND c.serial = ?",
                [.integer(Int64(reference.year)), .integer(Int64(reference.serial))], operation: "read case")
            guard let row = rows.first else { return nil }
            let record = try Self.caseRecord(row)
            let id = SQLiteValue.integer(record.id)
            let officers = try connection.query(
                """
                SELECT id, name, email FROM officers WHERE id IN (
                    SELECT officer_id FROM case_events WHERE case_id = ?1
                    UNION SELECT officer_id FROM case_notes WHERE case_id = ?1
                    UNION SELECT officer_id FROM case_messages WHERE case_id = ?1
                    UNION SELECT officer_id FROM regulator_notifications WHERE case_id = ?1)
                """,
                [id], operation: "read officers of case")
            return StoredCase(
                record: record,
                content: CaseContent(
                    followUpKeyHash: try row.blob("follow_up_key_hash"), report: try row.blob("report"),
                    reporter: try row.blob("reporter"), handling: try row.optionalBlob("handling")),
                access: try Self.access(of: record.id, connection: connection),
                clocks: try connection.query(
                    "SELECT " + Self.clockColumns + " FROM clocks k WHERE k.case_id = ? ORDER BY k.id", [id],
                    operation: "read clocks"
                ).map(Self.clockRecord),
                stages: try connection.query(
                    "SELECT " + Self.stageColumns
                        + " FROM clock_stages s JOIN clocks k ON k.id = s.clock_id WHERE k.case_id = ? ORDER BY s.at, s.id",
                    [id], operation: "read stages"
                ).map(Self.stageRecord),
                events: try connection.query(
                    "SELECT id, at, kind, actor, officer_id, detail FROM case_events WHERE case_id = ? ORDER BY id",
                    [id],
                    operation: "read events"
                ).map { row in
                    EventRecord(
                        id: try row.integer("id"), caseID: record.id, at: try row.date("at"),
                        kind: try row.text("kind"),
                        actor: try Self.actor(row.text("actor"), officer: row.optionalInteger("officer_id")),
                        detail: try row.blob("detail"))
                },
                notes: try connection.query(
                    "SELECT id, officer_id, at, body FROM case_notes WHERE case_id = ? ORDER BY id", [id],
                    operation: "read notes"
                ).map { row in
                    NoteRecord(
                        id: try row.integer("id"), caseID: record.id, officerID: try row.integer("officer_id"),
                        at: try row.date("at"), body: try row.blob("body"))
                },
                messages: try connection.query(
                    "SELECT id, direction, officer_id, at, body FROM case_messages WHERE case_id = ? ORDER BY id", [id],
                    operation: "read messages"
                ).map { row in
                    MessageRecord(
                        id: try row.integer("id"), caseID: record.id,
                        direction: try Self.stored(
                            CaseMessage.Direction.self, row.text("direction"), column: "direction"),
                        officerID: try row.optionalInteger("officer_id"), at: try row.date("at"),
                        body: try row.blob("body"))
                },
                notifications: try connection.query(
                    """
                    SELECT id, stage, notified_at, officer_id, detail FROM regulator_notifications
                    WHERE case_id = ? ORDER BY notified_at, id
                    """,
                    [id], operation: "read notifications"
                ).map { row in
                    NotificationRecord(
                        id: try row.integer("id"), caseID: record.id,
                        stage: try Self.stored(NotificationStage.self, row.text("stage"), column: "stage"),
                        notifiedAt: try row.date("notified_at"), officerID: try row.integer("officer_id"),
                        detail: try row.blob("detail"))
                },
                actions: try connection.query(
                    "SELECT " + Self.actionColumns + " FROM case_actions a WHERE a.case_id = ? ORDER BY a.id", [id],
                    operation: "read actions"
                ).map(Self.actionRecord),
                officers: Dictionary(
                    uniqueKeysWithValues: try officers.map { row in
                        let id = try row.integer("id")
                        return (id, OfficerSummary(id: id, name: try row.text("name"), email: try row.text("email")))
                    }))
        }
    }

    static func actor(_ name: String, officer: Int64?) throws -> ActorRecord {
        switch (name, officer) {
        case ("reporter", _): return .reporter
        case ("system", _): return .system
        case ("officer", let id?): return .officer(id)
        default: throw RowError(column: "actor", problem: "has unknown value")
        }
    }

    static func access(of caseID: Int64, connection: SQLiteConnection) throws -> [AccessRecord] {
        try connection.query(
            "SELECT person_key, excluded FROM case_access WHERE case_id = ? ORDER BY person_key", [.integer(caseID)],
            operation: "read case access"
        ).map { AccessRecord(personKey: try $0.blob("person_key"), excluded: try $0.integer("excluded") != 0) }
    }

    public func caseRecord(_ reference: CaseReference) async throws -> (CaseRecord, [AccessRecord])? {
        try await database.read { connection in
            guard
                let row = try connection.query(
                    "SELECT " + Self.caseColumns + " FROM cases c WHERE c.year = ? AND c.serial = ?",
                    [.integer(Int64(reference.year)), .integer(Int64(reference.serial))], operation: "read case"
                ).first
            else { return nil }
            let record = try Self.caseRecord(row)
            return (record, try Self.access(of: record.id, connection: connection))
        }
    }

    public func caseReference(followUpKeyHash: Data) async throws -> CaseReference? {
        try await database.read { connection in
            try connection.query(
                "SELECT year, serial FROM cases WHERE follow_up_key_hash = ?", [.blob(followUpKeyHash)],
                operation: "find case by follow-up key"
            ).first.map { CaseReference(year: Int(try $0.integer("year")), serial: Int(try $0.integer("serial"))) }
        }
    }

    public func caseRecords(_ query: CaseRecordQuery) async throws -> (records: [CaseRecord], total: Int) {
        try await database.read { connection in
            let filters: [SQLiteValue] =
                [
                    SQLiteValue(query.status?.rawValue), SQLiteValue(query.status?.rawValue),
                    SQLiteValue(query.category?.rawValue), SQLiteValue(query.category?.rawValue),
                    SQLiteValue(query.entityID), SQLiteValue(query.entityID),
                ] + Self.bindings(query.access)
            let condition = """
                (? IS NULL OR c.status = ?) AND (? IS NULL OR c.category = ?) AND (? IS NULL OR c.entity_id = ?)
                AND
                """ + " " + Self.accessCondition
            let total = try connection.query(
                "SELECT COUNT(*) AS total FROM cases c WHERE " + condition, filters, operation: "count cases")
            let rows = try connection.query(
                "SELECT " + Self.caseColumns + " FROM cases c WHERE " + condition
                    + " ORDER BY c.received_at DESC, c.id DESC LIMIT ? OFFSET ?",
                filters + [.integer(Int64(query.limit)), .integer(Int64(query.offset))], operation: "list cases")
            return (try rows.map(Self.caseRecord), Int(try total.first?.integer("total") ?? 0))
        }
    }

    public func breachReferences(access: AccessFilter, from: Date, until: Date, limit: Int) async throws
        -> [CaseReference]
    {
        try await database.read { connection in
            try connection.query(
                """
                SELECT c.year, c.serial FROM cases c
                WHERE c.category = 'breach' AND COALESCE(c.awareness_at, c.received_at) >= ?
                    AND COALESCE(c.awareness_at, c.received_at) < ? AND
                """ + " " + Self.accessCondition + " ORDER BY COALESCE(c.awareness_at, c.received_at), c.id LIMIT ?",
                [SQLiteValue(from), SQLiteValue(until)] + Self.bindings(access) + [.integer(Int64(limit))],
                operation: "list breaches"
            ).map { CaseReference(year: Int(try $0.integer("year")), serial: Int(try $0.integer("serial"))) }
        }
    }

    public func unroutedCases() async throws -> [CaseReference] {
        try await database.read { connection in
            try connection.query(
                "SELECT year, serial FROM cases WHERE routing IS NULL ORDER BY id",
                operation: "find cases without routing"
            ).map { CaseReference(year: Int(try $0.integer("year")), serial: Int(try $0.integer("serial"))) }
        }
    }

    public func entityIDsInUse() async throws -> Set<String> {
        try await database.read { connection in
            // Entities are never deleted, so each one is looked up once, by index.
            var used = Set<String>()
            for row in try connection.query("SELECT id FROM entities", operation: "read entities") {
                let id = try row.text("id")
                let cases = try connection.query(
                    "SELECT 1 AS used FROM cases WHERE entity_id = ? LIMIT 1", [.text(id)],
                    operation: "find cases of entity")
                if !cases.isEmpty { used.insert(id) }
            }
            return used
        }
    }

    public func clockRecords(_ query: ClockRecordQuery) async throws -> [WithCase<ClockRecord>] {
        try await database.read { connection in
            // Walks the running clocks in due order through their partial index, from the soonest
            // (or from after the position given) and only up to `dueBefore`.
            try connection.query(
                "SELECT " + Self.clockColumns + ", " + Self.caseColumns
                    + """
                     FROM clocks k JOIN cases c ON c.id = k.case_id
                    WHERE k.state IN ('running', 'paused') AND k.due_at < ?
                        AND (? IS NULL OR k.due_at > ? OR (k.due_at = ? AND k.id > ?)) AND
                    """ + " " + Self.accessCondition + " ORDER BY k.due_at, k.id LIMIT ? OFFSET ?",
                [
                    SQLiteValue(query.dueBefore), SQLiteValue(query.after?.due), SQLiteValue(query.after?.due),
                    SQLiteValue(query.after?.due), SQLiteValue(query.after?.clockID),
                ] + Self.bindings(query.access) + [.integer(Int64(query.limit)), .integer(Int64(query.offset))],
                operation: "list deadlines"
            ).map { WithCase(try Self.clockRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    public func dueStages(at now: Date, limit: Int) async throws -> DueStages {
        try await database.read { connection in
            var due = DueStages(stages: [])
            for row in try connection.query(
                "SELECT " + Self.stageColumns + ", " + Self.clockColumns + ", " + Self.caseColumns + ", "
                    + Self.actionColumns
                        + """
                         FROM clock_stages s JOIN clocks k ON k.id = s.clock_id JOIN cases c ON c.id = k.case_id
                            LEFT JOIN case_actions a ON a.id = k.action_id
                        WHERE s.fired_at IS NULL AND s.at <= ? AND k.state = 'running'
                        ORDER BY s.at, s.id LIMIT ?
                        """,
                [SQLiteValue(now), .integer(Int64(limit))], operation: "find due stages")
            {
                do {
                    due.stages.append(
                        DueStage(
                            stage: try Self.stageRecord(row), clock: try Self.clockRecord(row),
                            caseRecord: try Self.caseRecord(row),
                            action: try row.optionalInteger("a_id") == nil ? nil : try Self.actionRecord(row)))
                } catch let error as RowError {
                    due.unreadable.append(
                        UnreadableStage(
                            stageID: try row.integer("s_id"), caseID: try row.integer("c_id"), problem: "\(error)"))
                }
            }
            return due
        }
    }

    public func nextStageTime() async throws -> Date? {
        try await database.read { connection in
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

    public func openActions(access: AccessFilter, dueBefore: Date, limit: Int) async throws
        -> [WithCase<ActionRecord>]
    {
        try await database.read { connection in
            try connection.query(
                "SELECT " + Self.actionColumns + ", " + Self.caseColumns
                    + " FROM case_actions a JOIN cases c ON c.id = a.case_id WHERE a.done_at IS NULL AND a.due_at < ? AND "
                    + Self.accessCondition + " ORDER BY a.due_at, a.id LIMIT ?",
                [SQLiteValue(dueBefore)] + Self.bindings(access) + [.integer(Int64(limit))], operation: "list actions"
            ).map { WithCase(try Self.actionRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    public func action(_ id: Int64, access: AccessFilter) async throws -> WithCase<ActionRecord>? {
        try await database.read { connection in
            try connection.query(
                "SELECT " + Self.actionColumns + ", " + Self.caseColumns
                    + " FROM case_actions a JOIN cases c ON c.id = a.case_id WHERE a.id = ? AND "
                    + Self.accessCondition,
                [.integer(id)] + Self.bindings(access), operation: "find action"
            ).first.map { WithCase(try Self.actionRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    static let noticeSelect =
        "SELECT " + noticeColumns + ", " + caseColumns + " FROM notices n JOIN cases c ON c.id = n.case_id"

    public func noticeRecords(_ query: NoticeRecordQuery) async throws -> [WithCase<NoticeRecord>] {
        try await database.read { connection in
            try connection.query(
                Self.noticeSelect + " WHERE (? IS NULL OR n.delivery = ?) AND (n.recipient_key = ? OR (? = 1 AND "
                    + Self.accessCondition + ")) ORDER BY n.id DESC LIMIT ?",
                [
                    SQLiteValue(query.delivery?.rawValue), SQLiteValue(query.delivery?.rawValue),
                    .blob(query.recipientKey), .integer(query.alsoVisible == nil ? 0 : 1),
                ] + Self.bindings(query.alsoVisible ?? .everything) + [.integer(Int64(query.limit))],
                operation: "list notices"
            ).map { WithCase(try Self.noticeRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    public func notice(_ id: Int64, recipientKey: Data, access: AccessFilter) async throws -> WithCase<NoticeRecord>? {
        try await database.read { connection in
            try connection.query(
                Self.noticeSelect + " WHERE n.id = ? AND (n.recipient_key = ? OR " + Self.accessCondition + ")",
                [.integer(id), .blob(recipientKey)] + Self.bindings(access), operation: "find notice"
            ).first.map { WithCase(try Self.noticeRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    public func claimNotices(at now: Date, leaseUntil: Date, limit: Int) async throws -> [WithCase<NoticeRecord>] {
        try await database.write("claim notices") { connection in
            let rows = try connection.query(
                Self.noticeSelect
                    + " WHERE n.delivery = 'pending' AND n.next_attempt_at <= ? ORDER BY n.next_attempt_at, n.id LIMIT ?",
                [SQLiteValue(now), .integer(Int64(limit))], operation: "find notices to deliver")
            for row in rows {
                try connection.query(
                    "UPDATE notices SET next_attempt_at = ? WHERE id = ?",
                    [SQLiteValue(leaseUntil), .integer(try row.integer("n_id"))], operation: "claim notice")
            }
            return try rows.map { WithCase(try Self.noticeRecord($0), of: try Self.caseRecord($0)) }
        }
    }

    public func nextDeliveryTime() async throws -> Date? {
        try await database.read { connection in
            try connection.query(
                "SELECT next_attempt_at FROM notices WHERE delivery = 'pending' ORDER BY next_attempt_at LIMIT 1",
                operation: "find next delivery"
            ).first?.optionalDate("next_attempt_at")
        }
    }

    public func officers() async throws -> [OfficerCredential] {
        try await database.read { connection in
            try connection.query(
                "SELECT " + Self.officerColumns + " FROM officers ORDER BY id", operation: "list officers"
            ).map(Self.officerCredential)
        }
    }

    public func officer(email: String) async throws -> OfficerCredential? {
        try await database.read { connection in
            try connection.query(
                "SELECT " + Self.officerColumns + " FROM officers WHERE email = ?", [.text(email)],
                operation: "find officer"
            ).first.map(Self.officerCredential)
        }
    }

    public func officer(tokenHash: Data) async throws -> OfficerCredential? {
        try await database.read { connection in
            try connection.query(
                "SELECT " + Self.officerColumns + " FROM officers WHERE token_hash = ?", [.blob(tokenHash)],
                operation: "authenticate officer"
            ).first.map(Self.officerCredential)
        }
    }
}
