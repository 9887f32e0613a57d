import Foundation
import Testing
import TrustCenter

/// Cases built in memory for the drafts: a breach reported by a named reporter whose name,
/// contact details, answers, messages and notes must never reach a draft.
private enum DraftFixtures {
    static let received = Date(timeIntervalSince1970: 1_774_598_400)  // 2026-03-27 08:00 UTC
    static let hour: TimeInterval = 3600
    static let due = received + 72 * hour
    static let reference = CaseReference(year: 2026, serial: 7)
    static let officer = OfficerSummary(id: 1, name: "Olga Saksbehandler", email: "olga.officer@acme.example")
    static let actionOwner = Contact(name: "Ola Tiltaksansvarlig", email: "ola.owner@acme.example")
    static let caseOwner = Contact(name: "Otto Eier", email: "otto.eier@acme.example")

    /// What must never appear in a draft.
    static let secrets = [
        "Kari Nordmann", "kari@private.example", "+47 912 34 567", "ANSWER-SECRET-1", "ANSWER-SECRET-2",
        "MESSAGE-SECRET-1", "MESSAGE-SECRET-2", "NOTE-SECRET-1", "ROUTING-SECRET-1", actionOwner.name,
        actionOwner.email, officer.name, officer.email, caseOwner.name, caseOwner.email,
    ]

    static func entity(_ country: Country) -> Entity {
        let (id, name, zone) =
            switch country {
            case .norway: ("acme-no", "Acme Norge AS", "Europe/Oslo")
            case .sweden: ("acme-se", "Acme Sverige AB", "Europe/Stockholm")
            case .denmark: ("acme-dk", "Acme Danmark ApS", "Europe/Copenhagen")
            }
        return Entity(
            id: id, name: name, country: country, timeZone: zone,
            ceo: Contact(name: "Dagny Leder", email: "ceo@acme.example"),
            privacyOfficer: Contact(name: "Per Vern", email: "privacy@acme.example"),
            whistleblowingHandlers: [Contact(name: "Hanne Varsel", email: "varsel@acme.example")],
            alternate: Contact(name: "Styre Leder", email: "chair@acme.example"),
            management: [Contact(name: "Finn Økonomi", email: "cfo@acme.example")])
    }

    static let facts = BreachFacts(
        breachTypes: [.confidentiality], dataCategories: [.basic, .financial], dataSubjects: 1200,
        vulnerableSubjects: false, identifiability: .full, recipient: .unknown, exfiltration: .possible,
        malicious: true)

    static let fullAccount = IncidentAccount(
        whatHappened: "A laptop with the payroll export was stolen from a car.",
        cause: "Payroll export kept unencrypted on a laptop.",
        consequences: "Possible fraud using account numbers.",
        immediateMeasures: "Remote wipe ordered; bank notified.",
        measuresBefore: "Full-disk encryption policy, not enforced on this laptop.",
        subjectGroups: "employees", occurredFrom: received - 20 * hour, occurredUntil: received - 2 * hour)

    /// A breach case of `entity`, with everything an officer may have recorded, or only what is given.
    static func breach(
        _ entity: Entity, account: IncidentAccount = fullAccount, assessed: Bool = true, decided: Bool = true,
        told: Bool = true, actions: [CorrectiveAction]? = nil, notifications: [RegulatorNotification] = [],
        events: [CaseEvent] = [], category: Category = .breach
    ) -> CaseFile {
        let zone = TimeZone(identifier: entity.timeZone) ?? .gmt
        let assessment = RecordedAssessment(
            facts: facts, result: BreachAssessment.evaluate(facts), assessedAt: received + 5 * hour,
            assessedBy: officer)
        let decision = BreachDecision(
            notifyAuthority: true, subjects: .yes, reason: nil,
            recommended: .init(level: .high, notifyAuthority: true, notifySubjects: true),
            decidedAt: received + 6 * hour, decidedBy: officer)
        let handling = CaseHandling(
            account: account, assessments: assessed ? [assessment] : [], decisions: decided ? [decision] : [],
            subjectsTold: told
                ? [SubjectsTold(at: received + 8 * hour, how: "letter to each employee", recordedBy: officer)] : [])
        let defaultActions = [
            action(1, "Enforce disk encryption on all laptops", due: received + 14 * 24 * hour, zone: zone),
            action(
                2, "Revoke the stolen laptop's certificates", due: received + 24 * hour, zone: zone,
                doneAt: received + 10 * hour),
        ]
        return CaseFile(
            summary: CaseSummary(
                reference: reference, category: category, status: .inProgress, entityID: entity.id,
                timeZone: entity.timeZone, receivedAt: received, updatedAt: received, owner: caseOwner),
            report: Report(answers: [
                Answer(question: "what", value: "ANSWER-SECRET-1"),
                Answer(question: "who", value: "ANSWER-SECRET-2"),
            ]),
            reporter: .named(
                ReporterContact(name: "Kari Nordmann", email: "kari@private.example", phone: "+47 912 34 567")),
            notes: [CaseNote(author: officer, at: received + hour, text: "NOTE-SECRET-1")],
            messages: [
                CaseMessage(direction: .fromReporter, author: nil, at: received + hour, text: "MESSAGE-SECRET-1"),
                CaseMessage(direction: .toReporter, author: officer, at: received + 2 * hour, text: "MESSAGE-SECRET-2"),
            ],
            events: events,
            routing: Routing(
                owner: caseOwner, handlers: [], concerns: [], excluded: [], reason: "ROUTING-SECRET-1",
                restricted: false),
            clocks: [
                CaseClock(
                    clock: .breach, state: notifications.isEmpty ? .running : .met, startedAt: received, due: due,
                    dueDate: nil, extended: false, endedAt: nil, stages: [])
            ],
            notifications: notifications, handling: handling, actions: actions ?? defaultActions)
    }

    static func action(
        _ id: Int64, _ what: String, due: Date, zone: TimeZone, createdAt: Date? = nil, doneAt: Date? = nil
    )
        -> CorrectiveAction
    {
        CorrectiveAction(
            id: id, reference: reference, what: what, owner: actionOwner, dueDate: LocalDate(due, in: zone), due: due,
            createdAt: createdAt ?? received + 9 * hour, createdBy: officer, doneAt: doneAt,
            doneNote: doneAt == nil ? nil : "done by Ola Tiltaksansvarlig", doneBy: doneAt == nil ? nil : officer)
    }

    static func initial(at: Date, lateReason: String? = nil, authority: String) -> RegulatorNotification {
        RegulatorNotification(
            stage: .initial, notifiedAt: at, authority: authority, authorityReference: "AUTH-REF-1",
            lateReason: lateReason, recordedBy: officer)
    }

    static func json(_ draft: RegulatorDraft) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(draft), as: UTF8.self)
    }
}

@Suite struct RegulatorDraftTests {
    fileprivate typealias F = DraftFixtures

    @Test func norwayHasDatatilsynetsFieldsInBokmal() throws {
        let entity = F.entity(.norway)
        let draft = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.received + 30 * F.hour)
        #expect(draft.authority == .datatilsynetNO)
        #expect(draft.language == .nb)
        #expect(!draft.late)
        let keys = draft.fields.map(\.key)
        for key in [
            "controller", "contact", "cause", "period", "discovered", "subjectsCount", "whatHappened",
            "dataCategories", "subjectCategories", "whereNow", "consequences", "measuresTaken", "measuresPlanned",
            "subjectsInformed",
        ] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(!keys.contains("delayReason"))
        let labels = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.key, $0.label) })
        #expect(labels["cause"]?.local == "Hovedårsak")
        #expect(labels["cause"]?.english == "Main cause")
        #expect(labels["period"]?.local == "Tidsrom for bruddet")
        #expect(labels["discovered"]?.local == "Når ble bruddet oppdaget?")
        #expect(labels["subjectsCount"]?.local == "Antall berørte personer")
        #expect(draft.fields.allSatisfy { $0.label.language == .nb })
        let values = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.key, $0.value) })
        #expect(values["contact"]??.local == "Per Vern <privacy@acme.example>")
        #expect(values["subjectsCount"]??.local == "ca. 1200")
        #expect(values["subjectsCount"]??.english == "about 1200")
        #expect(values["whereNow"]??.local.contains("ukjente mottakere") == true)
        #expect(values["measuresPlanned"]??.english.contains("Enforce disk encryption") == true)
        let json = try F.json(draft)
        #expect(json.contains(#""label":{"en":"Main cause","nb":"Hovedårsak"}"#))
        #expect(draft.text.contains("Hovedårsak / Main cause"))
    }

    @Test func swedenHasImysFieldsInSwedish() throws {
        let entity = F.entity(.sweden)
        let draft = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.received + 30 * F.hour)
        #expect(draft.authority == .imy)
        #expect(draft.language == .sv)
        let fields = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.key, $0) })
        #expect(fields["controller"]?.label.local == "Personuppgiftsansvarig")
        #expect(fields["controller"]?.value?.local == "Acme Sverige AB")
        #expect(fields["organisationNumber"]?.label.local == "Organisationsnummer")
        #expect(fields["organisationNumber"]?.value == nil)
        #expect(fields["organisationNumber"]?.fillIn == true)
        #expect(fields["ownReference"]?.label.local == "Egen referens")
        #expect(fields["ownReference"]?.value?.local == "TC-2026-00007")
        #expect(fields["occurredAt"]?.label.local == "När inträffade incidenten?")
        #expect(fields["discovered"]?.label.local == "När upptäcktes den?")
        #expect(fields["ended"] != nil)
        #expect(fields["breachType"]?.value?.local.contains("konfidentialiteten") == true)
        #expect(fields["dataCategories"]?.value?.local.contains("ekonomiska uppgifter") == true)
        for key in [
            "subjectCategories", "subjectsCount", "recordsCount", "consequences", "riskLevel",
            "measuresTaken", "subjectsInformed",
        ] {
            #expect(fields[key] != nil, "missing \(key)")
        }
        #expect(draft.fields.allSatisfy { $0.label.language == .sv })
        #expect(try F.json(draft).contains(#""fillIn":true"#))
        #expect(draft.text.contains("FILL IN"))
    }

    @Test func denmarkHasDatatilsynetsFieldsInDanish() throws {
        let entity = F.entity(.denmark)
        let draft = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.received + 30 * F.hour)
        #expect(draft.authority == .datatilsynetDK)
        #expect(draft.language == .da)
        let fields = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.key, $0) })
        #expect(fields["contact"]?.label.local == "Kontaktperson")
        #expect(fields["whatHappened"]?.label.local == "Beskrivelse af bruddet")
        for key in [
            "subjectCategories", "subjectsCount", "dataCategories", "recordsCount", "consequences", "measures",
            "measuresBefore", "mitigation", "subjectsInformed", "missingInfo",
        ] {
            #expect(fields[key] != nil, "missing \(key)")
        }
        #expect(fields["measuresBefore"]?.value?.local == "Full-disk encryption policy, not enforced on this laptop.")
        // No records count was recorded: the summary of what is missing names it.
        #expect(fields["recordsCount"]?.value == nil)
        #expect(fields["missingInfo"]?.value?.local.contains("Antal berørte registreringer") == true)
        #expect(draft.fields.allSatisfy { $0.label.language == .da })
    }

    @Test func aMissingFactIsToFollowByADate() throws {
        let now = F.received + 30 * F.hour
        for country in Country.allCases {
            let entity = F.entity(country)
            let caseFile = F.breach(
                entity, account: IncidentAccount(whatHappened: "A laptop was stolen."), assessed: false,
                decided: false, told: false, actions: [])
            let draft = try RegulatorDraft(caseFile, stage: .initial, entity: entity, now: now)
            let zone = TimeZone(identifier: entity.timeZone) ?? .gmt
            let days = country == .sweden ? 28 : 14
            let expected = LocalDate(now, in: zone).adding(days: days).instant(
                hour: 23, minute: 59, second: 59, in: zone)
            let cause = try #require(draft.fields.first { $0.key == "cause" })
            #expect(cause.value == nil)
            #expect(cause.toFollow == expected)
            #expect(!cause.fillIn)
            let subjects = try #require(draft.fields.first { $0.key == "subjectsCount" })
            #expect(subjects.toFollow == expected)
            #expect(draft.fields.first { $0.key == "whatHappened" }?.toFollow == nil)
            #expect(draft.text.contains("TO FOLLOW by \(ISOTime.local(expected, in: zone))"))
            #expect(try F.json(draft).contains(#""toFollow":""#))
        }
    }

    @Test(arguments: Country.allCases)
    func neverCarriesTheReporterTheReportMessagesNotesOrOwners(_ country: Country) throws {
        let entity = F.entity(country)
        let initial = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.due + F.hour)
        let notified = F.breach(
            entity,
            notifications: [
                F.initial(at: F.due + F.hour, lateReason: "awaiting forensics", authority: entity.authority)
            ],
            events: [
                CaseEvent(
                    at: F.due + 2 * F.hour, actor: .officer(F.officer), change: .accountUpdated(fields: ["cause"]))
            ])
        let supplement = try RegulatorDraft(notified, stage: .supplement, entity: entity, now: F.due + 3 * F.hour)
        for draft in [initial, supplement] {
            let json = try F.json(draft)
            for secret in F.secrets {
                #expect(!json.contains(secret), "\(secret) in the JSON")
                #expect(!draft.text.contains(secret), "\(secret) in the text")
            }
        }
    }

    @Test func aLateInitialNoticeAsksForTheReasons() throws {
        let entity = F.entity(.norway)
        let draft = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.due + F.hour)
        #expect(draft.late)
        #expect(draft.due == F.due)
        let reason = try #require(draft.fields.first { $0.key == "delayReason" })
        #expect(reason.value == nil)
        #expect(reason.fillIn)
        #expect(draft.text.contains("LATE"))
        #expect(try F.json(draft).contains(#""late":true"#))
    }

    @Test func aSupplementAfterALateInitialCarriesTheRecordedReason() throws {
        let entity = F.entity(.sweden)
        let caseFile = F.breach(
            entity,
            notifications: [
                F.initial(
                    at: F.due + 5 * F.hour, lateReason: "Forensic report arrived after 72 hours",
                    authority: entity.authority)
            ])
        let draft = try RegulatorDraft(caseFile, stage: .supplement, entity: entity, now: F.due + 30 * F.hour)
        #expect(draft.late)
        #expect(draft.lateReason == "Forensic report arrived after 72 hours")
        #expect(draft.text.contains("Forensic report arrived after 72 hours"))
        #expect(try F.json(draft).contains(#""lateReason":"Forensic report arrived after 72 hours""#))
    }

    @Test func anImySupplementCarriesOnlyWhatChangedSinceTheInitialNotice() throws {
        let entity = F.entity(.sweden)
        let zone = TimeZone(identifier: entity.timeZone) ?? .gmt
        let notifiedAt = F.received + 20 * F.hour
        let after = notifiedAt + 24 * F.hour
        let actions = [
            F.action(1, "Enforce disk encryption on all laptops", due: F.received + 14 * 24 * F.hour, zone: zone),
            F.action(3, "Train staff on travel security", due: after + 10 * 24 * F.hour, zone: zone, createdAt: after),
        ]
        let events = [
            CaseEvent(
                at: F.received + 5 * F.hour, actor: .officer(F.officer),
                change: .assessed(level: .high, severity: 3.5)),
            CaseEvent(
                at: F.received + 6 * F.hour, actor: .officer(F.officer),
                change: .accountUpdated(fields: ["cause", "whatHappened"])),
            CaseEvent(at: notifiedAt, actor: .officer(F.officer), change: .authorityNotified(stage: .initial)),
            CaseEvent(at: after, actor: .officer(F.officer), change: .accountUpdated(fields: ["consequences"])),
            CaseEvent(
                at: after, actor: .officer(F.officer), change: .actionAdded(id: 3, due: after + 10 * 24 * F.hour)),
        ]
        // Assessed, decided and told before the notice; only the consequences and an action after it.
        var caseFile = F.breach(
            entity, actions: actions, notifications: [F.initial(at: notifiedAt, authority: entity.authority)],
            events: events)
        caseFile.handling.subjectsTold = []
        let draft = try RegulatorDraft(caseFile, stage: .supplement, entity: entity, now: after + F.hour)
        #expect(draft.stage == .supplement)
        #expect(draft.sinceLastNotice == notifiedAt)
        #expect(draft.authorityReference == "AUTH-REF-1")
        #expect(!draft.late)
        #expect(
            draft.fields.map(\.key) == [
                "controller", "organisationNumber", "ownReference", "authorityReference", "contact", "consequences",
                "measuresPlanned",
            ])
        let planned = try #require(draft.fields.first { $0.key == "measuresPlanned" })
        #expect(planned.value?.english.contains("Train staff on travel security") == true)
        let unchanged = try #require(draft.unchanged)
        for key in [
            "whatHappened", "cause", "breachType", "subjectsCount", "dataCategories", "discovered", "subjectsInformed",
            "measuresTaken", "postalAddress",
        ] {
            #expect(unchanged.contains(key), "\(key) should be left out")
        }
        #expect(draft.text.contains("since the last notice"))
    }

    @Test func aSupplementWithNothingNewCarriesOnlyWhoAndWhich() throws {
        let entity = F.entity(.norway)
        let caseFile = F.breach(
            entity, notifications: [F.initial(at: F.received + 20 * F.hour, authority: entity.authority)])
        let draft = try RegulatorDraft(caseFile, stage: .final, entity: entity, now: F.received + 40 * F.hour)
        #expect(draft.stage == .final)
        #expect(draft.fields.map(\.key) == ["controller", "ownReference", "authorityReference", "contact"])
        #expect(draft.text.contains("Endelig melding"))
    }

    @Test func refusesWhatCannotBeNotified() throws {
        let entity = F.entity(.denmark)
        let now = F.received + 30 * F.hour
        let notBreach = #expect(throws: InputError.self) {
            try RegulatorDraft(F.breach(entity, category: .complaint), stage: .initial, entity: entity, now: now)
        }
        #expect(notBreach?.field == "stage")
        let noInitial = #expect(throws: InputError.self) {
            try RegulatorDraft(F.breach(entity), stage: .supplement, entity: entity, now: now)
        }
        #expect(noInitial?.field == "stage")
        #expect(noInitial?.message.contains("trustctl notify") == true)
        let notified = F.breach(
            entity, notifications: [F.initial(at: F.received + 20 * F.hour, authority: entity.authority)])
        let twice = #expect(throws: InputError.self) {
            try RegulatorDraft(notified, stage: .initial, entity: entity, now: now)
        }
        #expect(twice?.field == "stage")
        #expect(twice?.message.contains("--stage supplement") == true)
    }

    @Test func readsBackWhatItWrites() throws {
        let entity = F.entity(.denmark)
        let draft = try RegulatorDraft(F.breach(entity), stage: .initial, entity: entity, now: F.due + F.hour)
        let data = try JSONCoding.encoder.encode(draft)
        #expect(try JSONCoding.decoder.decode(RegulatorDraft.self, from: data) == draft)
    }

    @Test func theTextHasNoTerminalEscapes() throws {
        let entity = F.entity(.norway)
        var account = F.fullAccount
        account.cause = "Unencrypted \u{1B}[31mexport\u{1B}[0m"
        let draft = try RegulatorDraft(
            F.breach(entity, account: account), stage: .initial, entity: entity, now: F.received)
        #expect(!draft.text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(draft.text.split(separator: "\n").allSatisfy { $0.count <= 100 || !$0.contains(" ") })
    }
}
