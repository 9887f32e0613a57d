import Foundation

extension SQLiteCaseStore {
    static let officerSelect = "SELECT id, name, email, role, token_hash, created_at, revoked_at FROM officers"

    public func addOfficer(_ officer: NewOfficer) async throws -> Officer {
        try await database.write("add officer") { connection in
            do {
                try connection.query(
                    "INSERT INTO officers (name, email, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    [
                        .text(officer.name), .text(officer.email), .text(officer.role.rawValue),
                        .blob(officer.tokenHash), SQLiteValue(officer.createdAt),
                    ],
                    operation: "add officer")
            } catch let error as SQLiteError where error.isConstraintViolation {
                throw InputError(field: "email", message: "an officer with email \(officer.email) already exists")
            }
            return Officer(
                id: connection.lastInsertRowID, name: officer.name, email: officer.email, role: officer.role,
                createdAt: officer.createdAt)
        }
    }

    public func officers() async throws -> [Officer] {
        try await database.perform { connection in
            try connection.query(Self.officerSelect + " ORDER BY id", operation: "list officers").map(
                Self.officer(from:))
        }
    }

    public func officer(email: String) async throws -> Officer? {
        try await database.perform { connection in
            try connection.query(Self.officerSelect + " WHERE email = ?", [.text(email)], operation: "find officer")
                .first.map(Self.officer(from:))
        }
    }

    public func credential(tokenHash: Data) async throws -> OfficerCredential? {
        try await database.perform { connection in
            try connection.query(
                Self.officerSelect + " WHERE token_hash = ?", [.blob(tokenHash)], operation: "authenticate officer"
            ).first.map { OfficerCredential(officer: try Self.officer(from: $0), tokenHash: try $0.blob("token_hash")) }
        }
    }

    public func revokeOfficer(email: String, at date: Date) async throws -> Officer {
        try await database.write("revoke officer") { connection in
            try connection.query(
                "UPDATE officers SET revoked_at = ? WHERE email = ? AND revoked_at IS NULL",
                [SQLiteValue(date), .text(email)], operation: "revoke officer")
            guard
                let row = try connection.query(
                    Self.officerSelect + " WHERE email = ?", [.text(email)], operation: "find officer"
                ).first
            else {
                throw NotFoundError("no officer with email \(email)")
            }
            return try Self.officer(from: row)
        }
    }

    public func replaceToken(email: String, tokenHash: Data) async throws -> Officer {
        try await database.write("replace token") { connection in
            guard
                let row = try connection.query(
                    Self.officerSelect + " WHERE email = ?", [.text(email)], operation: "find officer"
                )
                .first
            else { throw NotFoundError("no officer with email \(email)") }
            let officer = try Self.officer(from: row)
            guard officer.isActive else {
                throw InputError(
                    field: "email", message: "officer \(officer.email) is revoked; add them again to reinstate")
            }
            try connection.query(
                "UPDATE officers SET token_hash = ? WHERE id = ?", [.blob(tokenHash), .integer(officer.id)],
                operation: "replace token")
            return officer
        }
    }

    static func officer(from row: SQLiteRow) throws -> Officer {
        Officer(
            id: try row.integer("id"), name: try row.text("name"), email: try row.text("email"),
            role: try stored(OfficerRole.self, row.text("role"), column: "role"),
            createdAt: try row.date("created_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
