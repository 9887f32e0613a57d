import Foundation

/// The officer's account of what happened, written for the breach register and the authority:
/// what happened and why, its consequences, and the measures taken. Seed 004 asks the responsible
/// recipient for exactly this for every deviation. It never names people (see `PersonalDataScreen`).
public struct IncidentAccount: Codable, Sendable, Hashable {
    /// What happened and how (Art. 33(3)(a): the nature of the breach).
    public var whatHappened: String?
    /// The main cause.
    public var cause: String?
    /// Consequences, observed or likely (Art. 33(3)(c)).
    public var consequences: String?
    /// Immediate measures taken to stop it and limit the harm (Art. 33(3)(d)).
    public var immediateMeasures: String?
    /// Measures in place before it happened (asked by Datatilsynet DK).
    public var measuresBefore: String?
    /// The groups of people affected, such as "customers" or "employees"; never names.
    public var subjectGroups: String?
    /// When it began and ended, as far as known.
    public var occurredFrom: Date?
    public var occurredUntil: Date?

    public init(
        whatHappened: String? = nil, cause: String? = nil, consequences: String? = nil,
        immediateMeasures: String? = nil, measuresBefore: String? = nil, subjectGroups: String? = nil,
        occurredFrom: Date? = nil, occurredUntil: Date? = nil
    ) {
        self.whatHappened = whatHappened
        self.cause = cause
        self.consequences = consequences
        self.immediateMeasures = immediateMeasures
        self.measuresBefore = measuresBefore
        self.subjectGroups = subjectGroups
        self.occurredFrom = occurredFrom
        self.occurredUntil = occurredUntil
    }

    /// The fields that are set, by their names, for events: "whatHappened", "cause", …
    public var setFields: [String] {
        [
            ("whatHappened", whatHappened != nil), ("cause", cause != nil), ("consequences", consequences != nil),
            ("immediateMeasures", immediateMeasures != nil), ("measuresBefore", measuresBefore != nil),
            ("subjectGroups", subjectGroups != nil), ("occurredFrom", occurredFrom != nil),
            ("occurredUntil", occurredUntil != nil),
        ].filter(\.1).map(\.0)
    }

    /// This account with every field that `other` sets taken from it.
    public func merged(with other: IncidentAccount) -> IncidentAccount {
        IncidentAccount(
            whatHappened: other.whatHappened ?? whatHappened, cause: other.cause ?? cause,
            consequences: other.consequences ?? consequences,
            immediateMeasures: other.immediateMeasures ?? immediateMeasures,
            measuresBefore: other.measuresBefore ?? measuresBefore, subjectGroups: other.subjectGroups ?? subjectGroups,
            occurredFrom: other.occurredFrom ?? occurredFrom, occurredUntil: other.occurredUntil ?? occurredUntil)
    }

    /// The text fields with their names, for checks.
    var texts: [(field: String, text: String?)] {
        [
            ("whatHappened", whatHappened), ("cause", cause), ("consequences", consequences),
            ("immediateMeasures", immediateMeasures), ("measuresBefore", measuresBefore),
            ("subjectGroups", subjectGroups),
        ]
    }
}
