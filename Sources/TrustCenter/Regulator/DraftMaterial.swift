import Foundation

/// What a draft is made of: only what officers recorded for the authority and the breach register,
/// and the entity's privacy officer as the contact point (Art. 33(3)(b)).
///
/// PRIVACY: this is the only place a draft reads a case. It never reads the report, the reporter,
/// the messages, the notes or the routing, and it drops the owner of every corrective action
/// (and every officer's name) on the way in: none of them may reach an authority.
struct DraftMaterial {
    /// What a field is made of, to know whether it changed since the last notice.
    enum Source: Hashable {
        /// Carried in every notice: who is notifying, and about which notice.
        case always
        case account(String)
        case awareness
        case assessment
        case decision
        case subjectsTold
        /// An action was added or done: what is planned changed.
        case actionsPlanned
        /// An action was done: what was taken changed.
        case actionsDone
    }

    /// A corrective action without its owner.
    struct Action {
        var what: String
        var dueDate: LocalDate
        var createdAt: Date
        var doneAt: Date?
    }

    /// A field with whether a supplement carries it.
    struct Entry {
        var draftKey: DraftKey
        var field: RegulatorDraft.Field
        var carried: Bool
    }

    let authority: RegulatorDraft.Authority
    let language: Language
    let zone: TimeZone
    let entityName: String
    let contact: Contact
    let reference: CaseReference
    let authorityReference: String?
    let account: IncidentAccount
    let assessment: RecordedAssessment?
    let decision: BreachDecision?
    let subjectsTold: [SubjectsTold]
    let actions: [Action]
    let discovered: Date
    let late: Bool
    let lateReason: String?
    let followBy: Date
    /// What changed after the last notice; nil for an initial notice.
    let changed: Set<Source>?

    init(
        _ caseFile: CaseFile, entity: Entity, authority: RegulatorDraft.Authority, late: Bool, lateReason: String?,
        authorityReference: String?, followBy: Date, since: Date?
    ) {
        self.authority = authority
        language = authority.language
        zone = entity.zone
        entityName = entity.name
        // The organisation's contact point, which Art. 33(3)(b) requires: not a data subject.
        contact = entity.privacyOfficer
        reference = caseFile.reference
        self.authorityReference = authorityReference
        let handling = caseFile.handling
        account = handling.account
        assessment = handling.assessment
        decision = handling.decision
        subjectsTold = handling.subjectsTold
        // Never the owner: only what is done, by when; soonest due first.
        actions = caseFile.actions.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }.map {
            Action(what: $0.what, dueDate: $0.dueDate, createdAt: $0.createdAt, doneAt: $0.doneAt)
        }
        discovered = caseFile.awarenessAt ?? caseFile.summary.receivedAt
        self.late = late
        self.lateReason = lateReason
        self.followBy = followBy
        changed = since.map { Self.changes(caseFile, since: $0) }
    }

    /// What was recorded at or after `since`, from the case's history and the recorded times. Only
    /// the kind and time of each event are read. Times are whole seconds, so what was recorded in
    /// the second of the last notice counts as new: repeating a fact beats leaving one out.
    static func changes(_ caseFile: CaseFile, since: Date) -> Set<Source> {
        var changed: Set<Source> = [.always]
        for event in caseFile.events where event.at >= since {
            switch event.change {
            case .accountUpdated(let fields): changed.formUnion(fields.map(Source.account))
            case .awarenessSet: changed.insert(.awareness)
            case .assessed: changed.insert(.assessment)
            case .decided: changed.insert(.decision)
            case .subjectsTold: changed.insert(.subjectsTold)
            case .actionAdded: changed.insert(.actionsPlanned)
            case .actionDone: changed.formUnion([.actionsPlanned, .actionsDone])
            default: break
            }
        }
        let handling = caseFile.handling
        if let assessment = handling.assessment, assessment.assessedAt >= since { changed.insert(.assessment) }
        if let decision = handling.decision, decision.decidedAt >= since { changed.insert(.decision) }
        if caseFile.actions.contains(where: { $0.createdAt >= since }) { changed.insert(.actionsPlanned) }
        if caseFile.actions.contains(where: { $0.doneAt.map { $0 >= since } ?? false }) {
            changed.formUnion([.actionsPlanned, .actionsDone])
        }
        return changed
    }

    /// The form's fields, each with whether a supplement carries it.
    func fields() -> [Entry] {
        var entries: [Entry] = []
        for key in authority.keys {
            if key == .authorityReference, authorityReference == nil { continue }
            if key == .delayReason, !late { continue }
            let value = key == .missingInfo ? nil : value(key)
            entries.append(entry(key, value: value))
        }
        // The summary of what is missing lists every field to follow, carried or not.
        if let index = entries.firstIndex(where: { $0.draftKey == .missingInfo }) {
            let missing = entries.filter { $0.draftKey != .missingInfo && $0.field.value == nil && !$0.field.fillIn }
                .map(\.field.label)
            entries[index] = entry(.missingInfo, value: missingInfo(missing))
        }
        return entries
    }

    private func entry(_ key: DraftKey, value: RegulatorDraft.Wording?) -> Entry {
        let field = RegulatorDraft.Field(
            key: key.rawValue, label: authority.label(key), value: value,
            toFollow: value == nil && !key.fillIn ? followBy : nil, fillIn: value == nil && key.fillIn)
        let sources = sources(key)
        let carried: Bool
        if let changed {
            carried = sources.contains(.always) || (value != nil && !sources.isDisjoint(with: changed))
        } else {
            carried = true
        }
        return Entry(draftKey: key, field: field, carried: carried)
    }

    /// What a field is made of. Empty: never new after the initial notice.
    func sources(_ key: DraftKey) -> Set<Source> {
        switch key {
        case .controller, .organisationNumber, .ownReference, .authorityReference, .contact, .missingInfo: [.always]
        case .postalAddress, .delayReason: []
        case .whatHappened: [.account("whatHappened")]
        case .cause: [.account("cause")]
        case .period: [.account("occurredFrom"), .account("occurredUntil")]
        case .occurredAt: [.account("occurredFrom")]
        case .ended: [.account("occurredUntil")]
        case .discovered: [.awareness]
        case .breachType, .subjectsCount, .dataCategories, .recordsCount, .whereNow, .riskLevel: [.assessment]
        case .subjectCategories: [.account("subjectGroups"), .assessment]
        case .consequences: [.account("consequences")]
        case .measuresTaken: [.account("immediateMeasures"), .actionsDone]
        case .mitigation: [.account("immediateMeasures")]
        case .measuresBefore: [.account("measuresBefore")]
        case .measuresPlanned, .measures: [.actionsPlanned, .actionsDone]
        case .subjectsInformed: [.decision, .subjectsTold]
        }
    }
}
