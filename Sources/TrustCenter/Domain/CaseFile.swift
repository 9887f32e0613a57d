import Foundation

/// A case: a report and everything done about it. Named `CaseFile` because `case` is a Swift
/// keyword; the word is used the same way everywhere in the code.
public struct CaseFile: Codable, Sendable, Hashable {
    public var summary: CaseSummary
    public var report: Report
    public var reporter: Reporter
    public var notes: [CaseNote]
    public var messages: [CaseMessage]
    public var events: [CaseEvent]
    /// Who the case went to and why; nil only for a case stored before routing existed.
    public var routing: Routing?
    /// When the organisation became aware (Art. 33(1)), when that is known to be before receipt.
    public var awarenessAt: Date?
    public var clocks: [CaseClock]
    public var notifications: [RegulatorNotification]
    /// What the officers recorded: account, assessments, decisions, identity check, answer, outcome.
    public var handling: CaseHandling
    public var actions: [CorrectiveAction]

    public init(
        summary: CaseSummary, report: Report, reporter: Reporter,
        notes: [CaseNote], messages: [CaseMessage], events: [CaseEvent],
        routing: Routing? = nil, awarenessAt: Date? = nil, clocks: [CaseClock] = [],
        notifications: [RegulatorNotification] = [], handling: CaseHandling = CaseHandling(),
        actions: [CorrectiveAction] = []
    ) {
        self.summary = summary
        self.report = report
        self.reporter = reporter
        self.notes = notes
        self.messages = messages
        self.events = events
        self.routing = routing
        self.awarenessAt = awarenessAt
        self.clocks = clocks
        self.notifications = notifications
        self.handling = handling
        self.actions = actions
    }

    public var reference: CaseReference { summary.reference }
}

/// What is kept in clear about a case, so that it can be listed and queried without opening it.
public struct CaseSummary: Codable, Sendable, Hashable {
    public var reference: CaseReference
    public var category: Category
    public var status: CaseStatus
    public var entityID: String
    /// The entity's time zone (IANA name): times of the case are shown in it.
    public var timeZone: String
    /// When the report was received, to the minute: finer times could help identify the sender.
    public var receivedAt: Date
    public var updatedAt: Date
    /// The one accountable owner; nil only for a case stored before routing existed.
    public var owner: Contact?
    /// An HSE report of a death or serious injury.
    public var urgent: Bool

    public init(
        reference: CaseReference, category: Category, status: CaseStatus, entityID: String, timeZone: String,
        receivedAt: Date, updatedAt: Date, owner: Contact?, urgent: Bool = false
    ) {
        self.reference = reference
        self.category = category
        self.status = status
        self.entityID = entityID
        self.timeZone = timeZone
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.owner = owner
        self.urgent = urgent
    }
}
