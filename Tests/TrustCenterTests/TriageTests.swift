import Foundation
import Testing
import TrustCenter

/// The officer's triage through the desk and a real SQLite file: breach assessment, decision and
/// closing; the rights workflow with its pause and extension; whistleblowing; corrective actions;
/// the breach register.
@Suite struct TriageTests {
    static let hour: TimeInterval = 3600

    /// A newsletter sent with 150 customers' addresses in Cc: basic data, known recipients.
    static let ccFacts = """
        {"breachTypes": ["confidentiality"], "dataCategories": ["basic"], "dataSubjects": 150,
         "records": 150, "vulnerableSubjects": false, "identifiability": "full", "unintelligible": false,
         "recipient": "known", "exfiltration": "confirmed", "availability": "none", "integrity": "none",
         "malicious": false, "seriousConsequences": false}
        """

    func officer(_ harness: StoreHarness, _ email: String = "privacy@acme.example") async throws -> Officer {
        try await harness.officers.add(name: "Officer", email: email, role: .privacyOfficer).0
    }

    func facts(_ json: String = ccFacts) throws -> BreachFacts { try BreachFacts.parse(Data(json.utf8)) }

    @Test func aBreachIsAssessedDecidedNotifiedAndClosed() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let reference = receipt.reference
        // Deciding before assessing is refused; so is closing.
        await #expect(throws: InputError.self) {
            try await harness.desk.decide(reference, notifyAuthority: true, subjects: .no, reason: nil, by: privacy)
        }
        let assessed = try await harness.desk.assess(reference, facts: try facts(), by: privacy)
        let assessment = try #require(assessed.handling.assessment?.result)
        #expect(assessment.level == .risk && assessment.notifyAuthority && !assessment.notifySubjects)
        #expect(assessed.events.contains { $0.change == .assessed(level: .risk, severity: assessment.severity) })
        #expect(assessed.summary.status == .inProgress)
        // Departing from the recommendation needs a reason, and the reason cannot name people.
        let departing = await #expect(throws: InputError.self) {
            try await harness.desk.decide(reference, notifyAuthority: false, subjects: .no, reason: nil, by: privacy)
        }
        #expect(departing?.message.contains("differs from the recommendation") == true)
        await #expect(throws: InputError.self) {
            try await harness.desk.decide(
                reference, notifyAuthority: false, subjects: .no, reason: "asked ola@example.no", by: privacy)
        }
        let decided = try await harness.desk.decide(
            reference, notifyAuthority: true, subjects: .no, reason: nil, by: privacy)
        #expect(decided.handling.decision?.differsFromRecommendation == false)
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.close(reference, outcome: "done", by: privacy)
        }
        let missing = try #require(refused?.message)
        #expect(missing.contains("the breach clock is running"))
        #expect(missing.contains("the decision is to notify the authority"))
        #expect(missing.contains("the breach register needs what happened, its consequences, the measures taken"))
        _ = try await harness.desk.describe(
            reference,
            IncidentAccount(
                whatHappened: "a newsletter with 150 addresses in Cc", consequences: "addresses seen by the others",
                immediateMeasures: "recipients asked to delete"),
            by: privacy)
        harness.time.advance(by: 30 * Self.hour)
        _ = try await harness.desk.notifyAuthority(
            reference, stage: .initial, at: nil, authority: nil, authorityReference: "21/01234", lateReason: nil,
            by: privacy)
        let closed = try await harness.desk.close(reference, outcome: "notified; payslip routine changed", by: privacy)
        #expect(closed.summary.status == .closed)
        #expect(closed.handling.outcome == "notified; payslip routine changed")
        #expect(closed.events.contains { $0.change == .closed(outcome: "notified; payslip routine changed") })
        // Reopening is possible and recorded; the status cannot be set to closed around the checks.
        let reopened = try await harness.desk.reopen(reference, reason: "more payslips found", by: privacy)
        #expect(reopened.summary.status == .inProgress)
        #expect(reopened.events.contains { $0.change == .reopened(reason: "more payslips found") })
        await #expect(throws: InputError.self) {
            try await harness.desk.setStatus(reference, to: .closed, by: privacy)
        }
    }

    @Test func aDecisionNotToNotifyMeetsTheSeventyTwoHours() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let privacy = try await officer(harness)
        let unintelligible = Self.ccFacts.replacingOccurrences(
            of: "\"unintelligible\": false", with: "\"unintelligible\": true"
        ).replacingOccurrences(of: "\"exfiltration\": \"confirmed\"", with: "\"exfiltration\": \"ruled-out\"")
        let assessed = try await harness.desk.assess(receipt.reference, facts: try facts(unintelligible), by: privacy)
        #expect(assessed.handling.assessment?.result.notifyAuthority == false)
        let decided = try await harness.desk.decide(
            receipt.reference, notifyAuthority: false, subjects: .no, reason: nil, by: privacy)
        #expect(decided.clocks.first { $0.clock == .breach }?.state == .met)
        #expect(decided.handling.decision?.reason == nil)
        _ = try await harness.desk.describe(
            receipt.reference,
            IncidentAccount(
                whatHappened: "an encrypted list in Cc", consequences: "none", immediateMeasures: "recalled"),
            by: privacy)
        let closed = try await harness.desk.close(receipt.reference, outcome: "documented only", by: privacy)
        #expect(closed.summary.status == .closed)
    }

    @Test func theRightsWorkflowPausesForIdentityAndExtendsWithALetter() async throws {
        let harness = try await StoreHarness(.memory)
        var submission = Fixtures.rightsRequest()
        submission.language = .nb
        let receipt = try await harness.intake().submit(submission)
        let privacy = try await officer(harness)
        let reference = receipt.reference
        let received = try await harness.desk.caseFile(reference, for: privacy)
        #expect(received.clocks.first?.dueDate?.description == "2026-04-10")
        await #expect(throws: InputError.self) {
            try await harness.desk.answer(reference, outcome: .fulfilled, reason: "sent", by: privacy)
        }
        let requested = try await harness.desk.requestIdentity(
            reference, request: "the customer number on your last invoice", by: privacy)
        #expect(requested.handling.identity == .informationRequested)
        #expect(requested.clocks.first?.state == .paused)
        let letter = try #require(requested.messages.last?.text)
        #expect(letter.contains("the customer number on your last invoice"))
        #expect(letter.contains("Fristen for svaret vårt står stille"))  // bokmål, the requester's language
        harness.time.advance(by: 5 * 24 * Self.hour)
        let verified = try await harness.desk.verifyIdentity(reference, by: privacy)
        #expect(verified.handling.identity == .verified)
        #expect(verified.clocks.first?.state == .running)
        #expect(verified.clocks.first?.dueDate?.description == "2026-04-15")  // five days later
        let extended = try await harness.desk.extend(reference, reason: "records in three systems", by: privacy)
        #expect(extended.clocks.first?.dueDate?.description == "2026-06-15")
        let extensionLetter = try #require(extended.messages.last?.text)
        #expect(extensionLetter.contains("2026-06-15") && extensionLetter.contains("records in three systems"))
        let answered = try await harness.desk.answer(
            reference, outcome: .partially, reason: "backups are not searched", by: privacy)
        #expect(answered.clocks.first?.state == .met)
        let answer = try #require(answered.messages.last?.text)
        #expect(answer.contains("backups are not searched"))
        // Art. 12(4): the remedies, the authority and the courts.
        #expect(answer.contains("Datatilsynet, www.datatilsynet.no") && answer.contains("domstolene"))
        #expect(try await harness.desk.close(reference, outcome: "answered", by: privacy).summary.status == .closed)
    }

    @Test func aRefusalNeedsNoVerifiedIdentityAndNamesTheRemediesInEnglish() async throws {
        let harness = try await StoreHarness(.memory)
        var submission = Fixtures.rightsRequest(entity: "acme-se")
        submission.language = .en
        let receipt = try await harness.intake().submit(submission)
        let privacy = try await officer(harness, "skydd@acme.example")
        let answered = try await harness.desk.answer(
            receipt.reference, outcome: .refused, reason: "we hold no data about you", by: privacy)
        let letter = try #require(answered.messages.last?.text)
        #expect(letter.contains("we hold no data about you"))
        #expect(
            letter.contains("complain to the data protection authority, Integritetsskyddsmyndigheten (IMY), www.imy.se")
        )
    }

    @Test func whistleblowingIsAcknowledgedAnsweredAndTheIdentityRevealedOnlyOnRequest() async throws {
        let harness = try await StoreHarness(.memory)
        var submission = Fixtures.wrongdoing(concerning: "noneOfThese")
        submission.contact = ReporterContact(name: "Kari Varsler", email: "kari@example.no")
        submission.language = .sv
        let receipt = try await harness.intake().submit(submission)
        let handler = try await officer(harness, "varsel@acme.example")
        let reference = receipt.reference
        let shown = try await harness.desk.caseFile(reference, for: handler)
        #expect(shown.reporter == .withheld)
        harness.time.advance(by: 2 * 24 * Self.hour)
        let acknowledged = try await harness.desk.acknowledge(reference, text: nil, by: handler)
        #expect(acknowledged.reporter == .withheld)
        let letter = try #require(acknowledged.messages.last?.text)
        let feedbackDue = try #require(acknowledged.clocks.running(.whistleblowingFeedback)?.dueDate)
        #expect(letter.contains("Vi har tagit emot din rapport \(reference)"))
        #expect(letter.contains(feedbackDue.description))
        #expect(acknowledged.clocks.first { $0.clock == .whistleblowingAck }?.state == .met)
        let answered = try await harness.desk.giveFeedback(
            reference, text: "The invoices were stopped and the supplier is reviewed.", by: handler)
        #expect(answered.clocks.first { $0.clock == .whistleblowingFeedback }?.state == .met)
        #expect(answered.events.contains { $0.change == .feedbackGiven })
        let revealed = try await harness.desk.revealIdentity(reference, by: handler)
        #expect(revealed.reporter == .named(ReporterContact(name: "Kari Varsler", email: "kari@example.no")))
        #expect(revealed.events.last?.change == .identityRevealed)
        // The CEO is not a handler: the case does not exist for them.
        let ceo = try await officer(harness, "ceo@acme.example")
        await #expect(throws: NotFoundError.self) { try await harness.desk.revealIdentity(reference, by: ceo) }
        #expect(try await harness.desk.close(reference, outcome: "handled", by: handler).summary.status == .closed)
    }

    @Test func anActionRunsAClockThatRemindsItsOwnerAndBlocksClosing() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.breach(["personalData": ["no"]]))
        let ceo = try await officer(harness, "ceo@acme.example")
        let reference = receipt.reference
        await #expect(throws: InputError.self) {
            try await harness.desk.addAction(
                reference, what: "x", ownerEmail: "it@acme.example",
                due: try #require(LocalDate(year: 2020, month: 1, day: 1)), by: ceo)
        }
        let added = try await harness.desk.addAction(
            reference, what: "Check the payslip mailing list", ownerEmail: "it@acme.example",
            due: try #require(LocalDate(year: 2026, month: 3, day: 20)), by: ceo)
        let action = try #require(added.actions.first)
        #expect(action.isOpen && action.owner.email == "it@acme.example")
        #expect(added.clocks.contains { $0.clock == .action && $0.actionID == action.id && $0.state == .running })
        // The reminder two days before the due day goes to the action's owner.
        harness.time.advance(by: 8 * 24 * Self.hour)
        _ = try await harness.sweeper.sweep()
        let notices = try await harness.ledger.notices(
            matching: NoticeQuery(recipientEmail: "it@acme.example", viewer: .system, delivery: nil, limit: 10))
        #expect(notices.map(\.clock) == [.action])
        #expect(notices.first?.kind == .reminder)
        harness.time.advance(by: 3 * 24 * Self.hour)
        let overdue = try await harness.desk.actions(overdueOnly: true, limit: 10, for: ceo)
        #expect(overdue.map(\.id) == [action.id])
        let refused = await #expect(throws: InputError.self) {
            try await harness.desk.close(reference, outcome: "done", by: ceo)
        }
        #expect(refused?.message.contains("action \(action.id) is open") == true)
        let done = try await harness.desk.completeAction(action.id, note: "list corrected", by: ceo)
        #expect(done.actions.first?.doneNote == "list corrected")
        #expect(done.clocks.first { $0.actionID == action.id }?.state == .met)
        #expect(try await harness.desk.actions(overdueOnly: false, limit: 10, for: ceo).isEmpty)
        await #expect(throws: InputError.self) {
            try await harness.desk.completeAction(action.id, note: "again", by: ceo)
        }
        #expect(try await harness.desk.close(reference, outcome: "fixed", by: ceo).summary.status == .closed)
    }

    @Test func theRegisterHoldsEveryBreachWithEveryFieldAndNoPersonalData() async throws {
        let harness = try await StoreHarness(.memory)
        let named = ReporterContact(name: "Kari Melder", email: "kari.melder@example.no", phone: "+47 912 34 567")
        let first = try await harness.intake().submit(Fixtures.breach(contact: named))
        let second = try await harness.intake().submit(Fixtures.breach())
        _ = try await harness.intake().submit(Fixtures.question())
        let privacy = try await officer(harness)
        _ = try await harness.desk.describe(
            first.reference,
            IncidentAccount(
                whatHappened: "payslips mailed to the wrong list", cause: "an outdated mailing list",
                consequences: "salaries seen by colleagues", immediateMeasures: "recipients asked to delete",
                measuresBefore: "manual check", subjectGroups: "employees"),
            by: privacy)
        await #expect(throws: InputError.self) {
            try await harness.desk.describe(
                first.reference, IncidentAccount(consequences: "call Kari on 912 34 567"), by: privacy)
        }
        _ = try await harness.desk.assess(first.reference, facts: try facts(), by: privacy)
        _ = try await harness.desk.decide(
            first.reference, notifyAuthority: true, subjects: .yes, reason: "to be safe", by: privacy)
        harness.time.advance(by: 80 * Self.hour)
        _ = try await harness.desk.notifyAuthority(
            first.reference, stage: .initial, at: nil, authority: nil, authorityReference: "21/555",
            lateReason: "the extent was unclear", by: privacy)
        _ = try await harness.desk.tellSubjects(first.reference, at: nil, how: "letter to each employee", by: privacy)
        _ = try await harness.desk.addAction(
            first.reference, what: "new mailing routine", ownerEmail: "it@acme.example",
            due: try #require(LocalDate(year: 2026, month: 4, day: 1)), by: privacy)

        let entries = try await harness.desk.register(from: nil, until: nil, for: privacy)
        #expect(entries.map(\.reference) == [first.reference, second.reference])
        let entry = try #require(entries.first)
        #expect(entry.whatHappened == "payslips mailed to the wrong list" && entry.cause == "an outdated mailing list")
        #expect(
            entry.consequences == "salaries seen by colleagues"
                && entry.immediateMeasures == "recipients asked to delete")
        #expect(entry.facts?.dataSubjects == 150 && entry.assessment?.level == .risk)
        #expect(
            entry.decisions.first?.reason == "to be safe" && entry.decisions.first?.differsFromRecommendation == true)
        #expect(entry.notifications.first?.authorityReference == "21/555")
        #expect(
            entry.notifications.first?.late == true && entry.notifications.first?.lateReason == "the extent was unclear"
        )
        #expect(entry.subjectsTold.first?.how == "letter to each employee")
        #expect(entry.actions.first?.what == "new mailing routine")
        // The unassessed breach is there too, with its empty fields.
        #expect(entries.last?.assessment == nil && entries.last?.decisions.isEmpty == true)

        let csv = BreachRegisterCSV.render(entries)
        let json = String(decoding: try JSONCoding.encoder.encode(entries), as: UTF8.self)
        for export in [csv, json] {
            for secret in ["Kari", "kari.melder", "912 34 567", "Payslips were emailed", "Payroll", "it@acme.example"] {
                #expect(!export.contains(secret), "the register holds \(secret)")
            }
        }
        #expect(csv.split(separator: "\r\n").count == 3)
        #expect(csv.hasPrefix(BreachRegisterCSV.columns.joined(separator: ",")))
        // A period before both breaches holds none.
        let none = try await harness.desk.register(
            from: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 86_400), for: privacy)
        #expect(none.isEmpty)
    }
}
