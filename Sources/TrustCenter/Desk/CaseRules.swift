import Foundation

/// What the configuration says about handling cases: the group's entities and the clock
/// policies. Stores apply changes with these rules inside their transactions, so every store
/// applies the same ones.
public struct CaseRules: Sendable {
    public let entities: [Entity]
    public let clockwork: Clockwork
    /// The texts of the letters the system writes to reporters (extension, refusal, …).
    public let letters: ReporterLetters

    public init(entities: [Entity], clockwork: Clockwork = Clockwork(), letters: ReporterLetters) {
        self.entities = entities
        self.clockwork = clockwork
        self.letters = letters
    }

    /// The entity a stored case belongs to. A case of an entity that was removed from the
    /// configuration cannot be routed or timed; that is a configuration problem, said plainly.
    public func entity(_ id: String) throws(ConfigurationMismatch) -> Entity {
        guard let entity = entities.first(where: { $0.id == id }) else { throw ConfigurationMismatch(entityID: id) }
        return entity
    }
}

/// A stored case belongs to an entity the configuration no longer lists.
public struct ConfigurationMismatch: Error, Sendable, CustomStringConvertible {
    public var entityID: String

    public var description: String {
        "entity '\(entityID)' has cases but is not in the configuration; put it back in entities"
    }
}

/// A case as a change sees it inside the store's transaction.
public struct CaseState: Sendable {
    public var summary: CaseSummary
    public var routing: Routing
    public var awarenessAt: Date?
    public var clocks: [CaseClock]
    public var notifications: [RegulatorNotification]
    public var handling: CaseHandling
    public var actions: [CorrectiveAction]

    public init(
        summary: CaseSummary, routing: Routing, awarenessAt: Date?, clocks: [CaseClock],
        notifications: [RegulatorNotification], handling: CaseHandling = CaseHandling(),
        actions: [CorrectiveAction] = []
    ) {
        self.summary = summary
        self.routing = routing
        self.awarenessAt = awarenessAt
        self.clocks = clocks
        self.notifications = notifications
        self.handling = handling
        self.actions = actions
    }

    /// The running (or paused) clock of this name.
    public func running(_ clock: ClockName) -> CaseClock? { clocks.running(clock) }
}

/// What a change does to a case, worked out by the core and written by the store in one
/// transaction: the events, new values, and clocks ended, started and worked out again.
public struct CaseUpdate: Sendable {
    public var events: [CaseEvent.Change] = []
    public var category: Category?
    public var status: CaseStatus?
    public var routing: Routing?
    public var awarenessAt: Date?
    /// Running clocks that end, and how.
    public var endedClocks: [(clock: ClockName, state: ClockState)] = []
    /// Running clocks whose due time and stages are worked out again. Stages that fired stay fired.
    public var replannedClocks: [ClockPlan] = []
    /// Clocks that pause (`true`) or resume (`false`).
    public var pausedClocks: [(clock: ClockName, paused: Bool)] = []
    public var startedClocks: [ClockPlan] = []
    public var notification: RegulatorNotification?
    public var note: String?
    public var message: String?
    /// The case's handling record as it is after the change, when the change touches it.
    public var handling: CaseHandling?
    public var addedAction: NewAction?
    /// An open action that is done, and its note.
    public var completedAction: (id: CorrectiveAction.ID, note: String)?

    public init() {}
}

/// A corrective action about to be stored, with the plan of its clock.
public struct NewAction: Sendable {
    public var what: String
    public var owner: Contact
    public var dueDate: LocalDate
    public var clock: ClockPlan

    public init(what: String, owner: Contact, dueDate: LocalDate, clock: ClockPlan) {
        self.what = what
        self.owner = owner
        self.dueDate = dueDate
        self.clock = clock
    }
}
