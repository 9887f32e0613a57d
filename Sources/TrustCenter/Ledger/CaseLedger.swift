import Foundation
import Logging

/// The core's side of storage: every rule about what is written and who may read it, over a
/// thin `CaseStore`. The ledger routes nothing itself (that is `CaseRouter`) and checks no
/// change (that is `CaseChange`); it turns what they decide into sealed records, fires stages,
/// keeps visibility, and makes every event. A store is handed the finished records.
///
/// Writes are optimistic: a change reads the case, works out its writes, and commits them with
/// the case's version as the condition. When another writer got there first the store says
/// `StoreConflict`, and the ledger reads again and works the change out anew, a few times.
public struct CaseLedger: Sendable {
    public let store: any CaseStore
    let sealer: Sealer
    let rules: CaseRules
    let ids: IdentifierPool
    /// Stage failures, by case reference and stage id, never content.
    let logger: Logger

    /// How often a change is worked out again after a conflict before the conflict is said.
    static let attempts = 5

    public init(store: any CaseStore, sealer: Sealer, rules: CaseRules, logger: Logger) {
        self.store = store
        self.sealer = sealer
        self.rules = rules
        self.ids = IdentifierPool(store: store)
        self.logger = logger
    }

    /// Runs `body` again while it meets a conflict, at most `attempts` times.
    func retryingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch is StoreConflict where attempt < Self.attempts {
                attempt += 1
            }
        }
    }
}

// MARK: Opening records

extension CaseLedger {
    /// The case's clear summary; the owner comes from its sealed routing.
    func summary(of record: CaseRecord) throws -> CaseSummary {
        guard let reference = record.reference else { throw RowError(column: "reference", problem: "is missing") }
        return CaseSummary(
            reference: reference, category: record.category, status: record.status, entityID: record.entityID,
            timeZone: try rules.entity(record.entityID).timeZone, receivedAt: record.receivedAt,
            updatedAt: record.updatedAt, owner: try routing(of: record)?.owner, urgent: record.urgent)
    }

    /// The case's routing; nil for a case stored before routing existed.
    func routing(of record: CaseRecord) throws -> Routing? {
        try record.routing.map { try sealer.open(json: Routing.self, from: $0, context: .routing(of: .init(record))) }
    }

    /// The routing, or for a case stored before routing existed the defaults, so it has an owner.
    func effectiveRouting(of record: CaseRecord) throws -> Routing {
        try routing(of: record)
            ?? CaseRouter.route(record.category, concerns: [], entity: try rules.entity(record.entityID))
    }

    /// The case as a change sees it: without the report, the reporter, messages or notes.
    func state(of stored: StoredCase) throws -> CaseState {
        let owner = CaseSealOwner(stored.record)
        return CaseState(
            summary: try summary(of: stored.record), routing: try effectiveRouting(of: stored.record),
            awarenessAt: stored.record.awarenessAt, clocks: Self.clocks(stored.clocks, stages: stored.stages),
            notifications: try stored.notifications.map { try notification($0, of: owner, officers: stored.officers) },
            handling: try handling(of: stored),
            actions: try stored.actions.map { try action($0, of: stored.record) })
    }

    func handling(of stored: StoredCase) throws -> CaseHandling {
        guard let sealed = stored.content.handling else { return CaseHandling() }
        return try sealer.open(json: CaseHandling.self, from: sealed, context: .handling(of: .init(stored.record)))
    }

    /// The whole case, opened.
    func caseFile(of stored: StoredCase) throws -> CaseFile {
        let owner = CaseSealOwner(stored.record)
        let officers = stored.officers
        return CaseFile(
            summary: try summary(of: stored.record),
            report: try sealer.open(json: Report.self, from: stored.content.report, context: .report(of: owner)),
            reporter: try sealer.open(
                json: Reporter.self, from: stored.content.reporter, context: .reporter(of: owner)),
            notes: try stored.notes.map { note in
                CaseNote(
                    author: try Self.officer(note.officerID, in: officers), at: note.at,
                    text: try sealer.open(
                        json: String.self, from: note.body,
                        context: .note(of: owner, row: note.id, at: note.at, officer: note.officerID)))
            },
            messages: try stored.messages.map { message in
                CaseMessage(
                    direction: message.direction,
                    author: try message.officerID.map { try Self.officer($0, in: officers) }, at: message.at,
                    text: try sealer.open(
                        json: String.self, from: message.body,
                        context: .message(
                            of: owner, row: message.id, at: message.at, direction: message.direction,
                            officer: message.officerID)))
            },
            events: try stored.events.map { event in
                let actor: CaseEvent.Actor =
                    switch event.actor {
                    case .reporter: .reporter
                    case .system: .system
                    case .officer(let id): .officer(try Self.officer(id, in: officers))
                    }
                return CaseEvent(
                    at: event.at, actor: actor,
                    change: try sealer.open(
                        json: CaseEvent.Change.self, from: event.detail,
                        context: .event(of: owner, row: event.id, at: event.at, actor: event.actor)))
            },
            routing: try routing(of: stored.record), awarenessAt: stored.record.awarenessAt,
            clocks: Self.clocks(stored.clocks, stages: stored.stages),
            notifications: try stored.notifications.map { try notification($0, of: owner, officers: officers) },
            handling: try handling(of: stored),
            actions: try stored.actions.map { try action($0, of: stored.record) })
    }

    static func officer(_ id: Officer.ID, in officers: [Officer.ID: OfficerSummary]) throws -> OfficerSummary {
        guard let officer = officers[id] else { throw RowError(column: "officer_id", problem: "names no officer") }
        return officer
    }

    static func clocks(_ clocks: [ClockRecord], stages: [StageRecord]) -> [CaseClock] {
        let byClock = Dictionary(grouping: stages, by: \.clockID)
        return clocks.map { clock in
            CaseClock(
                clock: clock.name, state: clock.state, startedAt: clock.startedAt, due: clock.dueAt,
                dueDate: clock.dueDate, extended: clock.extended, pausedAt: clock.pausedAt,
                pausedDays: clock.pausedDays, endedAt: clock.endedAt, actionID: clock.actionID,
                stages: (byClock[clock.id] ?? []).map {
                    ClockStage(kind: $0.kind, label: $0.label, at: $0.at, firedAt: $0.firedAt, error: $0.error)
                })
        }
    }

    func notification(
        _ record: NotificationRecord, of owner: CaseSealOwner, officers: [Officer.ID: OfficerSummary]
    ) throws -> RegulatorNotification {
        let detail = try sealer.open(
            json: NotificationDetail.self, from: record.detail,
            context: .notification(of: owner, row: record.id, at: record.notifiedAt, officer: record.officerID))
        return RegulatorNotification(
            stage: record.stage, notifiedAt: record.notifiedAt, authority: detail.authority,
            authorityReference: detail.authorityReference, lateReason: detail.lateReason,
            recordedBy: try Self.officer(record.officerID, in: officers))
    }

    func actionDetail(_ record: ActionRecord, of caseRecord: CaseRecord) throws -> ActionDetail {
        try sealer.open(
            json: ActionDetail.self, from: record.detail,
            context: .action(
                of: .init(caseRecord), row: record.id, created: record.createdAt, dueDate: record.dueDate,
                done: record.doneAt))
    }

    func action(_ record: ActionRecord, of caseRecord: CaseRecord) throws -> CorrectiveAction {
        let detail = try actionDetail(record, of: caseRecord)
        guard let reference = caseRecord.reference else {
            throw RowError(column: "reference", problem: "is missing")
        }
        return CorrectiveAction(
            id: record.id, reference: reference, what: detail.what, owner: detail.owner, dueDate: record.dueDate,
            due: record.dueAt, createdAt: record.createdAt, createdBy: detail.createdBy, doneAt: record.doneAt,
            doneNote: detail.doneNote, doneBy: detail.doneBy)
    }

    func notice(_ item: WithCase<NoticeRecord>) throws -> Notice {
        let (record, caseRecord) = (item.record, item.caseRecord)
        guard let reference = caseRecord.reference else { throw RowError(column: "reference", problem: "is missing") }
        return Notice(
            id: record.id, reference: reference, category: caseRecord.category, entityID: caseRecord.entityID,
            timeZone: try rules.entity(caseRecord.entityID).timeZone, kind: record.kind, clock: record.clock,
            due: record.dueAt,
            recipient: try sealer.open(
                json: Recipient.self, from: record.recipient, context: .notice(of: .init(caseRecord), row: record.id)),
            createdAt: record.createdAt, delivery: record.delivery, attempts: record.attempts,
            lastReply: record.lastReply, sentAt: record.sentAt)
    }
}

// MARK: Visibility

extension CaseViewer {
    /// The cases this viewer may see, as clear index columns: everything (Trust Center itself),
    /// or the viewer's own cases and, for an auditor, every unrestricted one; never one whose
    /// report concerns the viewer.
    func accessFilter(_ sealer: Sealer) -> AccessFilter {
        switch self {
        case .system: .everything
        case .officer(let email, let readsUnrestricted):
            .person(key: sealer.personKey(email), alsoUnrestricted: readsUnrestricted)
        }
    }
}

extension CaseLedger {
    /// The case, when the viewer may see it; a case one may not see does not exist.
    func visibleCase(_ reference: CaseReference, to viewer: CaseViewer) async throws -> StoredCase {
        guard let stored = try await store.storedCase(reference),
            viewer.accessFilter(sealer).allows(restricted: stored.record.restricted, access: stored.access)
        else { throw NotFoundError.caseFile(reference) }
        return stored
    }

    /// Who may see a case with this routing: its members, and the excluded people too, so that
    /// no role (auditor included) lets them in.
    func access(for routing: Routing) -> [AccessRecord] {
        var access: [Data: Bool] = [:]
        for person in routing.members where !routing.excludes(person.email) {
            access[sealer.personKey(person.email)] = false
        }
        for person in routing.excluded { access[sealer.personKey(person.email)] = true }
        return access.map { AccessRecord(personKey: $0.key, excluded: $0.value) }
            .sorted { $0.personKey.lexicographicallyPrecedes($1.personKey) }
    }
}

/// The sealed part of a notification row.
struct NotificationDetail: Codable {
    var authority: String
    var authorityReference: String
    var lateReason: String?

    init(_ notification: RegulatorNotification) {
        authority = notification.authority
        authorityReference = notification.authorityReference
        lateReason = notification.lateReason
    }
}

/// The sealed part of an action row.
struct ActionDetail: Codable {
    var what: String
    var owner: Contact
    var createdBy: OfficerSummary
    var doneNote: String?
    var doneBy: OfficerSummary?
}
