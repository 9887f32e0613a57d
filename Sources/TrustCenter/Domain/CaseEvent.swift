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
        /// Where routing sent the case, at receipt or after a reclassification.
        case routed(owner: Contact, reason: String)
        /// An officer gave the case another owner.
        case assigned(from: Contact?, to: Contact, reason: String?)
        /// An officer set when the organisation became aware of a breach (Art. 33(1)).
        case awarenessSet(at: Date, reason: String)
        /// An officer extended a clock (Art. 12(3)).
        case clockExtended(clock: ClockName, due: Date, reason: String)
        case clockPaused(clock: ClockName, reason: String)
        case clockResumed(clock: ClockName, due: Date)
        /// A clock ended: met, or stopped because it no longer applies.
        case clockEnded(clock: ClockName, state: ClockState)
        /// The authority was notified (Art. 33); the details are in the case's notifications.
        case authorityNotified(stage: NotificationStage)
        /// A clock's stage fired and told people; they are listed in the outbox.
        case noticesQueued(clock: ClockName, kind: NoticeKind, recipients: Int)
        case statusChanged(from: CaseStatus, to: CaseStatus)
        case noteAdded
        /// An officer wrote to the reporter.
        case messageSent
        /// The reporter wrote, through the follow-up page.
        case messageReceived
        /// A breach was assessed (Art. 33/34); the facts and the reasons are in the case's handling.
        case assessed(level: RiskLevel, severity: Double)
        /// The officer decided whom to notify, with the reason when it differs from the recommendation.
        case decided(notifyAuthority: Bool, subjects: SubjectsDecision, reason: String?)
        /// The data subjects were told of the breach (Art. 34).
        case subjectsTold(at: Date)
        /// The account of what happened was written or changed; the names of the fields set.
        case accountUpdated(fields: [String])
        /// The identity check of a rights requester moved on (Art. 12(6)).
        case identityChanged(to: IdentityStatus)
        /// A rights request was answered (Art. 12(3), 12(4)).
        case answered(outcome: RightsOutcome)
        /// The whistleblowing reporter was given feedback (Directive 2019/1937 Art. 9(1)(f)).
        case feedbackGiven
        /// An officer opened the identity of a whistleblowing reporter.
        case identityRevealed
        /// A corrective or preventive action was set, or done.
        case actionAdded(id: Int64, due: Date)
        case actionDone(id: Int64)
        case closed(outcome: String)
        case reopened(reason: String)

        /// A stable name for the kind of change, kept in clear so that history can be counted.
        public var kind: String {
            switch self {
            case .received: "received"
            case .classified: "classified"
            case .routed: "routed"
            case .assigned: "assigned"
            case .awarenessSet: "awareness-set"
            case .clockExtended: "clock-extended"
            case .clockPaused: "clock-paused"
            case .clockResumed: "clock-resumed"
            case .clockEnded: "clock-ended"
            case .authorityNotified: "authority-notified"
            case .noticesQueued: "notices-queued"
            case .statusChanged: "status-changed"
            case .noteAdded: "note-added"
            case .messageSent: "message-sent"
            case .messageReceived: "message-received"
            case .assessed: "assessed"
            case .decided: "decided"
            case .subjectsTold: "subjects-told"
            case .accountUpdated: "account-updated"
            case .identityChanged: "identity-changed"
            case .answered: "answered"
            case .feedbackGiven: "feedback-given"
            case .identityRevealed: "identity-revealed"
            case .actionAdded: "action-added"
            case .actionDone: "action-done"
            case .closed: "closed"
            case .reopened: "reopened"
            }
        }
    }
}
