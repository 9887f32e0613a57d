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

/// What a change does to a case, worked out by `CaseChange.update(for:rules:by:at:)`: the
/// officer's events, and its effects in the order they happen. The ledger turns the effects into
/// the store's writes, switching over them exhaustively.
public struct CaseUpdate: Sendable {
    public var events: [CaseEvent.Change] = []
    public var effects: [CaseEffect] = []

    public init() {}

    /// The change sets the case's status itself.
    var setsStatus: Bool {
        effects.contains { if case .status = $0 { true } else { false } }
    }
}

/// One thing a change does to a case.
public enum CaseEffect: Sendable {
    case category(Category)
    case status(CaseStatus)
    case routing(Routing)
    case awareness(Date)
    /// The running clock of this name ends, and how.
    case endClock(ClockName, ClockState)
    /// The running clock's due time and stages are worked out again; stages that fired stay fired.
    case replanClock(ClockPlan)
    case pauseClock(ClockName)
    case resumeClock(ClockName)
    case startClock(ClockPlan)
    case notification(RegulatorNotification)
    case note(String)
    /// A message to the reporter.
    case message(String)
    /// The case's handling record as it is after the change.
    case handling(CaseHandling)
    case addAction(NewAction)
    /// An open action is done, with its note.
    case completeAction(id: CorrectiveAction.ID, note: String)
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
