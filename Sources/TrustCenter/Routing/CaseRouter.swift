/// Decides who a case goes to. The defaults: breaches, complaints, rights requests and
/// questions to the privacy officer; deviations and HSE to the CEO; whistleblowing to the
/// designated handlers. A report that concerns a person who would receive it goes past them,
/// to the next handler or to the entity's alternate; that person is excluded for good.
public enum CaseRouter {
    /// Routes a case. `previous` is the case's routing before a reclassification: whom it
    /// excluded stays excluded, and a restricted case stays restricted, whatever the
    /// configuration says today.
    public static func route(
        _ category: Category, concerns newConcerns: [RecipientRole], entity: Entity, previous: Routing? = nil
    ) -> Routing {
        var concerns = previous?.concerns ?? []
        for role in newConcerns where !concerns.contains(role) { concerns.append(role) }
        var excluded = previous?.excluded ?? []
        for person in excludedPeople(concerns, entity: entity)
        where !excluded.contains(where: { $0.emailKey == person.emailKey }) {
            excluded.append(person)
        }
        let isExcluded = { (contact: Contact) in excluded.contains { $0.emailKey == contact.emailKey } }
        let (role, candidates): (String, [Contact]) =
            switch category {
            case .deviation, .hse: ("the CEO", [entity.ceo])
            case .whistleblowing: ("the designated whistleblowing handlers", entity.whistleblowingHandlers)
            case .breach, .complaint, .rightsRequest, .question, .unclassified:
                ("the privacy officer", [entity.privacyOfficer])
            }
        // A restricted case stays with the people it went to: reclassifying a whistleblowing
        // report must not hand it to the CEO or the privacy officer.
        if let previous, previous.restricted, !isExcluded(previous.owner) {
            return Routing(
                owner: previous.owner, handlers: previous.handlers.filter { !isExcluded($0) }, concerns: concerns,
                excluded: excluded,
                reason: "\(category.rawValue), reclassified: stays with its handlers, as a restricted case does"
                    + concernsNote(concerns, toAlternate: false) + ".",
                restricted: true)
        }
        let eligible = candidates.filter { !isExcluded($0) }
        // The configuration refuses an alternate who is the CEO, the privacy officer or a handler.
        let owner = eligible.first ?? entity.alternate
        let handlers = category == .whistleblowing ? eligible.filter { $0.emailKey != owner.emailKey } : []
        let reason =
            "\(category.rawValue) goes to \(role) of \(entity.name)"
            + concernsNote(concerns, toAlternate: eligible.isEmpty)
        let restricted = previous?.restricted == true || category == .whistleblowing || !concerns.isEmpty
        return Routing(
            owner: owner, handlers: handlers, concerns: concerns, excluded: excluded, reason: reason + ".",
            restricted: restricted)
    }

    /// "; the report concerns the CEO: excluded from the case", for the routing's reason.
    static func concernsNote(_ concerns: [RecipientRole], toAlternate: Bool) -> String {
        guard !concerns.isEmpty else { return "" }
        let names = concerns.map(\.concernedDescription).joined(separator: " and ")
        return "; the report concerns \(names): excluded from the case"
            + (toAlternate ? ", so it goes to the alternate" : "")
    }

    /// The people a report about these roles must never reach.
    static func excludedPeople(_ concerns: [RecipientRole], entity: Entity) -> [Contact] {
        var seen = Set<String>()
        return concerns.flatMap { role -> [Contact] in
            switch role {
            case .ceo: [entity.ceo]
            case .privacyOfficer: [entity.privacyOfficer]
            case .handlers: entity.whistleblowingHandlers
            case .owner, .management, .alternate, .actionOwner: []
            }
        }.filter { seen.insert($0.emailKey).inserted }
    }

    /// The question whose answer says whom a report concerns, and the options that name the
    /// roles who then never receive it. The form check refuses a questionnaire without them, so
    /// that renaming the question cannot silently stop keeping a report from the CEO.
    public static let concernsQuestion = "concerns"
    public static let concernsOptions: [String: RecipientRole] = [
        "ceo": .ceo, "privacyOfficer": .privacyOfficer, "handler": .handlers,
    ]

    /// The roles a report's answers say it concerns (the whistleblowing page's `concerns` question).
    public static func concerns(in answers: AnswerSet) -> [RecipientRole] {
        answers.values(concernsQuestion).compactMap { concernsOptions[$0] }
    }

    /// The people a stage tells, resolved now: each once, and never an excluded person. A
    /// restricted case is told only to its members and the alternate: for everyone else it does
    /// not exist.
    public static func recipients(
        _ roles: [RecipientRole], routing: Routing, entity: Entity, actionOwner: Contact? = nil
    ) -> [Recipient] {
        let insiders = Set((routing.members + [entity.alternate]).map(\.emailKey))
        let told = resolve(roles, routing: routing, entity: entity, actionOwner: actionOwner).filter {
            !routing.excludes($0.contact.email) && (!routing.restricted || insiders.contains($0.contact.emailKey))
        }
        // A restricted case whose stage names only outsiders (the CEO of a former whistleblowing
        // report now classified as a breach) still tells its owner.
        var seen = Set<String>()
        return (told.isEmpty && !roles.isEmpty ? [Recipient(contact: routing.owner, role: .owner)] : told).filter {
            seen.insert($0.contact.emailKey).inserted
        }
    }

    static func resolve(_ roles: [RecipientRole], routing: Routing, entity: Entity, actionOwner: Contact?)
        -> [Recipient]
    {
        roles.flatMap { role -> [Recipient] in
            let people: [Contact] =
                switch role {
                case .owner: [routing.owner]
                case .privacyOfficer: [entity.privacyOfficer]
                case .ceo: [entity.ceo]
                case .management: entity.management
                case .handlers: routing.members
                case .alternate: [entity.alternate]
                case .actionOwner: actionOwner.map { [$0] } ?? []
                }
            return people.map { Recipient(contact: $0, role: role) }
        }
    }
}

/// One person a notice goes to, and in which role.
public struct Recipient: Codable, Sendable, Hashable {
    public var contact: Contact
    public var role: RecipientRole

    public init(contact: Contact, role: RecipientRole) {
        self.contact = contact
        self.role = role
    }
}

extension RecipientRole {
    var concernedDescription: String {
        switch self {
        case .ceo: "the CEO"
        case .privacyOfficer: "the privacy officer"
        case .handlers: "the whistleblowing handlers"
        case .owner: "the owner"
        case .management: "management"
        case .alternate: "the alternate"
        case .actionOwner: "the owner of an action"
        }
    }
}
