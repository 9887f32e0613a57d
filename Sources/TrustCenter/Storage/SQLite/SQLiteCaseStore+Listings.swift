import Foundation

/// The officers' lists across cases: running clocks by due time, and their notices.
extension SQLiteCaseStore {
    public func deadlines(matching query: DeadlineQuery) async throws -> DeadlinePage {
        let sealer = self.sealer
        return try await database.perform { connection in
            // Walks the running clocks in due order through their partial index, from the soonest
            // and, for overdue ones, only up to now; one row more than asked says whether more
            // follow, without counting them all.
            let rows = try connection.query(
                """
                SELECT k.name, k.state, k.due_at, k.due_date, c.year, c.serial, c.category, c.entity_id, c.urgent,
                    e.time_zone
                FROM clocks k JOIN cases c ON c.id = k.case_id JOIN entities e ON e.id = c.entity_id
                WHERE k.state IN ('running', 'paused') AND k.due_at < ? AND
                """ + " " + Self.visibleCondition + " ORDER BY k.due_at, k.id LIMIT ? OFFSET ?",
                [query.overdueOnly ? SQLiteValue(query.now) : .integer(Int64.max)]
                    + Self.visibility(query.viewer, sealer: sealer)
                    + [.integer(Int64(query.limit + 1)), .integer(Int64(query.offset))],
                operation: "list deadlines")
            let entries = try rows.prefix(query.limit).map { row in
                DeadlineEntry(
                    reference: try Self.reference(from: row),
                    category: try Self.stored(Category.self, row.text("category"), column: "category"),
                    entityID: try row.text("entity_id"), timeZone: try row.text("time_zone"),
                    clock: try Self.stored(ClockName.self, row.text("name"), column: "name"),
                    state: try Self.stored(ClockState.self, row.text("state"), column: "state"),
                    due: try row.date("due_at"), dueDate: try row.optionalText("due_date").flatMap(LocalDate.init),
                    urgent: try row.integer("urgent") != 0)
            }
            return DeadlinePage(deadlines: entries, more: rows.count > query.limit)
        }
    }

    public func notices(matching query: NoticeQuery) async throws -> [Notice] {
        let sealer = self.sealer
        return try await database.perform { connection in
            let failedOnly = query.delivery == .failed
            return try connection.query(
                Self.noticeSelect + " WHERE (? IS NULL OR n.delivery = ?) AND (n.recipient_key = ? OR (? = 1 AND "
                    + Self.visibleCondition + ")) ORDER BY n.id DESC LIMIT ?",
                [
                    SQLiteValue(query.delivery?.rawValue), SQLiteValue(query.delivery?.rawValue),
                    .blob(sealer.personKey(query.recipientEmail)), .integer(failedOnly ? 1 : 0),
                ] + Self.visibility(query.viewer, sealer: sealer) + [.integer(Int64(query.limit))],
                operation: "list notices"
            ).map { try Self.notice(from: $0, sealer: sealer) }
        }
    }

    static let noticeSelect = """
        SELECT n.id, n.kind, n.clock, n.due_at, n.created_at, n.recipient, n.delivery, n.attempts, n.last_reply,
            n.sent_at, c.year, c.serial, c.category, c.entity_id, e.time_zone
        FROM notices n JOIN cases c ON c.id = n.case_id JOIN entities e ON e.id = c.entity_id
        """

    static func notice(from row: SQLiteRow, sealer: Sealer) throws -> Notice {
        let id = try row.integer("id")
        let reference = try reference(from: row)
        return Notice(
            id: id, reference: reference,
            category: try stored(Category.self, row.text("category"), column: "category"),
            entityID: try row.text("entity_id"), timeZone: try row.text("time_zone"),
            kind: try stored(NoticeKind.self, row.text("kind"), column: "kind"),
            clock: try row.optionalText("clock").map { try stored(ClockName.self, $0, column: "clock") },
            due: try row.optionalDate("due_at"),
            recipient: try sealer.open(
                json: Recipient.self, from: row.blob("recipient"), context: .notice(of: reference, row: id)),
            createdAt: try row.date("created_at"),
            delivery: try stored(NoticeDelivery.self, row.text("delivery"), column: "delivery"),
            attempts: Int(try row.integer("attempts")), lastReply: try row.optionalText("last_reply"),
            sentAt: try row.optionalDate("sent_at"))
    }
}
