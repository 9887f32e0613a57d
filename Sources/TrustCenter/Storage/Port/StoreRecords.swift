import Foundation

// What a store keeps: finished records, made and sealed by the core (`CaseLedger`). Each is one
// row of clear index columns and sealed blobs; a store writes and reads them as they are and
// knows nothing of what they mean. Times are whole seconds.

/// How the sealed values of a case are bound to it. Cases stored before identifiers were
/// reserved ahead of the write are bound by their reference; every newer case by its id, which
/// the core holds before the store numbers the case.
public enum CaseBinding: String, Sendable, Hashable {
    case reference
    case id
}

/// A case's clear columns, and its sealed routing (which listing needs for the owner).
public struct CaseRecord: Sendable, Hashable {
    public var id: Int64
    /// Given by the store when the case is inserted (the next number of its year).
    public var reference: CaseReference?
    /// The year the reference is numbered in.
    public var year: Int
    public var category: Category
    public var status: CaseStatus
    public var entityID: String
    public var receivedAt: Date
    public var updatedAt: Date
    public var urgent: Bool
    public var awarenessAt: Date?
    /// The case is restricted (whistleblowing, or a report about someone who would get it).
    public var restricted: Bool
    /// Sealed `Routing`; nil for a case stored before routing existed.
    public var routing: Data?
    public var binding: CaseBinding
    /// Moves on with every batch that changes the case; a batch that read an older one conflicts.
    public var version: Int64

    public init(
        id: Int64, reference: CaseReference?, year: Int, category: Category, status: CaseStatus, entityID: String,
        receivedAt: Date, updatedAt: Date, urgent: Bool, awarenessAt: Date?, restricted: Bool, routing: Data?,
        binding: CaseBinding, version: Int64
    ) {
        self.id = id
        self.reference = reference
        self.year = year
        self.category = category
        self.status = status
        self.entityID = entityID
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.urgent = urgent
        self.awarenessAt = awarenessAt
        self.restricted = restricted
        self.routing = routing
        self.binding = binding
        self.version = version
    }
}

/// A case's sealed content: the report, the reporter, and the handling record.
public struct CaseContent: Sendable, Hashable {
    public var followUpKeyHash: Data
    public var report: Data
    public var reporter: Data
    /// Sealed `CaseHandling`; nil for a case stored before handling existed.
    public var handling: Data?

    public init(followUpKeyHash: Data, report: Data, reporter: Data, handling: Data?) {
        self.followUpKeyHash = followUpKeyHash
        self.report = report
        self.reporter = reporter
        self.handling = handling
    }
}

/// One person's access to a case, by the keyed hash of their email (`Sealer.personKey`).
public struct AccessRecord: Sendable, Hashable {
    public var personKey: Data
    /// The report concerns them: no role lets them see it.
    public var excluded: Bool

    public init(personKey: Data, excluded: Bool) {
        self.personKey = personKey
        self.excluded = excluded
    }
}

/// An officer as stored, with the keyed hash of their token (for a constant-time check).
public struct OfficerCredential: Sendable, Hashable {
    public var officer: Officer
    public var tokenHash: Data

    public init(officer: Officer, tokenHash: Data) {
        self.officer = officer
        self.tokenHash = tokenHash
    }
}

/// Every record of one case, as the store keeps them, with the officers its rows name.
public struct StoredCase: Sendable, Hashable {
    public var record: CaseRecord
    public var content: CaseContent
    public var access: [AccessRecord]
    /// In the order they were inserted.
    public var clocks: [ClockRecord]
    /// Ordered by time, then id.
    public var stages: [StageRecord]
    /// In the order they were inserted.
    public var events: [EventRecord]
    public var notes: [NoteRecord]
    public var messages: [MessageRecord]
    public var notifications: [NotificationRecord]
    public var actions: [ActionRecord]
    public var officers: [Officer.ID: OfficerSummary]

    public init(
        record: CaseRecord, content: CaseContent, access: [AccessRecord], clocks: [ClockRecord],
        stages: [StageRecord], events: [EventRecord], notes: [NoteRecord], messages: [MessageRecord],
        notifications: [NotificationRecord], actions: [ActionRecord], officers: [Officer.ID: OfficerSummary]
    ) {
        self.record = record
        self.content = content
        self.access = access
        self.clocks = clocks
        self.stages = stages
        self.events = events
        self.notes = notes
        self.messages = messages
        self.notifications = notifications
        self.actions = actions
        self.officers = officers
    }
}

/// The kinds of rows whose identifiers the core reserves before it writes them.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    case `case`
    case event
    case note
    case message
    case clock
    case stage
    case notice
    case notification
    case action
}
