/// How one clock runs for one country: its span, whether a day-based due date moves off
/// weekends and public holidays, whether it can be extended, and its stages.
public struct ClockPolicy: Hashable, Sendable {
    public var clock: ClockName
    public var span: ClockSpan
    /// Reg. 1182/71 Art. 3(4): a period that ends on a Saturday, Sunday or public holiday ends on
    /// the next working day instead. Only day-based spans move.
    public var movesToWorkingDay: Bool
    /// How much longer an officer may extend it by, with a reason (Art. 12(3): two further months).
    public var extensionSpan: ClockSpan?
    public var stages: [StagePolicy]

    public init(
        clock: ClockName, span: ClockSpan, movesToWorkingDay: Bool = true, extension: ClockSpan? = nil,
        stages: [StagePolicy]
    ) {
        self.clock = clock
        self.span = span
        self.movesToWorkingDay = movesToWorkingDay
        self.extensionSpan = `extension`
        self.stages = stages
    }
}

/// One stage of a clock: at a point of its run, tell these people. A stage fires once; an
/// overdue stage may repeat until the clock is met.
public struct StagePolicy: Hashable, Sendable {
    public var kind: NoticeKind
    public var timing: StageTiming
    public var notify: [RecipientRole]
    /// Fires again this often until the clock is met or stopped.
    public var repeatEvery: ClockSpan?
    /// Fires only for a case flagged urgent (an HSE report of a death or serious injury).
    public var onlyWhenUrgent: Bool

    public init(
        _ kind: NoticeKind, _ timing: StageTiming, notify: [RecipientRole], repeatEvery: ClockSpan? = nil,
        onlyWhenUrgent: Bool = false
    ) {
        self.kind = kind
        self.timing = timing
        self.notify = notify
        self.repeatEvery = repeatEvery
        self.onlyWhenUrgent = onlyWhenUrgent
    }
}

/// When a stage falls due, relative to its clock.
public enum StageTiming: Hashable, Sendable {
    /// This long after the clock started; `.hours(0)` is at once.
    case after(ClockSpan)
    /// This long before the deadline. For a day-based clock, days before the due day at 08:00 local time.
    case before(ClockSpan)

    public var description: String {
        switch self {
        case .after(.hours(0)), .after(.days(0)): "at start"
        case .after(let span): "\(span.description) after start"
        case .before(.hours(0)), .before(.days(0)): "at the deadline"
        case .before(let span): "\(span.description) before the deadline"
        }
    }
}

/// Who a stage tells, resolved against the case and its entity when the stage fires. A person
/// the report concerns is never among them.
public enum RecipientRole: String, Codable, CaseIterable, Sendable {
    /// The case's accountable owner.
    case owner
    case privacyOfficer = "privacy-officer"
    case ceo
    /// The entity's management list, for escalation.
    case management
    /// The entity's designated whistleblowing handlers.
    case handlers
    /// The entity's alternate for conflicts of interest.
    case alternate
    /// The person who carries out a corrective action (on an action's clock only).
    case actionOwner = "action-owner"
}

extension RecipientRole: ParsableValue {
    public static var valueKind: String { "recipient" }
}

/// What a notice says has happened. It never carries report content.
public enum NoticeKind: String, Codable, CaseIterable, Sendable {
    /// A new case needs attention.
    case received
    /// An HSE report of a death or serious injury: alert at once.
    case urgent
    case reminder
    /// The last warning before the deadline.
    case finalWarning = "final-warning"
    /// The deadline has passed.
    case overdue
}

extension NoticeKind: ParsableValue {
    public static var valueKind: String { "notice kind" }
}
