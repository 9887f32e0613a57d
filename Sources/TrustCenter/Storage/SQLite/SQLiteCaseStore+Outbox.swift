import Foundation

/// The outbox's delivery side: what is due for sending, and what each attempt came to. Delivery
/// is at least once: a notice is marked sent only after the relay accepted it.
extension SQLiteCaseStore {
    public func noticesToDeliver(at now: Date, limit: Int) async throws -> [Notice] {
        let sealer = self.sealer
        return try await database.perform { connection in
            try connection.query(
                Self.noticeSelect
                    + " WHERE n.delivery = 'pending' AND n.next_attempt_at <= ? ORDER BY n.next_attempt_at, n.id LIMIT ?",
                [SQLiteValue(now), .integer(Int64(limit))], operation: "find notices to deliver"
            ).map { try Self.notice(from: $0, sealer: sealer) }
        }
    }

    public func recordDelivery(of id: Notice.ID, _ outcome: DeliveryOutcome, at now: Date) async throws {
        try await database.write("record delivery") { connection in
            let (delivery, counted, next, sentAt): (NoticeDelivery, Int64, Date?, Date?) =
                switch outcome {
                case .sent: (.sent, 1, nil, now)
                case .retry(_, let next): (.pending, 1, next, nil)
                case .failed: (.failed, 1, nil, nil)
                case .relayUnavailable(_, let next): (.pending, 0, next, nil)
                }
            try connection.query(
                """
                UPDATE notices SET delivery = ?, attempts = attempts + ?, last_reply = ?, next_attempt_at = ?,
                    sent_at = ? WHERE id = ?
                """,
                [
                    .text(delivery.rawValue), .integer(counted), .text(String(outcome.recordedReply.prefix(1000))),
                    SQLiteValue(next), SQLiteValue(sentAt), .integer(id),
                ],
                operation: "record delivery")
        }
    }

    public func postponeDeliveries(of id: Notice.ID?, until: Date) async throws {
        _ = try await database.write("postpone deliveries") { connection in
            try connection.query(
                """
                UPDATE notices SET next_attempt_at = ?
                WHERE delivery = 'pending' AND next_attempt_at < ? AND (? IS NULL OR id = ?)
                """,
                [SQLiteValue(until), SQLiteValue(until), SQLiteValue(id), SQLiteValue(id)],
                operation: "postpone deliveries")
        }
    }

    public func retryNotice(_ id: Notice.ID, for viewer: CaseViewer, at now: Date) async throws -> Notice {
        let sealer = self.sealer
        return try await database.write("retry notice") { connection in
            let key: SQLiteValue =
                if case .officer(let email, _) = viewer { .blob(sealer.personKey(email)) } else { .blob(Data()) }
            let rows = try connection.query(
                Self.noticeSelect + " WHERE n.id = ? AND (n.recipient_key = ? OR " + Self.visibleCondition + ")",
                [.integer(id), key] + Self.visibility(viewer, sealer: sealer), operation: "find notice")
            guard let row = rows.first else { throw NotFoundError("no notice \(id)") }
            let notice = try Self.notice(from: row, sealer: sealer)
            guard notice.delivery == .failed else {
                throw InputError(field: "id", message: "notice \(id) is \(notice.delivery.rawValue), not failed")
            }
            try connection.query(
                "UPDATE notices SET delivery = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
                [SQLiteValue(now), .integer(id)], operation: "retry notice")
            var retried = notice
            retried.delivery = .pending
            retried.attempts = 0
            return retried
        }
    }

    public func nextDeliveryTime() async throws -> Date? {
        try await database.perform { connection in
            try connection.query(
                "SELECT next_attempt_at FROM notices WHERE delivery = 'pending' ORDER BY next_attempt_at LIMIT 1",
                operation: "find next delivery"
            ).first?.optionalDate("next_attempt_at")
        }
    }
}
