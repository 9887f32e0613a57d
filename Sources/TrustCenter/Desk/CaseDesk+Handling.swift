import Foundation

/// The officer's triage at the desk: breach assessment and decision, the account of what
/// happened, the rights and whistleblowing workflows, corrective actions, closing, the breach
/// register and the regulator drafts.
extension CaseDesk {
    /// Records the facts of a breach; the case file then holds the assessment worked out from them.
    public func assess(_ reference: CaseReference, facts: BreachFacts, by officer: Officer) async throws -> CaseFile {
        try await apply(.assess(facts), to: reference, by: officer)
    }

    /// Whom to notify. A reason is required when the decision differs from the recommendation
    /// or records an Art. 34(3) exception.
    public func decide(
        _ reference: CaseReference, notifyAuthority: Bool, subjects: SubjectsDecision, reason: String?,
        by officer: Officer
    ) async throws -> CaseFile {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: false)
        return try await apply(
            .decide(notifyAuthority: notifyAuthority, subjects: subjects, reason: reason), to: reference, by: officer)
    }

    /// Records when (default now) and how the data subjects were told.
    public func tellSubjects(_ reference: CaseReference, at date: Date?, how: String, by officer: Officer)
        async throws -> CaseFile
    {
        let how = try CaseChange.checkedText(how, field: "how", required: true) ?? ""
        return try await apply(
            .tellSubjects(at: Self.toTheSecond(date ?? time.now()), how: how), to: reference, by: officer)
    }

    /// Writes the fields of the account that are given; the others keep their values.
    public func describe(_ reference: CaseReference, _ account: IncidentAccount, by officer: Officer) async throws
        -> CaseFile
    {
        var checked = account
        checked.whatHappened = try CaseChange.checkedText(account.whatHappened, field: "whatHappened", required: false)
        checked.cause = try CaseChange.checkedText(account.cause, field: "cause", required: false)
        checked.consequences = try CaseChange.checkedText(account.consequences, field: "consequences", required: false)
        checked.immediateMeasures = try CaseChange.checkedText(
            account.immediateMeasures, field: "immediateMeasures", required: false)
        checked.measuresBefore = try CaseChange.checkedText(
            account.measuresBefore, field: "measuresBefore", required: false)
        checked.subjectGroups = try CaseChange.checkedText(
            account.subjectGroups, field: "subjectGroups", required: false)
        checked.occurredFrom = account.occurredFrom.map(Self.toTheSecond)
        checked.occurredUntil = account.occurredUntil.map(Self.toTheSecond)
        return try await apply(.describe(checked), to: reference, by: officer)
    }

    /// Art. 12(6): asks the requester for what confirms their identity; the clock pauses.
    public func requestIdentity(_ reference: CaseReference, request: String, by officer: Officer) async throws
        -> CaseFile
    {
        let request = try CaseChange.checkedText(request, field: "requested", required: true) ?? ""
        return try await apply(.requestIdentity(request), to: reference, by: officer)
    }

    public func verifyIdentity(_ reference: CaseReference, by officer: Officer) async throws -> CaseFile {
        try await apply(.verifyIdentity, to: reference, by: officer)
    }

    /// Answers a rights request; the requester gets the letter, with the remedies on a refusal.
    public func answer(_ reference: CaseReference, outcome: RightsOutcome, reason: String?, by officer: Officer)
        async throws -> CaseFile
    {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.answer(outcome, reason: reason), to: reference, by: officer)
    }

    /// Feedback to a whistleblower; meets the 3-month clock.
    public func giveFeedback(_ reference: CaseReference, text: String, by officer: Officer) async throws -> CaseFile {
        let text = try CaseChange.checkedText(text, field: "text", required: true) ?? ""
        return try await apply(.giveFeedback(text), to: reference, by: officer)
    }

    /// The case with the whistleblower's identity shown; the opening is recorded as an event.
    public func revealIdentity(_ reference: CaseReference, by officer: Officer) async throws -> CaseFile {
        try await apply(.revealIdentity, to: reference, by: officer)
    }

    /// Sets a corrective or preventive action; its owner is reminded as the due day nears.
    public func addAction(
        _ reference: CaseReference, what: String, ownerEmail: String, due: LocalDate, by officer: Officer
    ) async throws -> CaseFile {
        let what = try CaseChange.checkedText(what, field: "what", required: true) ?? ""
        guard let email = try TextCheck.text(ownerEmail, field: "owner", maximumLength: 254, multiline: false),
            TextCheck.isPlausibleEmail(email)
        else {
            throw InputError(field: "owner", message: "owner must be an email address")
        }
        let name = try await ledger.officer(email: email)?.name ?? email
        return try await apply(
            .addAction(what: what, owner: Contact(name: name, email: email), due: due), to: reference, by: officer)
    }

    /// Marks an action done, with a note of what was done.
    public func completeAction(_ id: CorrectiveAction.ID, note: String?, by officer: Officer) async throws -> CaseFile {
        let note = try CaseChange.checkedText(note, field: "note", required: true) ?? ""
        let reference = try await ledger.actionCase(id, for: officer.viewer)
        return try await apply(.completeAction(id, note: note), to: reference, by: officer)
    }

    /// The open actions (or only the overdue ones) of the officer's cases, soonest due first.
    public func actions(overdueOnly: Bool, limit: Int, for officer: Officer) async throws -> [CorrectiveAction] {
        try Self.checkPage(limit: limit, offset: 0, maximum: ActionQuery.maximumLimit)
        return try await ledger.actions(
            matching: ActionQuery(viewer: officer.viewer, overdueOnly: overdueOnly, now: time.now(), limit: limit))
    }

    /// Closes the case with its outcome; refused, with what is missing, while a legal step is open.
    public func close(_ reference: CaseReference, outcome: String?, by officer: Officer) async throws -> CaseFile {
        let outcome = try CaseChange.checkedText(outcome, field: "outcome", required: true) ?? ""
        return try await apply(.close(outcome: outcome), to: reference, by: officer)
    }

    public func reopen(_ reference: CaseReference, reason: String?, by officer: Officer) async throws -> CaseFile {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.reopen(reason: reason), to: reference, by: officer)
    }

    /// The breach register (Art. 33(5)) for breaches the organisation became aware of in [from, until).
    public func register(from: Date?, until: Date?, for officer: Officer) async throws -> [BreachRegisterEntry] {
        if let from, let until, until <= from {
            throw InputError(field: "to", message: "the end of the period must be after its start")
        }
        let breaches = try await ledger.breaches(
            matching: RegisterQuery(viewer: officer.viewer, from: from, until: until))
        return try breaches.map { state in BreachRegisterEntry(state, entity: try rules.entity(state.summary.entityID))
        }
    }

    /// A whistleblowing (or otherwise restricted) case shows a named reporter as withheld.
    static func withholdingIdentity(_ caseFile: CaseFile) -> CaseFile {
        guard caseFile.summary.category == .whistleblowing || caseFile.routing?.restricted == true,
            case .named = caseFile.reporter
        else { return caseFile }
        var withheld = caseFile
        withheld.reporter = .withheld
        return withheld
    }
}
