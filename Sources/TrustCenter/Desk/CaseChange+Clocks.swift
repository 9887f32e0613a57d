import Foundation

/// The changes that move a case's clocks: awareness, extension and notifications to the authority.
extension CaseChange {
    static func setAwareness(
        _ awareness: Date, reason: String, state: CaseState, entity: Entity, rules: CaseRules, now: Date,
        into update: inout CaseUpdate
    ) throws {
        guard state.summary.category == .breach else {
            throw InputError(field: "category", message: "awareness is only set on a breach; classify the case first")
        }
        guard awareness <= now else {
            throw InputError(field: "at", message: "awareness cannot be in the future")
        }
        // Art. 33(1) counts from awareness; the report's receipt is the latest it can be.
        guard awareness <= state.summary.receivedAt else {
            throw InputError(
                field: "at",
                message:
                    "awareness cannot be after the report was received (\(entity.localMinute(state.summary.receivedAt)))"
            )
        }
        guard !state.notifications.contains(where: { $0.stage == .initial }) else {
            throw InputError(field: "at", message: "the authority has been notified; awareness can no longer change")
        }
        guard let running = state.running(.breach),
            let plan = rules.clockwork.plan(.breach, startedAt: awareness, urgent: state.summary.urgent, entity: entity)
        else {
            throw InputError(field: "at", message: "case \(state.summary.reference) has no running breach clock")
        }
        guard running.startedAt != awareness else {
            throw InputError(field: "at", message: "awareness is already \(entity.localMinute(awareness))")
        }
        update.effects.append(.awareness(awareness))
        update.effects.append(.replanClock(plan))
        update.events.append(.awarenessSet(at: awareness, reason: reason))
    }

    static func extend(
        _ name: ClockName, reason: String, state: CaseState, entity: Entity, rules: CaseRules, now: Date,
        into update: inout CaseUpdate
    ) throws {
        guard rules.clockwork.isExtendable(name, entity: entity) else {
            throw InputError(field: "clock", message: "the \(name.rawValue) clock cannot be extended")
        }
        guard let clock = state.running(name) else {
            throw InputError(
                field: "clock", message: "case \(state.summary.reference) has no running \(name.rawValue) clock")
        }
        guard !clock.extended else {
            throw InputError(field: "clock", message: "the \(name.rawValue) clock has already been extended")
        }
        // Art. 12(3): the requester is told of the extension within the first month.
        guard now <= clock.due else {
            throw InputError(
                field: "clock",
                message: "the \(name.rawValue) clock was due \(entity.localMinute(clock.due)); "
                    + "an extension must be decided before the first due date")
        }
        guard
            let plan = rules.clockwork.plan(
                name, startedAt: clock.startedAt, urgent: state.summary.urgent, entity: entity, extended: true,
                pausedDays: clock.pausedDays)
        else {
            throw InputError(
                field: "clock", message: "the \(name.rawValue) clock does not run in \(entity.country.rawValue)")
        }
        update.effects.append(.replanClock(plan))
        update.events.append(.clockExtended(clock: name, due: plan.deadline.due, reason: reason))
        if name == .rightsRequest {
            // Art. 12(3): the requester is told of the extension, with the reasons.
            update.effects.append(
                .message(
                    rules.letters.extensionLetter(
                        due: plan.deadline.due, reason: reason, entity: entity, language: state.language(entity))))
            update.events.append(.messageSent)
        }
    }

    static func acknowledge(
        _ text: String?, state: CaseState, entity: Entity, rules: CaseRules, now: Date, into update: inout CaseUpdate
    ) throws {
        guard state.summary.category == .whistleblowing, state.running(.whistleblowingAck) != nil else {
            throw InputError(
                field: "case",
                message: "case \(state.summary.reference) has no whistleblowing report waiting for an acknowledgement")
        }
        update.effects.append(.endClock(.whistleblowingAck, .met))
        update.events.append(.clockEnded(clock: .whistleblowingAck, state: .met))
        let feedback = rules.clockwork.plan(
            .whistleblowingFeedback, startedAt: now, urgent: state.summary.urgent, entity: entity)
        if let feedback, state.running(.whistleblowingFeedback) != nil {
            update.effects.append(.replanClock(feedback))
        }
        if let text {
            update.effects.append(.message(text))
        } else if let feedback {
            update.effects.append(
                .message(
                    rules.letters.acknowledgement(
                        state.summary.reference, feedbackDue: feedback.deadline.due, entity: entity,
                        language: state.language(entity))))
        } else {
            // The standard letter promises a feedback date; without a feedback clock there is none.
            throw InputError(
                field: "text",
                message: "no feedback clock runs in \(entity.country.rawValue), so the standard letter has no date "
                    + "to give: write the acknowledgement yourself")
        }
        update.events.insert(.messageSent, at: 0)
    }

    static func pause(
        _ name: ClockName, reason: String, state: CaseState, entity: Entity, now: Date, into update: inout CaseUpdate
    ) throws {
        guard name == .rightsRequest else {
            throw InputError(field: "clock", message: "only the rights-request clock pauses (Art. 12(6))")
        }
        guard let clock = state.running(name) else {
            throw InputError(
                field: "clock", message: "case \(state.summary.reference) has no running \(name.rawValue) clock")
        }
        guard clock.state == .running else {
            throw InputError(field: "clock", message: "the \(name.rawValue) clock is already paused")
        }
        guard now <= clock.due else {
            throw InputError(
                field: "clock",
                message:
                    "the \(name.rawValue) clock was due \(entity.localMinute(clock.due)); a pause cannot move a passed deadline"
            )
        }
        update.effects.append(.pauseClock(name))
        update.events.append(.clockPaused(clock: name, reason: reason))
    }

    static func resume(
        _ name: ClockName, state: CaseState, entity: Entity, rules: CaseRules, now: Date, into update: inout CaseUpdate
    ) throws {
        guard let clock = state.running(name), clock.state == .paused, let pausedAt = clock.pausedAt else {
            throw InputError(
                field: "clock", message: "the \(name.rawValue) clock of \(state.summary.reference) is not paused")
        }
        let calculator = entity.deadlineCalculator
        let days = clock.pausedDays + max(0, calculator.day(of: pausedAt).days(until: calculator.day(of: now)))
        guard
            let plan = rules.clockwork.plan(
                name, startedAt: clock.startedAt, urgent: state.summary.urgent, entity: entity,
                extended: clock.extended, pausedDays: days)
        else {
            throw InputError(
                field: "clock", message: "the \(name.rawValue) clock does not run in \(entity.country.rawValue)")
        }
        update.effects.append(.resumeClock(name))
        update.effects.append(.replanClock(plan))
        update.events.append(.clockResumed(clock: name, due: plan.deadline.due))
    }

    static func notify(
        _ notification: RegulatorNotification, state: CaseState, entity: Entity, rules: CaseRules, now: Date,
        into update: inout CaseUpdate
    ) throws {
        let reference = state.summary.reference
        guard state.summary.category == .breach else {
            throw InputError(field: "stage", message: "case \(reference) is not a breach; only breaches are notified")
        }
        guard notification.notifiedAt <= now else {
            throw InputError(field: "at", message: "the notification time cannot be in the future")
        }
        let aware = state.awarenessAt ?? state.summary.receivedAt
        guard notification.notifiedAt >= aware else {
            throw InputError(
                field: "at",
                message:
                    "the notification cannot come before the organisation became aware (\(entity.localMinute(aware))); "
                    + "set awareness first (trustctl awareness)")
        }
        let initial = state.notifications.first { $0.stage == .initial }
        switch notification.stage {
        case .initial:
            guard initial == nil else {
                throw InputError(
                    field: "stage", message: "the initial notification of \(reference) is already recorded")
            }
            let breachClock = state.running(.breach) ?? state.clocks.last { $0.clock == .breach }
            if notification.lateReason != nil, breachClock.map({ notification.notifiedAt <= $0.due }) ?? true {
                throw InputError(
                    field: "lateReason",
                    message:
                        "the notification is within the 72 hours; a reason for delay is only recorded for a late one")
            }
            if let due = breachClock?.due, notification.notifiedAt > due, notification.lateReason == nil {
                throw InputError(
                    field: "lateReason",
                    message: "the notification is after the 72-hour deadline (\(entity.localMinute(due))); "
                        + "Art. 33(1) requires the reasons for the delay")
            }
            if state.running(.breach) != nil {
                update.effects.append(.endClock(.breach, .met))
                update.events.append(.clockEnded(clock: .breach, state: .met))
            }
            if let plan = rules.clockwork.plan(
                .breachSupplement, startedAt: notification.notifiedAt, urgent: false, entity: entity)
            {
                update.effects.append(.startClock(plan))
            }
        case .supplement, .final:
            guard let initial else {
                throw InputError(field: "stage", message: "record the initial notification of \(reference) first")
            }
            guard notification.notifiedAt >= initial.notifiedAt else {
                throw InputError(
                    field: "at", message: "a \(notification.stage.rawValue) cannot come before the initial notification"
                )
            }
            if state.notifications.contains(where: { $0.stage == .final }) {
                throw InputError(
                    field: "stage",
                    message: "the final notification of \(reference) is already recorded; nothing follows it")
            }
            if state.running(.breachSupplement) != nil {
                update.effects.append(.endClock(.breachSupplement, .met))
                update.events.append(.clockEnded(clock: .breachSupplement, state: .met))
            }
        }
        update.effects.append(.notification(notification))
        update.events.insert(.authorityNotified(stage: notification.stage), at: 0)
    }
}
