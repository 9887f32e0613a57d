import Foundation

/// The stable JSON shapes of events, on the wire and sealed in storage. Each is a flat object
/// with a `kind`, so that clients can switch on it and stored history stays readable.
extension CaseEvent.Actor {
    private enum Keys: String, CodingKey {
        case kind, officer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "reporter": self = .reporter
        case "system": self = .system
        case "officer": self = .officer(try container.decode(OfficerSummary.self, forKey: .officer))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown actor kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .reporter: try container.encode("reporter", forKey: .kind)
        case .system: try container.encode("system", forKey: .kind)
        case .officer(let officer):
            try container.encode("officer", forKey: .kind)
            try container.encode(officer, forKey: .officer)
        }
    }
}

extension CaseEvent.Change {
    private enum Keys: String, CodingKey {
        case kind, category, from, to, reason, owner, at, clock, due, state, stage, recipients
        case level, severity, authority, subjects, fields, identity, outcome, action
        case kind2 = "notice"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "received":
            self = .received(category: try container.decode(Category.self, forKey: .category))
        case "classified":
            self = .classified(
                from: try container.decode(Category.self, forKey: .from),
                to: try container.decode(Category.self, forKey: .to),
                reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "routed":
            self = .routed(
                owner: try container.decode(Contact.self, forKey: .owner),
                reason: try container.decode(String.self, forKey: .reason))
        case "assigned":
            self = .assigned(
                from: try container.decodeIfPresent(Contact.self, forKey: .from),
                to: try container.decode(Contact.self, forKey: .to),
                reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "awareness-set":
            self = .awarenessSet(
                at: try container.decode(Date.self, forKey: .at),
                reason: try container.decode(String.self, forKey: .reason))
        case "clock-extended":
            self = .clockExtended(
                clock: try container.decode(ClockName.self, forKey: .clock),
                due: try container.decode(Date.self, forKey: .due),
                reason: try container.decode(String.self, forKey: .reason))
        case "clock-paused":
            self = .clockPaused(
                clock: try container.decode(ClockName.self, forKey: .clock),
                reason: try container.decode(String.self, forKey: .reason))
        case "clock-resumed":
            self = .clockResumed(
                clock: try container.decode(ClockName.self, forKey: .clock),
                due: try container.decode(Date.self, forKey: .due))
        case "clock-ended":
            self = .clockEnded(
                clock: try container.decode(ClockName.self, forKey: .clock),
                state: try container.decode(ClockState.self, forKey: .state))
        case "authority-notified":
            self = .authorityNotified(stage: try container.decode(NotificationStage.self, forKey: .stage))
        case "notices-queued":
            self = .noticesQueued(
                clock: try container.decode(ClockName.self, forKey: .clock),
                kind: try container.decode(NoticeKind.self, forKey: .kind2),
                recipients: try container.decode(Int.self, forKey: .recipients))
        case "status-changed":
            self = .statusChanged(
                from: try container.decode(CaseStatus.self, forKey: .from),
                to: try container.decode(CaseStatus.self, forKey: .to))
        case "note-added":
            self = .noteAdded
        case "message-sent":
            self = .messageSent
        case "message-received":
            self = .messageReceived
        case "assessed":
            self = .assessed(
                level: try container.decode(RiskLevel.self, forKey: .level),
                severity: try container.decode(Double.self, forKey: .severity))
        case "decided":
            self = .decided(
                notifyAuthority: try container.decode(Bool.self, forKey: .authority),
                subjects: try container.decode(SubjectsDecision.self, forKey: .subjects),
                reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "subjects-told":
            self = .subjectsTold(at: try container.decode(Date.self, forKey: .at))
        case "account-updated":
            self = .accountUpdated(fields: try container.decode([String].self, forKey: .fields))
        case "identity-changed":
            self = .identityChanged(to: try container.decode(IdentityStatus.self, forKey: .identity))
        case "answered":
            self = .answered(outcome: try container.decode(RightsOutcome.self, forKey: .outcome))
        case "feedback-given":
            self = .feedbackGiven
        case "identity-revealed":
            self = .identityRevealed
        case "action-added":
            self = .actionAdded(
                id: try container.decode(Int64.self, forKey: .action),
                due: try container.decode(Date.self, forKey: .due))
        case "action-done":
            self = .actionDone(id: try container.decode(Int64.self, forKey: .action))
        case "closed":
            self = .closed(outcome: try container.decode(String.self, forKey: .outcome))
        case "reopened":
            self = .reopened(reason: try container.decode(String.self, forKey: .reason))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown event kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .received(let category):
            try container.encode(category, forKey: .category)
        case .classified(let from, let to, let reason):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .routed(let owner, let reason):
            try container.encode(owner, forKey: .owner)
            try container.encode(reason, forKey: .reason)
        case .assigned(let from, let to, let reason):
            try container.encodeIfPresent(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .awarenessSet(let at, let reason):
            try container.encode(at, forKey: .at)
            try container.encode(reason, forKey: .reason)
        case .clockExtended(let clock, let due, let reason):
            try container.encode(clock, forKey: .clock)
            try container.encode(due, forKey: .due)
            try container.encode(reason, forKey: .reason)
        case .clockPaused(let clock, let reason):
            try container.encode(clock, forKey: .clock)
            try container.encode(reason, forKey: .reason)
        case .clockResumed(let clock, let due):
            try container.encode(clock, forKey: .clock)
            try container.encode(due, forKey: .due)
        case .clockEnded(let clock, let state):
            try container.encode(clock, forKey: .clock)
            try container.encode(state, forKey: .state)
        case .authorityNotified(let stage):
            try container.encode(stage, forKey: .stage)
        case .noticesQueued(let clock, let kind, let recipients):
            try container.encode(clock, forKey: .clock)
            try container.encode(kind, forKey: .kind2)
            try container.encode(recipients, forKey: .recipients)
        case .statusChanged(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .assessed(let level, let severity):
            try container.encode(level, forKey: .level)
            try container.encode(severity, forKey: .severity)
        case .decided(let notifyAuthority, let subjects, let reason):
            try container.encode(notifyAuthority, forKey: .authority)
            try container.encode(subjects, forKey: .subjects)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .subjectsTold(let at):
            try container.encode(at, forKey: .at)
        case .accountUpdated(let fields):
            try container.encode(fields, forKey: .fields)
        case .identityChanged(let status):
            try container.encode(status, forKey: .identity)
        case .answered(let outcome):
            try container.encode(outcome, forKey: .outcome)
        case .actionAdded(let id, let due):
            try container.encode(id, forKey: .action)
            try container.encode(due, forKey: .due)
        case .actionDone(let id):
            try container.encode(id, forKey: .action)
        case .closed(let outcome):
            try container.encode(outcome, forKey: .outcome)
        case .reopened(let reason):
            try container.encode(reason, forKey: .reason)
        case .noteAdded, .messageSent, .messageReceived, .feedbackGiven, .identityRevealed:
            break
        }
    }
}
