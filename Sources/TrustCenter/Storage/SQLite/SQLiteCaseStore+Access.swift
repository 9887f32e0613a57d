import Foundation

/// Who may see which case. Membership is kept as keyed hashes of email addresses
/// (`Sealer.personKey`), so the database does not say in clear who a case went to.
extension SQLiteCaseStore {
    /// Binds `visibility(_:sealer:)`: everything, or an auditor's unrestricted cases, or membership.
    static let visibleCondition = """
        (? = 1 OR (? = 1 AND c.restricted = 0)
            OR EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = c.id AND a.person_key = ?))
        """

    static func visibility(_ viewer: CaseViewer, sealer: Sealer) -> [SQLiteValue] {
        switch viewer {
        case .system:
            [.integer(1), .integer(0), .blob(Data())]
        case .officer(let email, let readsUnrestricted):
            [.integer(0), .integer(readsUnrestricted ? 1 : 0), .blob(sealer.personKey(email))]
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

    /// Lets these people see the case from now on. Access only grows: a former owner keeps it.
    static func grantAccess(to people: [Contact], on row: CaseRow, sealer: Sealer, connection: SQLiteConnection)
        throws
    {
        for person in people {
            try connection.query(
                "INSERT OR IGNORE INTO case_access (case_id, person_key) VALUES (?, ?)",
                [.integer(row.id), .blob(sealer.personKey(person.email))], operation: "grant case access")
        }
    }
}
