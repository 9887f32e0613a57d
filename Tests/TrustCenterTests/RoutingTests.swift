import Foundation
import Testing
import TrustCenter

@Suite struct RoutingTests {
    @Test(arguments: [
        (Category.breach, "privacy@acme.example"), (.complaint, "privacy@acme.example"),
        (.rightsRequest, "privacy@acme.example"), (.question, "privacy@acme.example"),
        (.deviation, "ceo@acme.example"), (.hse, "ceo@acme.example"), (.whistleblowing, "varsel@acme.example"),
    ])
    func eachCategoryGoesToItsDefaultOwner(category: Category, owner: String) {
        let routing = CaseRouter.route(category, concerns: [], entity: Fixtures.norway)
        #expect(routing.owner.email == owner)
        #expect(routing.excluded.isEmpty)
        #expect(routing.reason.hasPrefix("\(category.rawValue) goes to"))
    }

    @Test func whistleblowingIsSeenByEveryDesignatedHandler() {
        let routing = CaseRouter.route(.whistleblowing, concerns: [], entity: Fixtures.norway)
        #expect(routing.members.map(\.email) == ["varsel@acme.example", "privacy@acme.example"])
    }

    @Test func aReportAboutThePrivacyOfficerGoesPastThem() {
        let routing = CaseRouter.route(.whistleblowing, concerns: [.privacyOfficer], entity: Fixtures.norway)
        #expect(routing.members.map(\.email) == ["varsel@acme.example"])
        #expect(routing.excludes("PRIVACY@acme.example"))
        #expect(routing.reason.contains("the report concerns the privacy officer: excluded from the case"))
        #expect(routing.restricted)
    }

    @Test func aReportAboutTheHandlersGoesToTheAlternate() {
        let routing = CaseRouter.route(.whistleblowing, concerns: [.handlers], entity: Fixtures.norway)
        #expect(routing.owner.email == "chair@acme.example")
        #expect(routing.members.map(\.email) == ["chair@acme.example"])
        #expect(routing.reason.contains("so it goes to the alternate"))
    }

    @Test func noticesNeverReachTheExcludedPersonNorAnyoneOutsideARestrictedCase() {
        let routing = CaseRouter.route(.whistleblowing, concerns: [.ceo], entity: Fixtures.norway)
        let recipients = CaseRouter.recipients(
            [.owner, .ceo, .management, .handlers, .alternate], routing: routing, entity: Fixtures.norway)
        #expect(
            recipients.map(\.contact.email) == ["varsel@acme.example", "privacy@acme.example", "chair@acme.example"])
        // A complaint's escalation goes to management, minus whom it concerns once it is restricted.
        let open = CaseRouter.route(.complaint, concerns: [], entity: Fixtures.norway)
        #expect(
            CaseRouter.recipients([.owner, .management], routing: open, entity: Fixtures.norway).map(\.contact.email)
                == ["privacy@acme.example", "ceo@acme.example", "cfo@acme.example"])
    }

    @Test func aRestrictedStageThatNamesOnlyOutsidersTellsTheOwner() {
        let routing = CaseRouter.route(.whistleblowing, concerns: [.privacyOfficer], entity: Fixtures.norway)
        let told = CaseRouter.recipients([.privacyOfficer, .ceo], routing: routing, entity: Fixtures.norway)
        #expect(told == [Recipient(contact: Contact(name: "Hanne Varsel", email: "varsel@acme.example"), role: .owner)])
    }

    @Test func aReclassificationKeepsWhomTheReportConcernsExcludedWhateverTheConfigurationSaysNow() {
        let first = CaseRouter.route(.whistleblowing, concerns: [.ceo], entity: Fixtures.norway)
        var changed = Fixtures.norway
        changed.ceo = Contact(name: "New Ceo", email: "newceo@acme.example")
        let again = CaseRouter.route(.deviation, concerns: [], entity: changed, previous: first)
        #expect(again.excludes("ceo@acme.example") && again.excludes("newceo@acme.example"))
        // It stays with its handler rather than going to the (new) CEO, as a deviation would.
        #expect(again.owner.email == "varsel@acme.example")
        #expect(again.members.map(\.email) == ["varsel@acme.example", "privacy@acme.example"])
        #expect(again.restricted)
    }

    @Test func theExcludedPersonSeesNothingEvenAsAnAuditor() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.wrongdoing(concerning: "ceo"))
        let (ceo, _) = try await harness.officers.add(name: "Dagny Leder", email: "ceo@acme.example", role: .ceo)
        let (auditor, _) = try await harness.officers.add(name: "Dagny", email: "CEO2@acme.example", role: .auditor)
        let (handler, _) = try await harness.officers.add(
            name: "Hanne Varsel", email: "varsel@acme.example", role: .handler)
        harness.time.advance(by: 30 * 86_400)  // past the acknowledgement: overdue notices go out
        #expect(try await harness.sweeper.sweep() > 0)
        for officer in [ceo, auditor] {
            #expect(try await harness.desk.cases(CaseQuery(viewer: .system), for: officer).total == 0)
            await #expect(throws: NotFoundError.self) {
                try await harness.desk.caseFile(receipt.reference, for: officer)
            }
            let deadlines = try await harness.desk.deadlines(overdueOnly: false, limit: 100, offset: 0, for: officer)
            #expect(deadlines.deadlines.isEmpty)
            #expect(try await harness.desk.notices(delivery: nil, limit: 100, for: officer).isEmpty)
        }
        await #expect(throws: NotFoundError.self) {
            try await harness.desk.addNote(receipt.reference, text: "x", by: ceo)
        }
        // The handler sees it, with the reason, and cannot hand it to the CEO.
        let caseFile = try await harness.desk.caseFile(receipt.reference, for: handler)
        #expect(caseFile.summary.owner?.email == "varsel@acme.example")
        #expect(caseFile.routing?.reason.contains("concerns the CEO") == true)
        await #expect(throws: InputError.self) {
            try await harness.desk.assign(receipt.reference, to: "ceo@acme.example", by: handler)
        }
        #expect(try await harness.desk.notices(delivery: nil, limit: 100, for: handler).count >= 2)
    }

    @Test func anUnrelatedOfficerSeesOnlyTheirOwnCases() async throws {
        let harness = try await StoreHarness(.memory)
        let question = try await harness.intake().submit(Fixtures.question())
        let hse = try await harness.intake().submit(
            ReportSubmission(
                entityID: "acme-no",
                answers: AnswerSet([
                    "about": ["hse"], "hseKind": ["nearMiss"], "seriousInjury": ["no"],
                    "hseWhatHappened": ["Wet floor"],
                ]),
                contact: nil))
        let (privacy, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        let (ceo, _) = try await harness.officers.add(name: "Dagny Leder", email: "ceo@acme.example", role: .ceo)
        let (auditor, _) = try await harness.officers.add(name: "Aud", email: "audit@acme.example", role: .auditor)
        #expect(
            try await harness.desk.cases(CaseQuery(viewer: .system), for: privacy).cases.map(\.reference) == [
                question.reference
            ])
        #expect(
            try await harness.desk.cases(CaseQuery(viewer: .system), for: ceo).cases.map(\.reference) == [hse.reference]
        )
        #expect(try await harness.desk.cases(CaseQuery(viewer: .system), for: auditor).total == 2)
        await #expect(throws: NotFoundError.self) { try await harness.desk.caseFile(hse.reference, for: privacy) }
    }

    @Test func aWhistleblowingCaseStaysWithItsHandlersWhenReassignedOrReclassified() async throws {
        let harness = try await StoreHarness(.memory)
        let receipt = try await harness.intake().submit(Fixtures.wrongdoing(concerning: "noneOfThese"))
        let (varsel, _) = try await harness.officers.add(name: "Hanne", email: "varsel@acme.example", role: .handler)
        let (privacy, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        let (ceo, _) = try await harness.officers.add(name: "Dagny", email: "ceo@acme.example", role: .ceo)
        _ = try await harness.desk.assign(receipt.reference, to: "privacy@acme.example", by: varsel)
        // Both designated handlers still see it; the CEO cannot be made its owner.
        #expect(
            try await harness.desk.caseFile(receipt.reference, for: varsel).summary.owner?.email
                == "privacy@acme.example")
        await #expect(throws: InputError.self) {
            try await harness.desk.assign(receipt.reference, to: "ceo@acme.example", by: privacy)
        }
        let reclassified = try await harness.desk.classify(
            receipt.reference, as: .deviation, reason: "a broken process, no wrongdoing", by: privacy)
        #expect(reclassified.summary.owner?.email == "privacy@acme.example")
        await #expect(throws: NotFoundError.self) { try await harness.desk.caseFile(receipt.reference, for: ceo) }
        #expect(try await harness.desk.cases(CaseQuery(viewer: .system), for: ceo).total == 0)
    }
}
