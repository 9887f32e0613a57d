import Foundation

/// A new case as the intake has prepared it: validated, classified, and with the follow-up
/// key already hashed.
public struct CaseIntake: Sendable {
    public var category: Category
    public var entityID: String
    public var receivedAt: Date
    /// The year the reference is numbered in (the receipt year in the entity's time zone).
    public var year: Int
    public var followUpKeyHash: Data
    public var report: Report
    public var reporter: Reporter
    public var routing: Routing
    public var urgent: Bool
    /// When the organisation knew, when the report shows that was before receipt.
    public var awarenessAt: Date?
    public var clocks: [ClockPlan]
    /// The handling record it starts with: the reporter's language, a rights request's identity check.
    public var handling: CaseHandling

    public init(
        category: Category, entityID: String, receivedAt: Date, year: Int,
        followUpKeyHash: Data, report: Report, reporter: Reporter, routing: Routing, urgent: Bool,
        awarenessAt: Date?, clocks: [ClockPlan], handling: CaseHandling = CaseHandling()
    ) {
        self.category = category
        self.entityID = entityID
        self.receivedAt = receivedAt
        self.year = year
        self.followUpKeyHash = followUpKeyHash
        self.report = report
        self.reporter = reporter
        self.routing = routing
        self.urgent = urgent
        self.awarenessAt = awarenessAt
        self.clocks = clocks
        self.handling = handling
    }
}

/// Who is looking at cases. An officer sees the cases they own or handle; an auditor also reads
/// every case that is not restricted (whistleblowing, or a report about someone who would get it).
public enum CaseViewer: Sendable, Hashable {
    case officer(email: String, readsUnrestricted: Bool)
    /// Trust Center itself, and a reporter through their follow-up key, which opens only their case.
    case system
}

extension Officer {
    /// The officer as a viewer of cases.
    public var viewer: CaseViewer { .officer(email: email, readsUnrestricted: role == .auditor) }
}

/// A new officer, with the keyed hash of the token that was generated for them.
public struct NewOfficer: Sendable {
    public var name: String
    public var email: String
    public var role: OfficerRole
    public var tokenHash: Data
    public var createdAt: Date

    public init(name: String, email: String, role: OfficerRole, tokenHash: Data, createdAt: Date) {
        self.name = name
        self.email = email
        self.role = role
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
