import Foundation

/// The writes of one batch about one case, each record numbered and sealed as it is added. It
/// keeps the case's clocks and stages as the batch leaves them, so that later steps (firing
/// what falls due) see earlier ones.
struct CaseBatch {
    let ledger: CaseLedger
    private(set) var record: CaseRecord
    private(set) var clocks: [ClockRecord]
    private(set) var stages: [StageRecord]
    /// The case's actions, for the owner a firing action clock tells.
    private(set) var actions: [ActionRecord]
    var writes: [CaseWrite] = []
    /// Stages fired by this batch.
    private(set) var fired = 0

    init(
        ledger: CaseLedger, record: CaseRecord, clocks: [ClockRecord] = [], stages: [StageRecord] = [],
        actions: [ActionRecord] = []
    ) {
        self.ledger = ledger
        self.record = record
        self.clocks = clocks
        self.stages = stages
        self.actions = actions
    }

    /// A batch on a stored case, on the condition that nobody changes it meanwhile.
    init(ledger: CaseLedger, changing stored: StoredCase) {
        self.init(
            ledger: ledger, record: stored.record, clocks: stored.clocks, stages: stored.stages,
            actions: stored.actions)
        writes.append(.expectVersion(caseID: stored.record.id, version: stored.record.version))
    }

    var owner: CaseSealOwner { CaseSealOwner(record) }
    private var sealer: Sealer { ledger.sealer }
    private var ids: IdentifierPool { ledger.ids }

    // MARK: History

    mutating func event(_ change: CaseEvent.Change, at date: Date, by actor: ActorRecord) async throws {
        let id = try await ids.next(.event)
        let detail = try sealer.seal(json: change, context: .event(of: owner, row: id, at: date, actor: actor))
        writes.append(
            .insertEvent(
                EventRecord(id: id, caseID: record.id, at: date, kind: change.kind, actor: actor, detail: detail)))
    }

    mutating func message(
        _ text: String, direction: CaseMessage.Direction, officer: Officer.ID?, at date: Date
    ) async throws {
        let id = try await ids.next(.message)
        let body = try sealer.seal(
            json: text, context: .message(of: owner, row: id, at: date, direction: direction, officer: officer))
        writes.append(
            .insertMessage(
                MessageRecord(id: id, caseID: record.id, direction: direction, officerID: officer, at: date, body: body)
            ))
    }

    mutating func note(_ text: String, by officer: Officer.ID, at date: Date) async throws {
        let id = try await ids.next(.note)
        let body = try sealer.seal(json: text, context: .note(of: owner, row: id, at: date, officer: officer))
        writes.append(.insertNote(NoteRecord(id: id, caseID: record.id, officerID: officer, at: date, body: body)))
    }

    mutating func notification(_ notification: RegulatorNotification) async throws {
        let id = try await ids.next(.notification)
        let officer = notification.recordedBy.id
        let detail = try sealer.seal(
            json: NotificationDetail(notification),
            context: .notification(of: owner, row: id, at: notification.notifiedAt, officer: officer))
        writes.append(
            .insertNotification(
                NotificationRecord(
                    id: id, caseID: record.id, stage: notification.stage, notifiedAt: notification.notifiedAt,
                    officerID: officer, detail: detail)))
    }

    // MARK: Case columns

    mutating func setRouting(_ routing: Routing) throws {
        // A case once restricted stays restricted, whatever it is classified as later.
        let restricted = record.restricted || routing.restricted
        let sealed = try sealer.seal(json: routing, context: .routing(of: owner))
        record.routing = sealed
        record.restricted = restricted
        writes.append(
            .setRouting(caseID: record.id, routing: sealed, restricted: restricted, access: ledger.access(for: routing))
        )
    }

    mutating func setHandling(_ handling: CaseHandling) throws {
        writes.append(
            .setHandling(caseID: record.id, try sealer.seal(json: handling, context: .handling(of: owner))))
    }

    mutating func setCategory(_ category: Category) {
        record.category = category
        writes.append(.setCategory(caseID: record.id, category))
    }

    mutating func setAwareness(_ awareness: Date?) {
        record.awarenessAt = awareness
        writes.append(.setAwareness(caseID: record.id, awareness))
    }

    mutating func setStatus(_ status: CaseStatus) {
        record.status = status
        writes.append(.setStatus(caseID: record.id, status))
    }

    // MARK: Clocks

    /// Starts a clock with its planned stages.
    mutating func startClock(_ plan: ClockPlan, actionID: Int64? = nil) async throws {
        let clock = ClockRecord(
            id: try await ids.next(.clock), caseID: record.id, name: plan.clock, state: .running,
            startedAt: plan.startedAt, dueAt: plan.deadline.due, dueDate: plan.deadline.dueDate,
            extended: plan.extended, pausedAt: nil, pausedDays: plan.pausedDays, endedAt: nil, actionID: actionID)
        clocks.append(clock)
        writes.append(.insertClock(clock))
        for stage in plan.stages { try await addStage(stage, at: stage.at, to: clock.id) }
    }

    private mutating func addStage(_ stage: PlannedStage, at date: Date, to clockID: Int64) async throws {
        let record = StageRecord(
            id: try await ids.next(.stage), clockID: clockID, sequence: stage.sequence, kind: stage.kind,
            label: stage.label, at: date, notify: stage.notify, repeatSeconds: stage.repeatEvery?.seconds)
        stages.append(record)
        writes.append(.insertStage(record))
    }

    /// The running (or paused) clock of this name; an action's clock only by its action.
    private func runningClock(_ name: ClockName, actionID: Int64? = nil) -> Int? {
        clocks.firstIndex { $0.name == name && $0.state.isRunning && $0.actionID == actionID }
    }

    private mutating func removeUnfiredStages(of clockID: Int64) {
        stages.removeAll { $0.clockID == clockID && $0.firedAt == nil }
        writes.append(.removeUnfiredStages(clockID: clockID))
    }

    /// Ends a running clock; its stages that have not fired never will.
    mutating func endClock(_ name: ClockName, as state: ClockState, at date: Date, actionID: Int64? = nil) {
        guard let index = runningClock(name, actionID: actionID) else { return }
        removeUnfiredStages(of: clocks[index].id)
        clocks[index].state = state
        clocks[index].endedAt = date
        writes.append(.updateClock(clocks[index]))
    }

    /// Pauses a running clock (its stages wait) or lets a paused one run again.
    mutating func setPaused(_ paused: Bool, _ name: ClockName, at date: Date) {
        guard let index = runningClock(name) else { return }
        clocks[index].state = paused ? .paused : .running
        clocks[index].pausedAt = paused ? date : nil
        writes.append(.updateClock(clocks[index]))
    }

    /// Works a running clock out again (new start, extension, pause): a stage that fired for a
    /// time at or after its new time stays fired, and a repeating one goes on from its last
    /// firing; every other stage is planned for its new time, so a deadline moved later gets its
    /// reminders again.
    mutating func replanClock(_ plan: ClockPlan) async throws {
        guard let index = runningClock(plan.clock) else { return }
        let clockID = clocks[index].id
        clocks[index].startedAt = plan.startedAt
        clocks[index].dueAt = plan.deadline.due
        clocks[index].dueDate = plan.deadline.dueDate
        clocks[index].extended = plan.extended
        clocks[index].pausedDays = plan.pausedDays
        writes.append(.updateClock(clocks[index]))
        removeUnfiredStages(of: clockID)
        var lastFired: [Int: Date] = [:]
        for stage in stages where stage.clockID == clockID && stage.error == nil {
            lastFired[stage.sequence] = max(lastFired[stage.sequence] ?? .distantPast, stage.at)
        }
        for stage in plan.stages {
            guard let last = lastFired[stage.sequence], stage.at <= last else {
                try await addStage(stage, at: stage.at, to: clockID)
                continue
            }
            if let every = stage.repeatEvery?.seconds, every > 0 {
                let periods = Int(last.timeIntervalSince(stage.at)) / every + 1
                try await addStage(stage, at: stage.at.addingTimeInterval(TimeInterval(periods * every)), to: clockID)
            }
        }
    }

    // MARK: Actions

    /// Stores a new action, starts its clock, and records that it was set.
    mutating func addAction(_ action: NewAction, by officer: OfficerSummary, at date: Date) async throws {
        let id = try await ids.next(.action)
        let detail = ActionDetail(what: action.what, owner: action.owner, createdBy: officer)
        let record = ActionRecord(
            id: id, caseID: self.record.id, ownerKey: sealer.personKey(action.owner.email), dueDate: action.dueDate,
            dueAt: action.clock.deadline.due, createdAt: date, doneAt: nil,
            detail: try sealer.seal(
                json: detail,
                context: .action(of: owner, row: id, created: date, dueDate: action.dueDate, done: nil)))
        actions.append(record)
        writes.append(.insertAction(record))
        try await startClock(action.clock, actionID: id)
        try await event(.actionAdded(id: id, due: action.clock.deadline.due), at: date, by: .officer(officer.id))
    }

    /// Marks an open action done, with its note, and meets its clock.
    mutating func completeAction(_ id: Int64, note: String, by officer: OfficerSummary, at date: Date) throws {
        guard let index = actions.firstIndex(where: { $0.id == id && $0.doneAt == nil }) else {
            throw NotFoundError.action(id)
        }
        var detail = try ledger.actionDetail(actions[index], of: record)
        detail.doneNote = note
        detail.doneBy = officer
        actions[index].doneAt = date
        let sealed = try sealer.seal(
            json: detail,
            context: .action(
                of: owner, row: id, created: actions[index].createdAt, dueDate: actions[index].dueDate, done: date))
        actions[index].detail = sealed
        writes.append(.completeAction(id: id, doneAt: date, detail: sealed))
        endClock(.action, as: .met, at: date, actionID: id)
    }

    // MARK: Firing

    /// Adds a clock, a stage and an action read apart from the case (a due stage of a sweep).
    mutating func know(_ clock: ClockRecord, _ stage: StageRecord, _ action: ActionRecord?) {
        if !clocks.contains(where: { $0.id == clock.id }) { clocks.append(clock) }
        if !stages.contains(where: { $0.id == stage.id }) { stages.append(stage) }
        if let action, !actions.contains(where: { $0.id == action.id }) { actions.append(action) }
    }

    /// Fires the case's stages that are due at `now`, oldest first. Each one's notices go into
    /// the outbox with the stage marked fired, in this batch; a stage that cannot fire (its
    /// case's entity left the configuration, its routing cannot be opened) is marked with its
    /// error and logged, and the others still fire.
    mutating func fireDueStages(at now: Date) async throws {
        let due = stages.filter { stage in
            stage.firedAt == nil && stage.at <= now
                && clocks.contains { $0.id == stage.clockID && $0.state == .running }
        }
        .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        for stage in due { try await fire(stage, at: now) }
    }

    /// Fires one stage, or marks it failed.
    mutating func fire(_ stage: StageRecord, at now: Date) async throws {
        var attempt = self
        do {
            try await attempt.notify(for: stage, at: now)
            self = attempt
        } catch let error where !(error is StoreUnavailable || error is StoreConflict) {
            markFired(stage.id, at: now, error: "\(error)")
            ledger.logger.error(
                "a stage could not fire",
                metadata: [
                    "case": "\(record.reference?.description ?? "case-\(record.id)")", "stage": "\(stage.id)",
                    "error": "\(error)",
                ])
        }
        fired += 1
    }

    private mutating func markFired(_ stageID: Int64, at now: Date, error: String?) {
        if let index = stages.firstIndex(where: { $0.id == stageID }) {
            stages[index].firedAt = now
            stages[index].error = error
        }
        writes.append(.markStageFired(stageID: stageID, at: now, error: error))
    }

    private mutating func notify(for stage: StageRecord, at now: Date) async throws {
        guard let clock = clocks.first(where: { $0.id == stage.clockID }) else {
            throw RowError(column: "clock_id", problem: "names no clock of the case")
        }
        let entity = try ledger.rules.entity(record.entityID)
        let routing = try ledger.effectiveRouting(of: record)
        let actionOwner =
            stage.notify.contains(.actionOwner)
            ? try actions.first { $0.id == clock.actionID }.map { try ledger.actionDetail($0, of: record).owner }
            : nil
        let recipients = CaseRouter.recipients(stage.notify, routing: routing, entity: entity, actionOwner: actionOwner)
        for recipient in recipients {
            let id = try await ids.next(.notice)
            writes.append(
                .insertNotice(
                    NoticeRecord(
                        id: id, caseID: record.id, kind: stage.kind, clock: clock.name, dueAt: clock.dueAt,
                        createdAt: now, recipientKey: sealer.personKey(recipient.contact.email),
                        recipient: try sealer.seal(json: recipient, context: .notice(of: owner, row: id)),
                        nextAttemptAt: now)))
        }
        markFired(stage.id, at: now, error: nil)
        if let seconds = stage.repeatSeconds, seconds > 0 {
            // The next time after now: after a long stop one overdue notice goes out, not one per missed day.
            let skipped = Int(now.timeIntervalSince(stage.at)) / seconds + 1
            let again = PlannedStage(
                sequence: stage.sequence, kind: stage.kind,
                label: "\(stage.kind.rawValue), again \(Self.every(seconds))",
                at: stage.at.addingTimeInterval(TimeInterval(skipped * seconds)), notify: stage.notify,
                repeatEvery: nil)
            let record = StageRecord(
                id: try await ids.next(.stage), clockID: clock.id, sequence: again.sequence, kind: again.kind,
                label: again.label, at: again.at, notify: again.notify, repeatSeconds: seconds)
            stages.append(record)
            writes.append(.insertStage(record))
        }
        try await event(
            .noticesQueued(clock: clock.name, kind: stage.kind, recipients: recipients.count), at: now, by: .system)
    }

    /// "every 24 hours", "every 7 days".
    static func every(_ seconds: Int) -> String {
        let span: ClockSpan = seconds % 86_400 == 0 ? .days(seconds / 86_400) : .hours(seconds / 3600)
        return "every "
            + span.description.replacingOccurrences(of: "1 day", with: "day")
            .replacingOccurrences(of: "1 hour", with: "hour")
    }
}
