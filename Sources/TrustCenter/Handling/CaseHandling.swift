import Foundation

/// What the officers recorded while handling a case, beyond notes and messages: the account of
/// what happened, a breach's assessments and decisions, a rights request's identity check and
/// answer, whistleblowing feedback, and the closing. Stored sealed with the case.
public struct CaseHandling: Codable, Sendable, Hashable {
    public var account: IncidentAccount
    /// Every assessment of a breach, oldest first; the last one is current.
    public var assessments: [RecordedAssessment]
    /// Every decision on a breach, oldest first; the last one stands.
    public var decisions: [BreachDecision]
    /// When and how the data subjects were told (Art. 34).
    public var subjectsTold: [SubjectsTold]
    /// The identity check of a rights request; nil for other cases.
    public var identity: IdentityStatus?
    public var answer: RightsAnswer?
    /// When the whistleblowing reporter was given feedback.
    public var feedbackAt: Date?
    /// The outcome given when the case was last closed.
    public var outcome: String?
    public var closedAt: Date?
    /// The language the reporter wrote in; letters to them are written in it.
    public var language: Language?

    public init(
        account: IncidentAccount = IncidentAccount(), assessments: [RecordedAssessment] = [],
        decisions: [BreachDecision] = [], subjectsTold: [SubjectsTold] = [], identity: IdentityStatus? = nil,
        answer: RightsAnswer? = nil, feedbackAt: Date? = nil, outcome: String? = nil, closedAt: Date? = nil,
        language: Language? = nil
    ) {
        self.account = account
        self.assessments = assessments
        self.decisions = decisions
        self.subjectsTold = subjectsTold
        self.identity = identity
        self.answer = answer
        self.feedbackAt = feedbackAt
        self.outcome = outcome
        self.closedAt = closedAt
        self.language = language
    }

    public var assessment: RecordedAssessment? { assessments.last }
    public var decision: BreachDecision? { decisions.last }
}
