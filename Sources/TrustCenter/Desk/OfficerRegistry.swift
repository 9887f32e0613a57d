import Foundation
import Logging

/// Officers and their tokens: creating one (the token is shown once), listing, revoking, and
/// recognising a token on a request.
public struct OfficerRegistry: Sendable {
    /// Tokens start with this, so that a leaked one is easy to recognise in a scan.
    public static let tokenPrefix = "tco_"

    let ledger: CaseLedger
    let time: any TimeSource
    let random: any RandomSource
    let hasher: SecretHasher
    let logger: Logger

    public init(
        ledger: CaseLedger, time: any TimeSource, random: any RandomSource, hasher: SecretHasher, logger: Logger
    ) {
        self.ledger = ledger
        self.time = time
        self.random = random
        self.hasher = hasher
        self.logger = logger
    }

    /// Creates an officer and returns the token, which is not stored and cannot be shown again.
    /// The configured roles whose person has no active officer account, as `(entity id, role)`:
    /// cases routed to them, and notices addressed to them, wait until they get one. Roles, not
    /// addresses, so that the start-up log holds no personal data.
    public func rolesWithoutAccounts(in entities: [Entity]) async throws -> [(entity: String, role: String)] {
        let active = Set(try await ledger.officers().filter(\.isActive).map { $0.email.lowercased() })
        return entities.flatMap { entity in
            let people: [(String, Contact)] =
                [("ceo", entity.ceo), ("privacyOfficer", entity.privacyOfficer)]
                + entity.whistleblowingHandlers.enumerated().map {
                    ("whistleblowingHandlers[\($0.offset)]", $0.element)
                }
                + [("alternate", entity.alternate)]
                + entity.management.enumerated().map { ("management[\($0.offset)]", $0.element) }
            return people.filter { !active.contains($0.1.emailKey) }.map { (entity: entity.id, role: $0.0) }
        }
    }

    public func add(name: String, email: String, role: OfficerRole) async throws -> (Officer, token: String) {
        guard let name = try TextCheck.text(name, field: "name", maximumLength: 200, multiline: false) else {
            throw InputError(field: "name", message: "name is required")
        }
        guard let email = try TextCheck.text(email, field: "email", maximumLength: 254, multiline: false),
            TextCheck.isPlausibleEmail(email)
        else {
            throw InputError(field: "email", message: "email is not an email address")
        }
        let token = newToken()
        let officer = try await ledger.addOfficer(
            NewOfficer(
                name: name, email: email, role: role, tokenHash: hasher.hash(token, as: .officerToken),
                createdAt: time.now()))
        logger.info("officer added", metadata: ["officer": "\(officer.id)", "role": "\(role.rawValue)"])
        return (officer, token)
    }

    public func list() async throws -> [Officer] {
        try await ledger.officers()
    }

    /// Revokes the officer's token. `wasActive` is false when they were revoked already.
    public func revoke(email: String) async throws -> (Officer, wasActive: Bool) {
        guard let existing = try await ledger.officer(email: email) else {
            throw NotFoundError("no officer with email \(PlainText.quoted(email, limit: 80))")
        }
        guard existing.isActive else { return (existing, false) }
        let officer = try await ledger.revokeOfficer(email: email, at: time.now())
        logger.info("officer revoked", metadata: ["officer": "\(officer.id)"])
        return (officer, true)
    }

    /// Gives an active officer a new token, shown once; the old one stops working at once.
    public func rotateToken(email: String) async throws -> (Officer, token: String) {
        let token = newToken()
        let officer = try await ledger.replaceToken(email: email, tokenHash: hasher.hash(token, as: .officerToken))
        logger.info("officer token replaced", metadata: ["officer": "\(officer.id)"])
        return (officer, token)
    }

    /// 256 random bits, base64url without padding, after the prefix.
    private func newToken() -> String {
        Self.tokenPrefix
            + Data(random.bytes(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The active officer this token belongs to, or nil. The stored hash is compared in constant
    /// time; a revoked officer's token is refused.
    public func authenticate(token: String) async throws -> Officer? {
        guard token.hasPrefix(Self.tokenPrefix), token.count < 200 else { return nil }
        guard let credential = try await ledger.credential(tokenHash: hasher.hash(token, as: .officerToken)),
            hasher.matches(token, storedHash: credential.tokenHash, as: .officerToken),
            credential.officer.isActive
        else { return nil }
        return credential.officer
    }
}
