import Foundation

/// Who may see which case. Membership and exclusion are kept as keyed hashes of email addresses
/// (`Sealer.personKey`), so the database does not say in clear who a case went to or whom it
/// concerns. A case's access follows its current routing: a former owner no longer sees it.
extension SQLiteCaseStore {
    /// Binds `visibility(_:sealer:)`: everything (Trust Center itself); or an auditor's
    /// unrestricted cases and the viewer's own, never one the viewer is excluded from.
    static let visibleCondition = """
        (? = 1 OR (((? = 1 AND c.restricted = 0)
                OR EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = c.id AND a.person_key = ? AND a.excluded = 0))
            AND NOT EXISTS (SELECT 1 FROM case_access x WHERE x.case_id = c.id AND x.person_key = ? AND x.excluded = 1)))
        """

    static func visibility(_ viewer: CaseViewer, sealer: Sealer) -> [SQLiteValue] {
        switch viewer {
        case .system:
            return [.integer(1), .integer(0), .blob(Data()), .blob(Data())]
        case .officer(let email, let readsUnrestricted):
            let key = SQLiteValue.blob(sealer.personKey(email))
            return [.integer(0), .integer(readsUnrestricted ? 1 : 0), key, key]
        }
    }

    /// Throws `NotFoundError` unless the viewer may see the case: a case one may not see does not exist.
    static func requireVisible(
        _ reference: CaseReference, to viewer: CaseViewer, sealer: Sealer, connection: SQLiteConnection
    ) throws {
        let rows = try connection.query(
            "SELECT c.id FROM cases c WHERE c.year = ? AND c.serial = ? AND " + visibleCondition,
            [.integer(Int64(reference.year)), .integer(Int64(reference.serial))]
                + visibility(viewer, sealer: sealer),
            operation: "check case access")
        guard !rows.isEmpty else { throw NotFoundError.caseFile(reference) }
    }

    /// Makes who may see the case match its routing: its members, and nobody else; the excluded
    /// people are recorded too, so that no role (auditor included) lets them in.
    static func recordAccess(for routing: Routing, on row: CaseRow, sealer: Sealer, connection: SQLiteConnection)
        throws
    {
        try connection.query(
            "DELETE FROM case_access WHERE case_id = ?", [.integer(row.id)], operation: "reset case access")
        for person in routing.members where !routing.excludes(person.email) {
            try connection.query(
                "INSERT OR IGNORE INTO case_access (case_id, person_key, excluded) VALUES (?, ?, 0)",
                [.integer(row.id), .blob(sealer.personKey(person.email))], operation: "grant case access")
        }
        for person in routing.excluded {
            try connection.query(
                "INSERT OR REPLACE INTO case_access (case_id, person_key, excluded) VALUES (?, ?, 1)",
                [.integer(row.id), .blob(sealer.personKey(person.email))], operation: "exclude from case")
        }
        try connection.query(
            "UPDATE cases SET restricted = MAX(restricted, ?) WHERE id = ?",
            [.integer(routing.restricted ? 1 : 0), .integer(row.id)], operation: "restrict case")
    }
}
