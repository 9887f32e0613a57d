import Foundation

/// A person who handles cases, authenticated to the admin API by a bearer token.
public struct Officer: Codable, Sendable, Hashable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var name: String
    public var email: String
    public var role: OfficerRole
    public var createdAt: Date
    /// Set when the officer's token was revoked; a revoked officer cannot sign in.
    public var revokedAt: Date?

    public init(id: ID, name: String, email: String, role: OfficerRole, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isActive: Bool { revokedAt == nil }
}

/// What an officer may do.
public enum OfficerRole: String, Codable, CaseIterable, Sendable {
    case privacyOfficer = "privacy-officer"
    case ceo
    case handler
    /// Reads everything, changes nothing.
    case auditor

    /// Whether the role may change cases (classify, assign, set status, add notes).
    public var mayChangeCases: Bool { self != .auditor }
}

extension OfficerRole: ParsableValue {
    public static var valueKind: String { "role" }
}
