import Foundation

/// One breach in the register of Art. 33(5), notified or not: the facts, effects and remedial
/// action, the assessment, each decision and its reason, the notifications with their times,
/// references and reasons for delay, and when and how the data subjects were told. Built from
/// what officers recorded for the register, never from the report, the reporter, messages or
/// notes, so it holds no personal data of the reporter or the data subjects.
public struct BreachRegisterEntry: Codable, Sendable, Hashable {
    public var reference: CaseReference
    public var entity: String
    public var country: Country
    public var status: CaseStatus
    public var receivedAt: Date
    /// When the organisation became aware (Art. 33(1)); the 72 hours ran from it.
    public var awareAt: Date
    /// The 72-hour deadline, when the breach clock ran.
    public var notificationDue: Date?
    public var occurredFrom: Date?
    public var occurredUntil: Date?
    public var whatHappened: String?
    public var cause: String?
    public var subjectGroups: String?
    /// The effects: consequences observed or likely.
    public var consequences: String?
    /// The remedial action: immediate measures, and the corrective actions with their state.
    public var immediateMeasures: String?
    public var measuresBefore: String?
    public var actions: [Action]
    public var facts: BreachFacts?
    public var assessment: BreachAssessment?
    public var assessedAt: Date?
    public var decisions: [Decision]
    public var notifications: [Notification]
    public var subjectsTold: [Telling]
    public var closedAt: Date?

    public struct Action: Codable, Sendable, Hashable {
        public var what: String
        public var dueDate: LocalDate
        public var doneAt: Date?
    }

    public struct Decision: Codable, Sendable, Hashable {
        public var decidedAt: Date
        public var notifyAuthority: Bool
        public var subjects: SubjectsDecision
        public var recommendedLevel: RiskLevel
        public var differsFromRecommendation: Bool
        public var reason: String?
    }

    public struct Notification: Codable, Sendable, Hashable {
        public var stage: NotificationStage
        public var notifiedAt: Date
        public var authority: String
        public var authorityReference: String
        public var late: Bool
        public var lateReason: String?
    }

    public struct Telling: Codable, Sendable, Hashable {
        public var at: Date
        public var how: String
    }

    /// The entry of one breach, from the case as the store's changes see it: without the report,
    /// the reporter, messages or notes.
    public init(_ state: CaseState, entity: Entity) {
        let handling = state.handling
        let account = handling.account
        let breachClock = state.clocks.last { $0.clock == .breach }
        reference = state.summary.reference
        self.entity = entity.name
        country = entity.country
        status = state.summary.status
        receivedAt = state.summary.receivedAt
        awareAt = state.awarenessAt ?? state.summary.receivedAt
        notificationDue = breachClock?.due
        occurredFrom = account.occurredFrom
        occurredUntil = account.occurredUntil
        whatHappened = account.whatHappened
        cause = account.cause
        subjectGroups = account.subjectGroups
        consequences = account.consequences
        immediateMeasures = account.immediateMeasures
        measuresBefore = account.measuresBefore
        actions = state.actions.map { Action(what: $0.what, dueDate: $0.dueDate, doneAt: $0.doneAt) }
        facts = handling.assessment?.facts
        assessment = handling.assessment?.result
        assessedAt = handling.assessment?.assessedAt
        decisions = handling.decisions.map {
            Decision(
                decidedAt: $0.decidedAt, notifyAuthority: $0.notifyAuthority, subjects: $0.subjects,
                recommendedLevel: $0.recommended.level, differsFromRecommendation: $0.differsFromRecommendation,
                reason: $0.reason)
        }
        notifications = state.notifications.map { notification in
            Notification(
                stage: notification.stage, notifiedAt: notification.notifiedAt, authority: notification.authority,
                authorityReference: notification.authorityReference,
                late: notification.stage == .initial && (breachClock.map { notification.notifiedAt > $0.due } ?? false),
                lateReason: notification.lateReason)
        }
        subjectsTold = handling.subjectsTold.map { Telling(at: $0.at, how: $0.how) }
        closedAt = handling.closedAt
    }
}
