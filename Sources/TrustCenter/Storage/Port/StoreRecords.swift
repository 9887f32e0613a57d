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

public struct ClockRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var name: ClockName
    public var state: ClockState
    public var startedAt: Date
    public var dueAt: Date
    public var dueDate: LocalDate?
    public var extended: Bool
    public var pausedAt: Date?
    public var pausedDays: Int
    public var endedAt: Date?
    /// The action this clock times; nil for a case's own clocks.
    public var actionID: Int64?

    public init(
        id: Int64, caseID: Int64, name: ClockName, state: ClockState, startedAt: Date, dueAt: Date,
        dueDate: LocalDate?, extended: Bool, pausedAt: Date?, pausedDays: Int, endedAt: Date?, actionID: Int64?
    ) {
        self.id = id
        self.caseID = caseID
        self.name = name
        self.state = state
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.dueDate = dueDate
        self.extended = extended
        self.pausedAt = pausedAt
        self.pausedDays = pausedDays
        self.endedAt = endedAt
        self.actionID = actionID
    }
}

public struct StageRecord: Sendable, Hashable {
    public var id: Int64
    public var clockID: Int64
    /// The stage's place in its policy; a repeat keeps it.
    public var sequence: Int
    public var kind: NoticeKind
    public var label: String
    public var at: Date
    public var notify: [RecipientRole]
    public var repeatSeconds: Int?
    public var firedAt: Date?
    /// Why it could not fire; such a stage counts as fired and is never tried again.
    public var error: String?

    public init(
        id: Int64, clockID: Int64, sequence: Int, kind: NoticeKind, label: String, at: Date, notify: [RecipientRole],
        repeatSeconds: Int?, firedAt: Date? = nil, error: String? = nil
    ) {
        self.id = id
        self.clockID = clockID
        self.sequence = sequence
        self.kind = kind
        self.label = label
        self.at = at
        self.notify = notify
        self.repeatSeconds = repeatSeconds
        self.firedAt = firedAt
        self.error = error
    }
}

/// Who did what an event records; an officer by id.
public enum ActorRecord: Sendable, Hashable {
    case reporter
    case system
    case officer(Officer.ID)

    public var name: String {
        switch self {
        case .reporter: "reporter"
        case .system: "system"
        case .officer: "officer"
        }
    }

    public var officerID: Officer.ID? {
        if case .officer(let id) = self { id } else { nil }
    }
}

public struct EventRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var at: Date
    /// The event's kind in clear (`CaseEvent.Change.kind`), for counting; the detail is sealed.
    public var kind: String
    public var actor: ActorRecord
    public var detail: Data

    public init(id: Int64, caseID: Int64, at: Date, kind: String, actor: ActorRecord, detail: Data) {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.detail = detail
    }
}

public struct NoteRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var officerID: Officer.ID
    public var at: Date
    public var body: Data

    public init(id: Int64, caseID: Int64, officerID: Officer.ID, at: Date, body: Data) {
        self.id = id
        self.caseID = caseID
        self.officerID = officerID
        self.at = at
        self.body = body
    }
}

public struct MessageRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var direction: CaseMessage.Direction
    public var officerID: Officer.ID?
    public var at: Date
    public var body: Data

    public init(
        id: Int64, caseID: Int64, direction: CaseMessage.Direction, officerID: Officer.ID?, at: Date, body: Data
    ) {
        self.id = id
        self.caseID = caseID
        self.direction = direction
        self.officerID = officerID
        self.at = at
        self.body = body
    }
}

public struct NoticeRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var kind: NoticeKind
    public var clock: ClockName?
    public var dueAt: Date?
    public var createdAt: Date
    /// The keyed hash of the recipient's email, to list an officer's notices.
    public var recipientKey: Data
    /// Sealed `Recipient`.
    public var recipient: Data
    public var delivery: NoticeDelivery
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastReply: String?
    public var sentAt: Date?

    public init(
        id: Int64, caseID: Int64, kind: NoticeKind, clock: ClockName?, dueAt: Date?, createdAt: Date,
        recipientKey: Data, recipient: Data, delivery: NoticeDelivery = .pending, attempts: Int = 0,
        nextAttemptAt: Date?, lastReply: String? = nil, sentAt: Date? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.clock = clock
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.recipientKey = recipientKey
        self.recipient = recipient
        self.delivery = delivery
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastReply = lastReply
        self.sentAt = sentAt
    }
}

public struct NotificationRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var stage: NotificationStage
    public var notifiedAt: Date
    public var officerID: Officer.ID
    /// Sealed authority, its reference and any late reason.
    public var detail: Data

    public init(
        id: Int64, caseID: Int64, stage: NotificationStage, notifiedAt: Date, officerID: Officer.ID, detail: Data
    ) {
        self.id = id
        self.caseID = caseID
        self.stage = stage
        self.notifiedAt = notifiedAt
        self.officerID = officerID
        self.detail = detail
    }
}

public struct ActionRecord: Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    /// The keyed hash of the owner's email.
    public var ownerKey: Data
    public var dueDate: LocalDate
    public var dueAt: Date
    public var createdAt: Date
    public var doneAt: Date?
    /// Sealed what, owner, who set it, and the note it was done with.
    public var detail: Data

    public init(
        id: Int64, caseID: Int64, ownerKey: Data, dueDate: LocalDate, dueAt: Date, createdAt: Date, doneAt: Date?,
        detail: Data
    ) {
        self.id = id
        self.caseID = caseID
        self.ownerKey = ownerKey
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.doneAt = doneAt
        self.detail = detail
    }
}

/// An officer as stored, with the keyed hash of their token.
public struct OfficerRecord: Sendable, Hashable {
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

/// A stage that is due, with what firing it needs: its clock, its case, and for an action's
/// clock the action (whose owner it may tell).
public struct DueStage: Sendable, Hashable {
    public var stage: StageRecord
    public var clock: ClockRecord
    public var caseRecord: CaseRecord
    public var action: ActionRecord?

    public init(stage: StageRecord, clock: ClockRecord, caseRecord: CaseRecord, action: ActionRecord?) {
        self.stage = stage
        self.clock = clock
        self.caseRecord = caseRecord
        self.action = action
    }
}

/// The stages a sweep found due: those it could read, and those whose rows it could not (a
/// damaged or newer value), which the core marks failed so that they never block a sweep.
public struct DueStages: Sendable, Hashable {
    public var stages: [DueStage]
    public var unreadable: [UnreadableStage]

    public init(stages: [DueStage], unreadable: [UnreadableStage] = []) {
        self.stages = stages
        self.unreadable = unreadable
    }

    public var count: Int { stages.count + unreadable.count }
}

/// A due stage whose row cannot be read back, and why (naming a column, never content).
public struct UnreadableStage: Sendable, Hashable {
    public var stageID: Int64
    public var caseID: Int64
    public var problem: String

    public init(stageID: Int64, caseID: Int64, problem: String) {
        self.stageID = stageID
        self.caseID = caseID
        self.problem = problem
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
