import Foundation

/// A clock as it runs on a case, with its stages.
public struct CaseClock: Codable, Sendable, Hashable {
    public var clock: ClockName
    public var state: ClockState
    public var startedAt: Date
    public var due: Date
    /// The local due day, for day-based clocks.
    public var dueDate: LocalDate?
    public var extended: Bool
    /// Since when a paused clock stands still.
    public var pausedAt: Date?
    /// Whole days the clock has stood still in earlier pauses; they move its due day.
    public var pausedDays: Int
    /// When a met or stopped clock ended.
    public var endedAt: Date?
    /// The corrective action an action clock belongs to.
    public var actionID: Int64?
    public var stages: [ClockStage]

    public init(
        clock: ClockName, state: ClockState, startedAt: Date, due: Date, dueDate: LocalDate?, extended: Bool,
        pausedAt: Date? = nil, pausedDays: Int = 0, endedAt: Date?, actionID: Int64? = nil, stages: [ClockStage]
    ) {
        self.clock = clock
        self.state = state
        self.startedAt = startedAt
        self.due = due
        self.dueDate = dueDate
        self.extended = extended
        self.pausedAt = pausedAt
        self.pausedDays = pausedDays
        self.endedAt = endedAt
        self.actionID = actionID
        self.stages = stages
    }
}

extension [CaseClock] {
    /// The running (or paused) clock of this name, if any.
    public func running(_ clock: ClockName) -> CaseClock? {
        first { $0.clock == clock && $0.state.isRunning && $0.actionID == nil }
    }
}

/// Where a clock is.
public enum ClockState: String, Codable, CaseIterable, Sendable {
    case running
    /// Stands still, such as a rights request waiting for identity information (Art. 12(6)).
    case paused
    /// What it asked for was done.
    case met
    /// It no longer applies: the case was reclassified or closed.
    case stopped

    public var isRunning: Bool { self == .running || self == .paused }
}

extension ClockState: ParsableValue {
    public static var valueKind: String { "clock state" }
}

/// A stage of a clock on a case: when it falls due, and when it fired.
public struct ClockStage: Codable, Sendable, Hashable {
    public var kind: NoticeKind
    public var label: String
    public var at: Date
    public var firedAt: Date?
    /// Why the stage could not queue its notices, when it could not (see the scheduler's log).
    public var error: String?

    public init(kind: NoticeKind, label: String, at: Date, firedAt: Date?, error: String? = nil) {
        self.kind = kind
        self.label = label
        self.at = at
        self.firedAt = firedAt
        self.error = error
    }
}

/// A running clock of a case, as listed by `trustctl deadlines`.
public struct DeadlineEntry: Codable, Sendable, Hashable {
    public var reference: CaseReference
    public var category: Category
    public var entityID: String
    public var timeZone: String
    public var clock: ClockName
    public var state: ClockState
    public var due: Date
    public var dueDate: LocalDate?
    public var urgent: Bool

    public init(
        reference: CaseReference, category: Category, entityID: String, timeZone: String, clock: ClockName,
        state: ClockState,
        due: Date, dueDate: LocalDate?, urgent: Bool
    ) {
        self.reference = reference
        self.category = category
        self.entityID = entityID
        self.timeZone = timeZone
        self.clock = clock
        self.state = state
        self.due = due
        self.dueDate = dueDate
        self.urgent = urgent
    }
}
