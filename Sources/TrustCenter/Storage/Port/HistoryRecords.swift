import Foundation

// The rows of a case's clocks and history, as the core makes them (see StoreRecords.swift).

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
