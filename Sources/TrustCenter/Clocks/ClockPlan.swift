import Foundation

/// A clock worked out for one case: when it started, when it is due, and when each stage fires.
public struct ClockPlan: Hashable, Sendable {
    public var clock: ClockName
    public var startedAt: Date
    public var deadline: Deadline
    public var extended: Bool
    public var pausedDays: Int
    public var stages: [PlannedStage]

    public init(
        clock: ClockName, startedAt: Date, deadline: Deadline, extended: Bool, pausedDays: Int,
        stages: [PlannedStage]
    ) {
        self.clock = clock
        self.startedAt = startedAt
        self.deadline = deadline
        self.extended = extended
        self.pausedDays = pausedDays
        self.stages = stages
    }
}

/// A stage of a planned clock. `sequence` is the stage's place in its policy, which identifies
/// it when the plan is worked out again (after an extension, say): a stage that fired stays fired.
public struct PlannedStage: Hashable, Sendable {
    public var sequence: Int
    public var kind: NoticeKind
    public var label: String
    public var at: Date
    public var notify: [RecipientRole]
    public var repeatEvery: ClockSpan?

    public init(
        sequence: Int, kind: NoticeKind, label: String, at: Date, notify: [RecipientRole], repeatEvery: ClockSpan?
    ) {
        self.sequence = sequence
        self.kind = kind
        self.label = label
        self.at = at
        self.notify = notify
        self.repeatEvery = repeatEvery
    }
}

extension ClockPolicy {
    /// The stages of this policy for a clock that runs from `start` to `deadline`. A stage that
    /// would fall before the clock starts (a 7-day reminder on a 5-day clock) is left out.
    func stages(start: Date, deadline: Deadline, urgent: Bool, calculator: DeadlineCalculator) -> [PlannedStage] {
        stages.enumerated().compactMap { sequence, stage in
            guard urgent || !stage.onlyWhenUrgent else { return nil }
            let at = Self.time(of: stage.timing, start: start, deadline: deadline, calculator: calculator)
            guard at >= start else { return nil }
            return PlannedStage(
                sequence: sequence, kind: stage.kind, label: "\(stage.kind.rawValue), \(stage.timing.description)",
                at: at, notify: stage.notify, repeatEvery: stage.repeatEvery)
        }
    }

    static func time(of timing: StageTiming, start: Date, deadline: Deadline, calculator: DeadlineCalculator)
        -> Date
    {
        switch timing {
        case .after(let span):
            return span.added(to: start)
        case .before(let span):
            if span.isZero { return deadline.due }
            // Days before a due day are counted on the calendar and fire at 08:00 local time.
            if let dueDate = deadline.dueDate, case .days(let days) = span {
                return dueDate.adding(days: -days).instant(hour: 8, minute: 0, second: 0, in: calculator.timeZone)
            }
            return span.added(to: deadline.due, sign: -1)
        }
    }
}

extension ClockSpan {
    var isZero: Bool {
        switch self {
        case .hours(let count), .days(let count), .months(let count): count == 0
        }
    }

    /// The span as elapsed seconds: hours and days as elapsed time, months as 30 days.
    var seconds: Int {
        switch self {
        case .hours(let hours): hours * 3600
        case .days(let days): days * 86_400
        case .months(let months): months * 30 * 86_400
        }
    }

    /// `date` moved by this span's `seconds`.
    func added(to date: Date, sign: Int = 1) -> Date {
        date.addingTimeInterval(TimeInterval(sign * seconds))
    }
}
