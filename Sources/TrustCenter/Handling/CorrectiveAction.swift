import Foundation

/// A corrective or preventive action on a case (seed 004: measures that limit the consequences
/// and prevent a repeat). Its due date runs as a clock with stages, like the legal deadlines.
public struct CorrectiveAction: Codable, Sendable, Hashable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var reference: CaseReference
    public var what: String
    /// Who does it. They are reminded by email, which says only the case reference and the due date.
    public var owner: Contact
    /// The local day it is due, in the case's entity's time zone; the end of that day is the deadline.
    public var dueDate: LocalDate
    public var due: Date
    public var createdAt: Date
    public var createdBy: OfficerSummary
    public var doneAt: Date?
    public var doneNote: String?
    public var doneBy: OfficerSummary?

    public init(
        id: ID, reference: CaseReference, what: String, owner: Contact, dueDate: LocalDate, due: Date,
        createdAt: Date, createdBy: OfficerSummary, doneAt: Date? = nil, doneNote: String? = nil,
        doneBy: OfficerSummary? = nil
    ) {
        self.id = id
        self.reference = reference
        self.what = what
        self.owner = owner
        self.dueDate = dueDate
        self.due = due
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.doneAt = doneAt
        self.doneNote = doneNote
        self.doneBy = doneBy
    }

    public var isOpen: Bool { doneAt == nil }

    /// Whether it is open and past its deadline at `now`.
    public func isOverdue(at now: Date) -> Bool { isOpen && due < now }
}
