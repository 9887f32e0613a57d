import Foundation

/// The officer's decision on a breach: whether to notify the authority (Art. 33) and the data
/// subjects (Art. 34). The system recommends; the officer decides, and gives a reason whenever the
/// decision differs from the recommendation.
public struct BreachDecision: Codable, Sendable, Hashable {
    public var notifyAuthority: Bool
    public var subjects: SubjectsDecision
    public var reason: String?
    /// The assessment's recommendation when the decision was made.
    public var recommended: Recommendation
    public var decidedAt: Date
    public var decidedBy: OfficerSummary

    public init(
        notifyAuthority: Bool, subjects: SubjectsDecision, reason: String?, recommended: Recommendation,
        decidedAt: Date, decidedBy: OfficerSummary
    ) {
        self.notifyAuthority = notifyAuthority
        self.subjects = subjects
        self.reason = reason
        self.recommended = recommended
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }

    /// Whether the decision departs from what the assessment recommended.
    public var differsFromRecommendation: Bool {
        // Telling the subjects is recommended: "yes", or an Art. 34(3) exception in its place, agrees.
        let subjectsAgree =
            recommended.notifySubjects ? (subjects == .yes || subjects.isException) : subjects != .yes
        return notifyAuthority != recommended.notifyAuthority || !subjectsAgree
    }

    /// What the assessment recommended.
    public struct Recommendation: Codable, Sendable, Hashable {
        public var level: RiskLevel
        public var notifyAuthority: Bool
        public var notifySubjects: Bool

        public init(level: RiskLevel, notifyAuthority: Bool, notifySubjects: Bool) {
            self.level = level
            self.notifyAuthority = notifyAuthority
            self.notifySubjects = notifySubjects
        }
    }
}

/// Whether the data subjects are told (Art. 34), or which Art. 34(3) exception applies.
public enum SubjectsDecision: String, Codable, CaseIterable, Sendable {
    case yes
    case no
    /// Art. 34(3)(a): the data were unintelligible to anyone not authorised (encrypted, key safe).
    case exceptionA = "exception-a"
    /// Art. 34(3)(b): later measures ensure the high risk is no longer likely to materialise.
    case exceptionB = "exception-b"
    /// Art. 34(3)(c): telling each would take disproportionate effort; a public communication instead.
    case exceptionC = "exception-c"

    public var isException: Bool { self == .exceptionA || self == .exceptionB || self == .exceptionC }

    /// "Art. 34(3)(a): data unintelligible", for registers and drafts.
    public var explanation: String {
        switch self {
        case .yes: "the data subjects are told"
        case .no: "the data subjects are not told"
        case .exceptionA: "Art. 34(3)(a): the data were unintelligible to anyone not authorised"
        case .exceptionB: "Art. 34(3)(b): later measures removed the high risk"
        case .exceptionC: "Art. 34(3)(c): disproportionate effort; a public communication instead"
        }
    }
}

extension SubjectsDecision: ParsableValue {
    public static var valueKind: String { "subjects decision" }
}

/// How and when the data subjects were told of a breach (Art. 34).
public struct SubjectsTold: Codable, Sendable, Hashable {
    public var at: Date
    /// How: "email to each customer", "notice on the website"; never names.
    public var how: String
    public var recordedBy: OfficerSummary

    public init(at: Date, how: String, recordedBy: OfficerSummary) {
        self.at = at
        self.how = how
        self.recordedBy = recordedBy
    }
}

/// An assessment of a breach as recorded on its case: the facts, and what they gave.
public struct RecordedAssessment: Codable, Sendable, Hashable {
    public var facts: BreachFacts
    public var result: BreachAssessment
    public var assessedAt: Date
    public var assessedBy: OfficerSummary

    public init(facts: BreachFacts, result: BreachAssessment, assessedAt: Date, assessedBy: OfficerSummary) {
        self.facts = facts
        self.result = result
        self.assessedAt = assessedAt
        self.assessedBy = assessedBy
    }
}
