/// The clock policies in force: the defaults from DOMAIN.md, with the configuration's changes
/// per clock and, optionally, per country.
public struct ClockPolicies: Hashable, Sendable {
    /// A configured change: for every country (`country == nil`) or for one. A country's change
    /// wins over an all-country one. `policy == nil` turns the clock off there.
    public struct Override: Hashable, Sendable {
        public var clock: ClockName
        public var country: Country?
        public var policy: ClockPolicy?

        public init(clock: ClockName, country: Country?, policy: ClockPolicy?) {
            self.clock = clock
            self.country = country
            self.policy = policy
        }
    }

    public var overrides: [Override]

    public init(overrides: [Override] = []) {
        self.overrides = overrides
    }

    /// The policy for `clock` in `country`, or nil when that clock does not run there.
    public func policy(_ clock: ClockName, in country: Country) -> ClockPolicy? {
        if let override = overrides.last(where: { $0.clock == clock && $0.country == country }) {
            return override.policy
        }
        if let override = overrides.last(where: { $0.clock == clock && $0.country == nil }) {
            return override.policy
        }
        return Self.standard(clock, in: country)
    }

    /// The defaults, from the law where it sets a deadline and from common practice where it
    /// leaves a service level to the organisation.
    public static func standard(_ clock: ClockName, in country: Country) -> ClockPolicy? {
        switch clock {
        case .breach:
            // Art. 33(1): continuous hours, weekends and holidays included.
            ClockPolicy(
                clock: .breach, span: .hours(72), movesToWorkingDay: false,
                stages: [
                    StagePolicy(.received, .after(.hours(0)), notify: [.privacyOfficer, .ceo]),
                    StagePolicy(.reminder, .after(.hours(24)), notify: [.owner]),
                    StagePolicy(.reminder, .after(.hours(48)), notify: [.owner]),
                    StagePolicy(.finalWarning, .after(.hours(66)), notify: [.owner, .ceo, .management]),
                    StagePolicy(
                        .overdue, .before(.hours(0)), notify: [.owner, .ceo, .management], repeatEvery: .hours(24)),
                ])
        case .breachSupplement:
            // IMY asks for supplements within four weeks of the initial notification; elsewhere
            // "without undue further delay" sets no fixed period, so no clock runs by default.
            country == .sweden
                ? ClockPolicy(
                    clock: .breachSupplement, span: .days(28),
                    stages: [
                        StagePolicy(.reminder, .before(.days(7)), notify: [.owner]),
                        StagePolicy(.finalWarning, .before(.days(2)), notify: [.owner, .ceo]),
                        StagePolicy(.overdue, .before(.days(0)), notify: [.owner, .ceo, .management]),
                    ])
                : nil
        case .rightsRequest:
            ClockPolicy(
                clock: .rightsRequest, span: .months(1), extension: .months(2),
                stages: [
                    StagePolicy(.received, .after(.hours(0)), notify: [.owner]),
                    StagePolicy(.reminder, .before(.days(7)), notify: [.owner]),
                    StagePolicy(.finalWarning, .before(.days(2)), notify: [.owner, .ceo]),
                    StagePolicy(
                        .overdue, .before(.days(0)), notify: [.owner, .ceo, .management], repeatEvery: .days(7)),
                ])
        case .whistleblowingAck:
            ClockPolicy(
                clock: .whistleblowingAck, span: .days(7),
                stages: [
                    StagePolicy(.received, .after(.hours(0)), notify: [.handlers]),
                    StagePolicy(.finalWarning, .before(.days(2)), notify: [.owner]),
                    StagePolicy(.overdue, .before(.days(0)), notify: [.owner, .alternate]),
                ])
        case .whistleblowingFeedback:
            // Norway asks for feedback "within reasonable time"; three months is the default there too.
            ClockPolicy(
                clock: .whistleblowingFeedback, span: .months(3),
                stages: [
                    StagePolicy(.reminder, .before(.days(14)), notify: [.owner]),
                    StagePolicy(.finalWarning, .before(.days(2)), notify: [.owner]),
                    StagePolicy(.overdue, .before(.days(0)), notify: [.owner, .alternate]),
                ])
        case .complaint:
            serviceLevel(.complaint, days: 30, escalateTo: .ceo)
        case .deviation:
            serviceLevel(.deviation, days: 14, escalateTo: .management)
        case .hse:
            ClockPolicy(
                clock: .hse, span: .days(14),
                stages: [
                    // Norway: a workplace death or serious injury is alerted at once.
                    StagePolicy(.urgent, .after(.hours(0)), notify: [.ceo, .management], onlyWhenUrgent: true),
                    StagePolicy(.received, .after(.hours(0)), notify: [.owner]),
                    StagePolicy(.reminder, .before(.days(2)), notify: [.owner]),
                    StagePolicy(.overdue, .before(.days(0)), notify: [.owner, .management]),
                ])
        case .question:
            serviceLevel(.question, days: 14, escalateTo: .ceo)
        case .action:
            // The span is the officer's due date; only the stages come from here.
            ClockPolicy(
                clock: .action, span: .days(0), movesToWorkingDay: false,
                stages: [
                    StagePolicy(.reminder, .before(.days(2)), notify: [.actionOwner]),
                    StagePolicy(.finalWarning, .before(.days(1)), notify: [.actionOwner, .owner]),
                    StagePolicy(
                        .overdue, .before(.days(0)), notify: [.actionOwner, .owner, .management],
                        repeatEvery: .days(7)),
                ])
        }
    }

    /// A service level: told at receipt, reminded two days before, escalated when overdue.
    private static func serviceLevel(_ clock: ClockName, days: Int, escalateTo: RecipientRole) -> ClockPolicy {
        ClockPolicy(
            clock: clock, span: .days(days),
            stages: [
                StagePolicy(.received, .after(.hours(0)), notify: [.owner]),
                StagePolicy(.reminder, .before(.days(2)), notify: [.owner]),
                StagePolicy(.overdue, .before(.days(0)), notify: [.owner, escalateTo]),
            ])
    }
}
