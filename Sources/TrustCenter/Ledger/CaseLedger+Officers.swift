import Foundation

extension CaseLedger {
    /// Stores a new officer. Throws `InputError` when one with the email exists.
    public func addOfficer(_ officer: NewOfficer) async throws -> Officer {
        let taken = InputError(field: "email", message: "an officer with email \(officer.email) already exists")
        guard try await store.officer(email: officer.email) == nil else { throw taken }
        do {
            let receipt = try await store.commit([
                .insertOfficer(
                    name: officer.name, email: officer.email, role: officer.role, tokenHash: officer.tokenHash,
                    createdAt: officer.createdAt)
            ])
            guard let id = receipt.officerIDs[officer.email] else {
                throw RowError(column: "officers.id", problem: "was not given to the new officer")
            }
            return Officer(
                id: id, name: officer.name, email: officer.email, role: officer.role, createdAt: officer.createdAt)
        } catch is StoreConflict {
            throw taken
        }
    }

    public func officers() async throws -> [Officer] {
        try await store.officers().map(\.officer)
    }

    public func officer(email: String) async throws -> Officer? {
        try await store.officer(email: email)?.officer
    }

    /// The officer whose token has this keyed hash, with the stored hash for a constant-time check.
    public func credential(tokenHash: Data) async throws -> OfficerCredential? {
        try await store.officer(tokenHash: tokenHash)
    }

    /// Revokes an officer (once; a revoked one stays as revoked then).
    public func revokeOfficer(email: String, at date: Date) async throws -> Officer {
        guard let stored = try await store.officer(email: email) else {
            throw NotFoundError("no officer with email \(email)")
        }
        guard stored.officer.isActive else { return stored.officer }
        try await store.commit([.revokeOfficer(id: stored.officer.id, at: date)])
        var revoked = stored.officer
        revoked.revokedAt = date
        return revoked
    }

    /// Gives an active officer a new token hash; the old token stops working at once.
    public func replaceToken(email: String, tokenHash: Data) async throws -> Officer {
        guard let stored = try await store.officer(email: email) else {
            throw NotFoundError("no officer with email \(email)")
        }
        guard stored.officer.isActive else {
            throw InputError(
                field: "email", message: "officer \(stored.officer.email) is revoked; add them again to reinstate")
        }
        try await store.commit([.setOfficerToken(id: stored.officer.id, tokenHash: tokenHash)])
        return stored.officer
    }
}
