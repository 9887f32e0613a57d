/// A report as it arrives from the guided form or the JSON API, before any checking.
public struct ReportSubmission: Sendable, Hashable {
    /// Which company it concerns; may be left out when the group has one entity.
    public var entityID: String?
    /// Answers by question id.
    public var answers: AnswerSet
    /// Nil for an anonymous report.
    public var contact: ReporterContact?
    /// The language the reporter used; letters to them are written in it.
    public var language: Language?

    public init(entityID: String?, answers: AnswerSet, contact: ReporterContact?, language: Language? = nil) {
        self.entityID = entityID
        self.answers = answers
        self.contact = contact
        self.language = language
    }
}

/// What the reporter takes away: the case reference and the follow-up key, shown once.
public struct Receipt: Codable, Sendable, Hashable {
    public var reference: CaseReference
    public var followUpKey: String

    public init(reference: CaseReference, followUpKey: FollowUpKey) {
        self.reference = reference
        self.followUpKey = followUpKey.description
    }
}

/// A submission that cannot be filed, with every problem found. Each names its question (or
/// `entity`, `identity`, `name`, `email`, `phone`) and a catalogue key, so that the web form can
/// say it in the reporter's language and the JSON API in English.
public struct SubmissionProblems: Error, Sendable, Equatable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }
}
