import Foundation

extension CaseChange {
    /// Checks the change against the case as it stands and works out what it does. Every store
    /// calls this inside its transaction, so the rules are the same whatever the store.
    public func update(for state: CaseState, rules: CaseRules, by officer: OfficerSummary, at now: Date) throws
        -> CaseUpdate
    {
        let current = state.summary
        let entity = try rules.entity(current.entityID)
        var update = CaseUpdate()
        if current.status == .closed, !allowedOnClosedCases {
            throw InputError(
                field: "case",
                message: "case \(current.reference) is closed: reopen it first (trustctl reopen REF --reason T)")
        }
        switch self {
        case .classify(let category, let reason):
            guard category != .unclassified else {
                throw InputError(field: "category", message: "a case cannot be classified as unclassified")
            }
            guard category != current.category else {
                throw InputError(
                    field: "category", message: "case \(current.reference) is already \(category.rawValue)")
            }
            update.effects.append(.category(category))
            update.events.append(.classified(from: current.category, to: category, reason: reason))
            let routing = CaseRouter.route(category, concerns: [], entity: entity, previous: state.routing)
            if routing.owner.emailKey != state.routing.owner.emailKey {
                update.events.append(.routed(owner: routing.owner, reason: routing.reason))
            }
            update.effects.append(.routing(routing))
            Self.endAll(state, as: .stopped, in: &update)
            // A breach already notified to the authority has met its 72 hours for good.
            let notified = state.notifications.contains { $0.stage == .initial }
            update.effects += rules.clockwork.plans(
                for: category, receivedAt: current.receivedAt, awarenessAt: state.awarenessAt,
                urgent: current.urgent, entity: entity
            ).filter { !(notified && $0.clock == .breach) }.map(CaseEffect.startClock)
        case .assign(let owner, let reason):
            if state.routing.excludes(owner.email) {
                throw InputError(
                    field: "officer", message: "\(owner.email) cannot own this case: the report concerns them")
            }
            if state.routing.restricted {
                let designated = entity.whistleblowingHandlers + [entity.alternate]
                guard designated.contains(where: { $0.emailKey == owner.emailKey }) else {
                    throw InputError(
                        field: "officer",
                        message: "only the designated whistleblowing handlers or the alternate can own this case")
                }
            }
            guard owner.emailKey != state.routing.owner.emailKey else {
                throw InputError(
                    field: "officer", message: "case \(current.reference) is already owned by \(owner.email)")
            }
            var routing = state.routing
            // A designated whistleblowing handler who hands the case on still handles it.
            let formerOwner = state.routing.owner
            let designated =
                current.category == .whistleblowing
                && entity.whistleblowingHandlers.contains { $0.emailKey == formerOwner.emailKey }
            routing.handlers = (routing.handlers + (designated ? [formerOwner] : [])).filter {
                $0.emailKey != owner.emailKey
            }
            routing.owner = owner
            update.effects.append(.routing(routing))
            update.events.append(.assigned(from: state.routing.owner, to: owner, reason: reason))
        case .setStatus(let status):
            guard status != .received else {
                throw InputError(field: "status", message: "received is only the status of a new case")
            }
            guard status != .closed else {
                throw InputError(
                    field: "status",
                    message:
                        "a case is closed with its outcome, once nothing legal is open: trustctl close REF --outcome T")
            }
            guard status != current.status else {
                throw InputError(field: "status", message: "case \(current.reference) is already \(status.rawValue)")
            }
            update.effects.append(.status(status))
            update.events.append(.statusChanged(from: current.status, to: status))
            if status == .resolved {
                // Resolving meets the service levels; legal deadlines and actions run until met.
                for clock in state.clocks where clock.state.isRunning && !clock.clock.isLegal && clock.clock != .action
                {
                    update.effects.append(.endClock(clock.clock, .met))
                    update.events.append(.clockEnded(clock: clock.clock, state: .met))
                }
            }
        case .addNote(let text):
            update.effects.append(.note(text))
            update.events.append(.noteAdded)
        case .reply(let text):
            update.effects.append(.message(text))
            update.events.append(.messageSent)
        case .acknowledge(let text):
            try Self.acknowledge(text, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .setAwareness(let awareness, let reason):
            try Self.setAwareness(
                awareness, reason: reason, state: state, entity: entity, rules: rules, now: now,
                into: &update)
        case .extend(let clock, let reason):
            try Self.extend(clock, reason: reason, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .pause(let clock, let reason):
            try Self.pause(clock, reason: reason, state: state, entity: entity, now: now, into: &update)
        case .resume(let clock):
            try Self.resume(clock, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .notifyAuthority(let stage, let notifiedAt, let authority, let reference, let lateReason):
            let notification = RegulatorNotification(
                stage: stage, notifiedAt: notifiedAt, authority: authority ?? entity.authority,
                authorityReference: reference, lateReason: lateReason, recordedBy: officer)
            try Self.notify(notification, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .assess(let facts):
            try Self.assess(facts, state: state, officer: officer, now: now, into: &update)
        case .decide(let notifyAuthority, let subjects, let reason):
            try Self.decide(
                notifyAuthority: notifyAuthority, subjects: subjects, reason: reason, state: state, entity: entity,
                rules: rules, officer: officer, now: now, into: &update)
        case .tellSubjects(let at, let how):
            try Self.tellSubjects(
                at: at, how: how, state: state, entity: entity, officer: officer, now: now, into: &update)
        case .describe(let account):
            try Self.describe(account, state: state, now: now, into: &update)
        case .requestIdentity(let request):
            try Self.requestIdentity(request, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .verifyIdentity:
            try Self.verifyIdentity(state: state, entity: entity, rules: rules, now: now, into: &update)
        case .answer(let outcome, let reason):
            try Self.answer(
                outcome, reason: reason, state: state, entity: entity, rules: rules, officer: officer, now: now,
                into: &update)
        case .giveFeedback(let text):
            try Self.giveFeedback(text, state: state, now: now, into: &update)
        case .revealIdentity:
            guard current.category == .whistleblowing || state.routing.restricted else {
                throw InputError(
                    field: "case",
                    message: "case \(current.reference) is not a whistleblowing case: its reporter is not withheld")
            }
            update.events.append(.identityRevealed)
        case .addAction(let what, let owner, let due):
            try Self.addAction(
                what: what, owner: owner, due: due, state: state, entity: entity, rules: rules, now: now, into: &update)
        case .completeAction(let id, let note):
            try Self.completeAction(id, note: note, state: state, into: &update)
        case .close(let outcome):
            try Self.close(outcome, state: state, entity: entity, now: now, into: &update)
        case .reopen(let reason):
            try Self.reopen(reason, state: state, into: &update)
        }
        if !update.setsStatus, let next = progressedStatus(from: current.status) {
            update.effects.append(.status(next))
            update.events.append(.statusChanged(from: current.status, to: next))
        }
        return update
    }

    /// Where handling moves a case that an officer has not moved by hand: work on it puts a new
    /// case in progress, and asking the requester for identity information waits for them.
    func progressedStatus(from status: CaseStatus) -> CaseStatus? {
        switch self {
        case .requestIdentity:
            return status == .awaitingReporter ? nil : .awaitingReporter
        case .verifyIdentity:
            return [.received, .triaged, .awaitingReporter].contains(status) ? .inProgress : nil
        case .assess, .decide, .tellSubjects, .describe, .answer, .giveFeedback, .addAction, .completeAction,
            .acknowledge:
            return [.received, .triaged].contains(status) ? .inProgress : nil
        default:
            return nil
        }
    }

    static func endAll(_ state: CaseState, as end: ClockState, in update: inout CaseUpdate) {
        // An action's clock runs on with its action, whatever the case's category.
        for clock in state.clocks where clock.state.isRunning && clock.actionID == nil {
            update.effects.append(.endClock(clock.clock, end))
            update.events.append(.clockEnded(clock: clock.clock, state: end))
        }
    }
}
