import Foundation

/// One entry in a case's history: who did what, and when. Every change to a case writes one,
/// in the same transaction as the change.
public struct CaseEvent: Codable, Sendable, Hashable {
    public var at: Date
    public var actor: Actor
    public var change: Change

    public init(at: Date, actor: Actor, change: Change) {
        self.at = at
        self.actor = actor
        self.change = change
    }

    /// Who caused the event.
    public enum Actor: Codable, Sendable, Hashable {
        /// The reporter, through the form or the follow-up key. Never identified.
        case reporter
        /// Trust Center itself (classification rules, clocks).
        case system
        case officer(OfficerSummary)
    }

    /// What happened.
    public enum Change: Codable, Sendable, Hashable {
        case received(category: Category)
        case classified(from: Category, to: Category, reason: String?)
        case assigned(from: OfficerSummary?, to: OfficerSummary)
        case statusChanged(from: CaseStatus, to: CaseStatus)
        case noteAdded
        /// An officer wrote to the reporter.
        case messageSent
        /// The reporter wrote, through the follow-up page.
        case messageReceived

        /// A stable name for the kind of change, kept in clear so that history can be counted.
        public var kind: String {
            switch self {
            case .received: "received"
            case .classified: "classified"
            case .assigned: "assigned"
            case .statusChanged: "status-changed"
            case .noteAdded: "note-added"
            case .messageSent: "message-sent"
            case .messageReceived: "message-received"
            }
        }
    }
}
