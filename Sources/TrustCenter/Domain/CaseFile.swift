import Foundation

/// A case: a report and everything done about it. Named `CaseFile` because `case` is a Swift
/// keyword; the word is used the same way everywhere in the code.
public struct CaseFile: Codable, Sendable, Hashable {
    public var summary: CaseSummary
    public var report: Report
    public var reporter: Reporter
    public var notes: [CaseNote]
    public var messages: [CaseMessage]
    public var events: [CaseEvent]

    public init(
        summary: CaseSummary, report: Report, reporter: Reporter,
        notes: [CaseNote], messages: [CaseMessage], events: [CaseEvent]
    ) {
        self.summary = summary
        self.report = report
        self.reporter = reporter
        self.notes = notes
        self.messages = messages
        self.events = events
    }

    public var reference: CaseReference { summary.reference }
}

/// What is kept in clear about a case, so that it can be listed and queried without opening it.
public struct CaseSummary: Codable, Sendable, Hashable {
    public var reference: CaseReference
    public var category: Category
    public var status: CaseStatus
    public var entityID: String
    /// When the report was received, to the minute: finer times could help identify the sender.
    public var receivedAt: Date
    public var updatedAt: Date
    public var assignee: OfficerSummary?

    public init(
        reference: CaseReference, category: Category, status: CaseStatus, entityID: String,
        receivedAt: Date, updatedAt: Date, assignee: OfficerSummary?
    ) {
        self.reference = reference
        self.category = category
        self.status = status
        self.entityID = entityID
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.assignee = assignee
    }
}
