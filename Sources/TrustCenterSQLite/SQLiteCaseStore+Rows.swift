import Foundation
import TrustCenter

/// The records' columns as SQL selects them, and the records read back from rows. Each table's
/// columns carry a prefix, so that a join of several reads each without ambiguity.
extension SQLiteCaseStore {
    static let caseColumns = """
        c.id AS c_id, c.year AS c_year, c.serial AS c_serial, c.category AS c_category, c.status AS c_status,
        c.entity_id AS c_entity_id, c.received_at AS c_received_at, c.updated_at AS c_updated_at,
        c.urgent AS c_urgent, c.awareness_at AS c_awareness_at, c.restricted AS c_restricted,
        c.routing AS c_routing, c.sealed_by_id AS c_sealed_by_id, c.version AS c_version
        """

    static let clockColumns = """
        k.id AS k_id, k.case_id AS k_case_id, k.name AS k_name, k.state AS k_state, k.started_at AS k_started_at,
        k.due_at AS k_due_at, k.due_date AS k_due_date, k.extended AS k_extended, k.paused_at AS k_paused_at,
        k.paused_days AS k_paused_days, k.ended_at AS k_ended_at, k.action_id AS k_action_id
        """

    static let stageColumns = """
        s.id AS s_id, s.clock_id AS s_clock_id, s.sequence AS s_sequence, s.kind AS s_kind, s.label AS s_label,
        s.at AS s_at, s.notify AS s_notify, s.repeat_seconds AS s_repeat_seconds, s.fired_at AS s_fired_at,
        s.error AS s_error
        """

    static let actionColumns = """
        a.id AS a_id, a.case_id AS a_case_id, a.owner_key AS a_owner_key, a.due_date AS a_due_date,
        a.due_at AS a_due_at, a.created_at AS a_created_at, a.done_at AS a_done_at, a.detail AS a_detail
        """

    static let noticeColumns = """
        n.id AS n_id, n.case_id AS n_case_id, n.kind AS n_kind, n.clock AS n_clock, n.due_at AS n_due_at,
        n.created_at AS n_created_at, n.recipient_key AS n_recipient_key, n.recipient AS n_recipient,
        n.delivery AS n_delivery, n.attempts AS n_attempts, n.next_attempt_at AS n_next_attempt_at,
        n.last_reply AS n_last_reply, n.sent_at AS n_sent_at
        """

    static let officerColumns = "id, name, email, role, token_hash, created_at, revoked_at"

    static func caseRecord(_ row: SQLiteRow) throws -> CaseRecord {
        CaseRecord(
            id: try row.integer("c_id"),
            reference: CaseReference(year: Int(try row.integer("c_year")), serial: Int(try row.integer("c_serial"))),
            year: Int(try row.integer("c_year")),
            category: try stored(Category.self, row.text("c_category"), column: "category"),
            status: try stored(CaseStatus.self, row.text("c_status"), column: "status"),
            entityID: try row.text("c_entity_id"), receivedAt: try row.date("c_received_at"),
            updatedAt: try row.date("c_updated_at"), urgent: try row.integer("c_urgent") != 0,
            awarenessAt: try row.optionalDate("c_awareness_at"), restricted: try row.integer("c_restricted") != 0,
            routing: try row.optionalBlob("c_routing"),
            binding: try row.integer("c_sealed_by_id") != 0 ? .id : .reference,
            version: try row.integer("c_version"))
    }

    static func clockRecord(_ row: SQLiteRow) throws -> ClockRecord {
        ClockRecord(
            id: try row.integer("k_id"), caseID: try row.integer("k_case_id"),
            name: try stored(ClockName.self, row.text("k_name"), column: "name"),
            state: try stored(ClockState.self, row.text("k_state"), column: "state"),
            startedAt: try row.date("k_started_at"), dueAt: try row.date("k_due_at"),
            dueDate: try row.optionalText("k_due_date").map { try localDate($0, column: "due_date") },
            extended: try row.integer("k_extended") != 0, pausedAt: try row.optionalDate("k_paused_at"),
            pausedDays: Int(try row.integer("k_paused_days")), endedAt: try row.optionalDate("k_ended_at"),
            actionID: try row.optionalInteger("k_action_id"))
    }

    static func stageRecord(_ row: SQLiteRow) throws -> StageRecord {
        let firedAt = try row.optionalDate("s_fired_at")
        let notify: [RecipientRole]
        do {
            notify = try row.text("s_notify").split(separator: ",").map {
                try stored(RecipientRole.self, String($0), column: "notify")
            }
        } catch  where firedAt != nil {
            // Whom a fired stage told is history in its event; a damaged list no longer matters.
            notify = []
        }
        return StageRecord(
            id: try row.integer("s_id"), clockID: try row.integer("s_clock_id"),
            sequence: Int(try row.integer("s_sequence")),
            kind: try stored(NoticeKind.self, row.text("s_kind"), column: "kind"), label: try row.text("s_label"),
            at: try row.date("s_at"),
            notify: notify, repeatSeconds: try row.optionalInteger("s_repeat_seconds").map(Int.init),
            firedAt: firedAt, error: try row.optionalText("s_error"))
    }

    static func actionRecord(_ row: SQLiteRow) throws -> ActionRecord {
        ActionRecord(
            id: try row.integer("a_id"), caseID: try row.integer("a_case_id"), ownerKey: try row.blob("a_owner_key"),
            dueDate: try localDate(try row.text("a_due_date"), column: "due_date"), dueAt: try row.date("a_due_at"),
            createdAt: try row.date("a_created_at"), doneAt: try row.optionalDate("a_done_at"),
            detail: try row.blob("a_detail"))
    }

    static func noticeRecord(_ row: SQLiteRow) throws -> NoticeRecord {
        NoticeRecord(
            id: try row.integer("n_id"), caseID: try row.integer("n_case_id"),
            kind: try stored(NoticeKind.self, row.text("n_kind"), column: "kind"),
            clock: try row.optionalText("n_clock").map { try stored(ClockName.self, $0, column: "clock") },
            dueAt: try row.optionalDate("n_due_at"), createdAt: try row.date("n_created_at"),
            recipientKey: try row.blob("n_recipient_key"), recipient: try row.blob("n_recipient"),
            delivery: try stored(NoticeDelivery.self, row.text("n_delivery"), column: "delivery"),
            attempts: Int(try row.integer("n_attempts")), nextAttemptAt: try row.optionalDate("n_next_attempt_at"),
            lastReply: try row.optionalText("n_last_reply"), sentAt: try row.optionalDate("n_sent_at"))
    }

    static func officerCredential(_ row: SQLiteRow) throws -> OfficerCredential {
        OfficerCredential(
            officer: Officer(
                id: try row.integer("id"), name: try row.text("name"), email: try row.text("email"),
                role: try stored(OfficerRole.self, row.text("role"), column: "role"),
                createdAt: try row.date("created_at"), revokedAt: try row.optionalDate("revoked_at")),
            tokenHash: try row.blob("token_hash"))
    }

    /// Reads a stored enumeration value; an unknown one means a damaged or newer database.
    static func stored<T: RawRepresentable<String>>(_ type: T.Type, _ text: String, column: String) throws -> T {
        guard let value = T(rawValue: text) else { throw RowError(column: column, problem: "has unknown value") }
        return value
    }

    static func localDate(_ text: String, column: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw RowError(column: column, problem: "is not a date") }
        return date
    }

    /// Binds an `AccessFilter` into `accessCondition`.
    static func bindings(_ access: AccessFilter) -> [SQLiteValue] {
        switch access {
        case .everything:
            [.integer(1), .integer(0), .blob(Data()), .blob(Data())]
        case .person(let key, let alsoUnrestricted):
            [.integer(0), .integer(alsoUnrestricted ? 1 : 0), .blob(key), .blob(key)]
        }
    }

    /// `AccessFilter.allows` on the case row `c`, by its access rows.
    static let accessCondition = """
        (? = 1 OR (((? = 1 AND c.restricted = 0)
                OR EXISTS (SELECT 1 FROM case_access a2 WHERE a2.case_id = c.id AND a2.person_key = ? AND a2.excluded = 0))
            AND NOT EXISTS (SELECT 1 FROM case_access x WHERE x.case_id = c.id AND x.person_key = ? AND x.excluded = 1)))
        """
}
