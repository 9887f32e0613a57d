import Foundation

/// Works out the clocks of a case from the policies: which clocks a category runs, from when,
/// and until when. Pure: the store records what it returns.
public struct Clockwork: Sendable {
    public let policies: ClockPolicies

    public init(policies: ClockPolicies = ClockPolicies()) {
        self.policies = policies
    }

    /// The clocks a case of `category` runs. They start at receipt, a breach at awareness, and
    /// whistleblowing feedback at the end of day 7 until an acknowledgement moves it. After a
    /// reclassification the new category's clocks start from these same times, not from the
    /// reclassification.
    public func plans(
        for category: Category, receivedAt: Date, awarenessAt: Date?, urgent: Bool, entity: Entity
    ) -> [ClockPlan] {
        ClockName.clocks(for: category).compactMap { clock in
            let start: Date =
                switch clock {
                case .breach: min(awarenessAt ?? receivedAt, receivedAt)
                case .whistleblowingFeedback:
                    feedbackStartWithoutAcknowledgement(receivedAt: receivedAt, entity: entity)
                default: receivedAt
                }
            return plan(clock, startedAt: start, urgent: urgent, entity: entity)
        }
    }

    /// One clock, worked out from its start. nil when the clock does not run in the entity's country.
    public func plan(
        _ clock: ClockName, startedAt start: Date, urgent: Bool, entity: Entity, extended: Bool = false,
        pausedDays: Int = 0
    ) -> ClockPlan? {
        guard let policy = policies.policy(clock, in: entity.country) else { return nil }
        let calculator = entity.deadlineCalculator
        var span = policy.span
        if extended, let more = policy.extensionSpan {
            span = span.extended(by: more)
        }
        let deadline = calculator.deadline(
            from: start, span: span, movesToWorkingDay: policy.movesToWorkingDay, pausedDays: pausedDays)
        return ClockPlan(
            clock: clock, startedAt: start, deadline: deadline, extended: extended, pausedDays: pausedDays,
            stages: policy.stages(start: start, deadline: deadline, urgent: urgent, calculator: calculator))
    }

    /// The clock of a corrective action due at the end of `dueDate`, with the action policy's
    /// stages. nil when the configuration turns action clocks off in the entity's country.
    public func actionPlan(startedAt start: Date, dueDate: LocalDate, entity: Entity) -> ClockPlan? {
        guard let policy = policies.policy(.action, in: entity.country) else { return nil }
        let calculator = entity.deadlineCalculator
        let deadline = Deadline(due: calculator.endOfDay(dueDate), dueDate: dueDate)
        return ClockPlan(
            clock: .action, startedAt: start, deadline: deadline, extended: false, pausedDays: 0,
            stages: policy.stages(start: start, deadline: deadline, urgent: false, calculator: calculator))
    }

    /// Day 7 after receipt, at its end: where feedback is counted from when no acknowledgement
    /// was sent (Directive 2019/1937 Art. 9(1)(f)).
    public func feedbackStartWithoutAcknowledgement(receivedAt: Date, entity: Entity) -> Date {
        let calculator = entity.deadlineCalculator
        return calculator.endOfDay(calculator.day(of: receivedAt).adding(days: 7))
    }

    /// Whether `clock` can be extended in the entity's country.
    public func isExtendable(_ clock: ClockName, entity: Entity) -> Bool {
        policies.policy(clock, in: entity.country)?.extensionSpan != nil
    }
}

extension ClockSpan {
    /// This span and `more` together, in the larger unit when both are months.
    func extended(by more: ClockSpan) -> ClockSpan {
        switch (self, more) {
        case (.months(let a), .months(let b)): .months(a + b)
        case (.days(let a), .days(let b)): .days(a + b)
        case (.hours(let a), .hours(let b)): .hours(a + b)
        default: .days(approximateDays + more.approximateDays)
        }
    }

    var approximateDays: Int {
        switch self {
        case .hours(let hours): (hours + 23) / 24
        case .days(let days): days
        case .months(let months): months * 30
        }
    }
}

extension Entity {
    /// The calculator for deadlines in this entity's country and time zone.
    public var deadlineCalculator: DeadlineCalculator {
        DeadlineCalculator(country: country, timeZone: TimeZone(identifier: timeZone) ?? .gmt)
    }
}
