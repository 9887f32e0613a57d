/// A report as it arrives from the web form or the JSON API, before any checking.
public struct ReportSubmission: Sendable, Hashable {
    /// What the report is about, as the reporter chose it.
    public var category: String
    /// Which company it concerns; may be left out when the group has one entity.
    public var entityID: String?
    /// Answers by question identifier, in the order given.
    public var answers: [Answer]
    /// Nil for an anonymous report.
    public var contact: ReporterContact?

    public init(category: String, entityID: String?, answers: [Answer], contact: ReporterContact?) {
        self.category = category
        self.entityID = entityID
        self.answers = answers
        self.contact = contact
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
