import Foundation

/// The changes of the officer's triage: a breach's assessment, decision and the telling of the
/// data subjects; the account of what happened; a rights request's identity check and answer;
/// whistleblowing feedback; corrective actions; closing and reopening.
extension CaseChange {
    static func assess(
        _ facts: BreachFacts, state: CaseState, officer: OfficerSummary, now: Date, into update: inout CaseUpdate
    )
        throws
    {
        try requireBreach(state, doing: "assessed")
        let result = BreachAssessment.evaluate(facts)
        var handling = state.handling
        handling.assessments.append(
            RecordedAssessment(facts: facts, result: result, assessedAt: now, assessedBy: officer))
        update.effects.append(.handling(handling))
        update.events.append(.assessed(level: result.level, severity: result.severity))
    }

    static func decide(
        notifyAuthority: Bool, subjects: SubjectsDecision, reason: String?, state: CaseState, entity: Entity,
        rules: CaseRules, officer: OfficerSummary, now: Date, into update: inout CaseUpdate
    ) throws {
        try requireBreach(state, doing: "decided on")
        guard let assessment = state.handling.assessment?.result else {
            throw InputError(
                field: "case",
                message:
                    "case \(state.summary.reference) has no assessment yet: record the facts first (trustctl assess)")
        }
        let decision = BreachDecision(
            notifyAuthority: notifyAuthority, subjects: subjects, reason: reason,
            recommended: .init(
                level: assessment.level, notifyAuthority: assessment.notifyAuthority,
                notifySubjects: assessment.notifySubjects),
            decidedAt: now, decidedBy: officer)
        if reason == nil, decision.differsFromRecommendation || subjects.isException {
            throw InputError(
                field: "reason",
                message: decision.differsFromRecommendation
                    ? "the decision differs from the recommendation (authority: \(yesNo(assessment.notifyAuthority)), "
                        + "subjects: \(yesNo(assessment.notifySubjects))); give the reason"
                    : "an Art. 34(3) exception needs its reason")
        }
        // A high risk is told to the data subjects unless an Art. 34(3) exception applies (Art. 34(1)).
        if assessment.level == .high, subjects == .no {
            throw InputError(
                field: "subjects",
                message: "the risk is high: the data subjects are told (yes) unless an Art. 34(3) exception applies "
                    + "(exception-a, exception-b or exception-c, with the reason)")
        }
        if notifyAuthority == false, state.notifications.contains(where: { $0.stage == .initial }) {
            throw InputError(
                field: "authority", message: "the authority has already been notified of \(state.summary.reference)")
        }
        if !notifyAuthority, state.running(.breach) != nil {
            // A documented decision not to notify discharges the 72 hours.
            update.effects.append(.endClock(.breach, .met))
            update.events.append(.clockEnded(clock: .breach, state: .met))
        } else if notifyAuthority, state.running(.breach) == nil,
            !state.notifications.contains(where: { $0.stage == .initial }),
            let plan = rules.clockwork.plan(
                .breach, startedAt: state.awarenessAt ?? state.summary.receivedAt, urgent: false, entity: entity)
        {
            // Deciding to notify after an earlier "no" runs the 72 hours from awareness again.
            update.effects.append(.startClock(plan))
        }
        var handling = state.handling
        handling.decisions.append(decision)
        update.effects.append(.handling(handling))
        update.events.insert(.decided(notifyAuthority: notifyAuthority, subjects: subjects, reason: reason), at: 0)
    }

    static func tellSubjects(
        at: Date, how: String, state: CaseState, entity: Entity, officer: OfficerSummary, now: Date,
        into update: inout CaseUpdate
    )
        throws
    {
        try requireBreach(state, doing: "followed by telling the data subjects")
        guard at <= now else { throw InputError(field: "at", message: "the time cannot be in the future") }
        let aware = min(state.awarenessAt ?? state.summary.receivedAt, state.summary.receivedAt)
        guard at >= aware else {
            throw InputError(
                field: "at",
                message:
                    "the data subjects cannot have been told before the breach was known (\(entity.localMinute(aware)))"
            )
        }
        var handling = state.handling
        handling.subjectsTold.append(SubjectsTold(at: at, how: how, recordedBy: officer))
        update.effects.append(.handling(handling))
        update.events.append(.subjectsTold(at: at))
    }

    static func describe(_ account: IncidentAccount, state: CaseState, now: Date, into update: inout CaseUpdate) throws
    {
        guard !account.setFields.isEmpty else {
            throw InputError(field: "account", message: "nothing to record: give at least one field")
        }
        let merged = state.handling.account.merged(with: account)
        for (field, time) in [("occurredFrom", account.occurredFrom), ("occurredUntil", account.occurredUntil)] {
            if let time, time > now { throw InputError(field: field, message: "\(field) cannot be in the future") }
        }
        if let from = merged.occurredFrom, let until = merged.occurredUntil, until < from {
            throw InputError(field: "occurredUntil", message: "occurredUntil cannot be before occurredFrom")
        }
        var handling = state.handling
        handling.account = merged
        update.effects.append(.handling(handling))
        update.events.append(.accountUpdated(fields: account.setFields))
    }

    static func requestIdentity(
        _ request: String, state: CaseState, entity: Entity, rules: CaseRules, now: Date, into update: inout CaseUpdate
    ) throws {
        try requireRightsRequest(state)
        guard state.identity != .verified else {
            throw InputError(field: "identity", message: "the requester's identity is already verified")
        }
        if let clock = state.running(.rightsRequest), clock.state == .running, now > clock.due {
            throw InputError(
                field: "requested",
                message: "the rights-request clock was due \(entity.localMinute(clock.due)); asking for identity "
                    + "information now cannot stop it. Answer the request, or refuse it with the reason")
        }
        if let clock = state.running(.rightsRequest), clock.state == .running {
            try pause(
                .rightsRequest, reason: "identity information requested (Art. 12(6))", state: state, entity: entity,
                now: now, into: &update)
        }
        var handling = state.handling
        handling.identity = .informationRequested
        update.effects.append(.handling(handling))
        update.effects.append(.message(rules.letters.identityRequest(request, language: state.language(entity))))
        update.events += [.messageSent, .identityChanged(to: .informationRequested)]
    }

    static func verifyIdentity(
        state: CaseState, entity: Entity, rules: CaseRules, now: Date, into update: inout CaseUpdate
    )
        throws
    {
        try requireRightsRequest(state)
        guard state.identity != .verified else {
            throw InputError(field: "identity", message: "the requester's identity is already verified")
        }
        if state.running(.rightsRequest)?.state == .paused {
            try resume(.rightsRequest, state: state, entity: entity, rules: rules, now: now, into: &update)
        }
        var handling = state.handling
        handling.identity = .verified
        update.effects.append(.handling(handling))
        update.events.append(.identityChanged(to: .verified))
    }

    static func answer(
        _ outcome: RightsOutcome, reason: String, state: CaseState, entity: Entity, rules: CaseRules,
        officer: OfficerSummary, now: Date, into update: inout CaseUpdate
    ) throws {
        try requireRightsRequest(state)
        if let answer = state.handling.answer {
            throw InputError(
                field: "outcome",
                message: "case \(state.summary.reference) was already answered (\(answer.outcome.rawValue))")
        }
        // Information goes only to a requester whose identity is confirmed; a refusal may not be.
        guard outcome == .refused || state.identity == .verified else {
            throw InputError(
                field: "outcome",
                message: "the requester's identity is not verified: verify it first (trustctl verify --done), "
                    + "or refuse with the reason")
        }
        if let clock = state.running(.rightsRequest) {
            update.effects.append(.endClock(clock.clock, .met))
            update.events.append(.clockEnded(clock: clock.clock, state: .met))
        }
        var handling = state.handling
        handling.answer = RightsAnswer(outcome: outcome, reason: reason, answeredAt: now, answeredBy: officer)
        update.effects.append(.handling(handling))
        update.effects.append(
            .message(rules.letters.answer(outcome, reason: reason, entity: entity, language: state.language(entity))))
        update.events.insert(contentsOf: [.answered(outcome: outcome), .messageSent], at: 0)
    }

    static func giveFeedback(_ text: String, state: CaseState, now: Date, into update: inout CaseUpdate) throws {
        guard state.summary.category == .whistleblowing else {
            throw InputError(
                field: "case", message: "case \(state.summary.reference) is not a whistleblowing report")
        }
        update.effects.append(.message(text))
        update.events.append(.messageSent)
        update.events.append(.feedbackGiven)
        // Feedback also tells the reporter that the report arrived.
        for clock in [ClockName.whistleblowingAck, .whistleblowingFeedback] where state.running(clock) != nil {
            update.effects.append(.endClock(clock, .met))
            update.events.append(.clockEnded(clock: clock, state: .met))
        }
        var handling = state.handling
        handling.feedbackAt = now
        update.effects.append(.handling(handling))
    }

    static func addAction(
        what: String, owner: Contact, due: LocalDate, state: CaseState, entity: Entity, rules: CaseRules, now: Date,
        into update: inout CaseUpdate
    ) throws {
        let today = entity.deadlineCalculator.day(of: now)
        guard due >= today else {
            throw InputError(field: "due", message: "the due date \(due) is in the past (today is \(today))")
        }
        if state.routing.excludes(owner.email) {
            throw InputError(field: "owner", message: "\(owner.email) cannot own an action: the report concerns them")
        }
        if state.routing.restricted {
            let insiders = state.routing.members + [entity.alternate]
            guard insiders.contains(where: { $0.emailKey == owner.emailKey }) else {
                throw InputError(
                    field: "owner",
                    message: "this case is restricted: only the people handling it or the alternate can own an action")
            }
        }
        guard let plan = rules.clockwork.actionPlan(startedAt: now, dueDate: due, entity: entity) else {
            throw InputError(
                field: "due",
                message: "action clocks are turned off for \(entity.country.rawValue) in the configuration")
        }
        update.effects.append(.addAction(NewAction(what: what, owner: owner, dueDate: due, clock: plan)))
    }

    static func completeAction(
        _ id: CorrectiveAction.ID, note: String, state: CaseState, into update: inout CaseUpdate
    ) throws {
        guard let action = state.actions.first(where: { $0.id == id }) else {
            throw InputError(field: "action", message: "case \(state.summary.reference) has no action \(id)")
        }
        guard action.isOpen else { throw InputError(field: "action", message: "action \(id) is already done") }
        update.effects.append(.completeAction(id: id, note: note))
        update.events.append(.actionDone(id: id))
    }

    /// What must happen before a case can close, in words; empty when it can.
    public static func missingBeforeClosing(_ state: CaseState, entity: Entity) -> [String] {
        var missing: [String] = []
        for clock in state.clocks where clock.state.isRunning && clock.clock.isLegal {
            missing.append(
                "the \(clock.clock.rawValue) clock is \(clock.state.rawValue) (due \(entity.localMinute(clock.due))): "
                    + clock.clock.duty)
        }
        for action in state.actions where action.isOpen {
            missing.append("action \(action.id) is open (due \(action.dueDate)): trustctl action done \(action.id)")
        }
        if state.summary.category == .breach {
            if let decision = state.handling.decision {
                if let assessment = state.handling.assessment, assessment.assessedAt > decision.decidedAt {
                    missing.append(
                        "the breach was assessed again after the last decision: decide again (trustctl decide)")
                }
                if decision.notifyAuthority, !state.notifications.contains(where: { $0.stage == .initial }) {
                    missing.append("the decision is to notify the authority: record it (trustctl notify)")
                }
                if decision.subjects == .yes, state.handling.subjectsTold.isEmpty {
                    missing.append("the decision is to tell the data subjects: record it (trustctl inform)")
                }
                if decision.subjects == .exceptionC, state.handling.subjectsTold.isEmpty {
                    missing.append(
                        "Art. 34(3)(c) needs a public communication instead: record it (trustctl inform --how …)")
                }
            } else {
                missing.append("the breach has no decision: trustctl decide")
            }
            // Art. 33(5): the register documents the facts, the effects and the remedial action.
            let account = state.handling.account
            let unwritten = [
                ("what happened", account.whatHappened), ("its consequences", account.consequences),
                ("the measures taken", account.immediateMeasures),
            ].filter { $0.1 == nil }.map(\.0)
            if !unwritten.isEmpty {
                missing.append(
                    "the breach register needs \(unwritten.joined(separator: ", ")): trustctl describe "
                        + "--what-happened T --consequences T --measures T")
            }
        }
        if state.summary.category == .rightsRequest, state.handling.answer == nil {
            missing.append("the rights request has no answer: trustctl answer")
        }
        return missing
    }

    static func close(_ outcome: String, state: CaseState, entity: Entity, now: Date, into update: inout CaseUpdate)
        throws
    {
        guard state.summary.status != .closed else {
            throw InputError(field: "case", message: "case \(state.summary.reference) is already closed")
        }
        let missing = missingBeforeClosing(state, entity: entity)
        guard missing.isEmpty else {
            throw InputError(
                field: "case",
                message: "case \(state.summary.reference) cannot be closed yet:\n"
                    + missing.map { "- \($0)" }.joined(separator: "\n"))
        }
        // Service levels are met by closing.
        for clock in state.clocks where clock.state.isRunning {
            update.effects.append(.endClock(clock.clock, .met))
            update.events.append(.clockEnded(clock: clock.clock, state: .met))
        }
        var handling = state.handling
        handling.outcome = outcome
        handling.closedAt = now
        update.effects.append(.handling(handling))
        update.effects.append(.status(.closed))
        update.events.insert(
            contentsOf: [.closed(outcome: outcome), .statusChanged(from: state.summary.status, to: .closed)], at: 0)
    }

    static func reopen(_ reason: String, state: CaseState, into update: inout CaseUpdate) throws {
        guard state.summary.status == .closed || state.summary.status == .resolved else {
            throw InputError(
                field: "case",
                message: "case \(state.summary.reference) is \(state.summary.status.rawValue), not closed or resolved")
        }
        var handling = state.handling
        handling.closedAt = nil
        update.effects.append(.handling(handling))
        update.effects.append(.status(.inProgress))
        update.events += [.reopened(reason: reason), .statusChanged(from: state.summary.status, to: .inProgress)]
    }

    private static func requireBreach(_ state: CaseState, doing: String) throws {
        guard state.summary.category == .breach else {
            throw InputError(
                field: "case",
                message:
                    "case \(state.summary.reference) is \(state.summary.category.rawValue); only a breach is \(doing)"
                    + " (classify it as breach first)")
        }
    }

    private static func requireRightsRequest(_ state: CaseState) throws {
        guard state.summary.category == .rightsRequest else {
            throw InputError(
                field: "case",
                message: "case \(state.summary.reference) is \(state.summary.category.rawValue), not a rights request")
        }
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}

extension CaseState {
    /// The identity check of a rights request: unverified until an officer moves it.
    public var identity: IdentityStatus { handling.identity ?? .unverified }

    /// The language to write to the reporter in: theirs, or the entity's country's.
    func language(_ entity: Entity) -> Language { handling.language ?? entity.country.language }
}
