import Foundation
import Testing
import TrustCenter

/// The guided form and the follow-up in a real browser: headless Chromium with JavaScript off,
/// against the built trustd, with the officer's side done with the built trustctl.
@Suite(.serialized) struct BrowserTests {
    /// The catalogue the pages speak from.
    let catalogue = try? FormDefinition.load(from: Binaries.formsDirectory).catalogue

    func text(_ key: String, _ language: Language) -> String { catalogue?.text(key, language) ?? key }

    @Test func theBreachAndRightsPathsInTwoLanguagesReachTheOfficerAndTheDialogueWorks() async throws {
        let fixture = try TrustdFixture()
        defer { fixture.remove() }
        let server = try TrustdProcess(config: fixture.config)
        let browser = try await Browser()
        do {
            let breach = try await reportBreach(browser, server: server, language: .nb)
            _ = try await reportBreach(browser, server: server, language: .sv)
            let rights = try await requestAccess(browser, server: server, language: .sv)
            _ = try await requestAccess(browser, server: server, language: .nb)

            // The officer sees all four, classified from the form's answers.
            let token = try fixture.addOfficer()
            let listed = try fixture.trustctl(["cases", "--json"], server: server, token: token)
            let page = try JSONCoding.decoder.decode(CasePage.self, from: Data(listed.stdout.utf8))
            #expect(
                page.cases.map(\.category).sorted { $0.rawValue < $1.rawValue } == [
                    .breach, .breach, .rightsRequest, .rightsRequest,
                ])
            let shown = try fixture.trustctl(["show", rights.reference, "--json"], server: server, token: token)
            let rightsCase = try JSONCoding.decoder.decode(CaseFile.self, from: Data(shown.stdout.utf8))
            #expect(rightsCase.reporter == .named(ReporterContact(name: "Sara Svensson", email: "sara@example.se")))

            // The officer asks; the anonymous reporter reads it with the key and answers.
            let question = "Takk for meldingen. Hvilken dag ble det oppdaget?"
            let replied = try fixture.trustctl(["reply", breach.reference, question], server: server, token: token)
            #expect(replied.status == 0, "\(replied.stderr)")
            try await browser.open(server.baseURL + "/nb/follow-up")
            try await browser.type(breach.key, into: "#field-key")
            try await browser.submit("button[type=submit]")
            #expect(try await browser.text("#case-reference") == breach.reference)
            #expect(try await browser.text("#case-status") == text("status.received", .nb))
            #expect(try await browser.source().contains(question))
            try await browser.type("Det ble oppdaget fredag morgen.", into: "#field-reply")
            try await browser.submit("button[type=submit]")
            #expect(try await browser.source().contains(text("ui.followUp.replySent", .nb)))
            let messages = try fixture.trustctl(["messages", breach.reference, "--json"], server: server, token: token)
            let dialogue = try JSONCoding.decoder.decode([CaseMessage].self, from: Data(messages.stdout.utf8))
            #expect(dialogue.map(\.text) == [question, "Det ble oppdaget fredag morgen."])
            #expect(dialogue.map(\.direction) == [.toReporter, .fromReporter])
        } catch {
            await browser.close()
            throw error
        }
        await browser.close()
        #expect(try server.stop() == 0)
    }

    @Test func theFirstStepAndTheReceiptAsScreenshots() async throws {
        let fixture = try TrustdFixture()
        defer { fixture.remove() }
        let server = try TrustdProcess(config: fixture.config)
        let browser = try await Browser()
        do {
            try await browser.open(server.baseURL + "/en/")
            let firstStep = try await browser.screenshot()
            try await browser.click("#field-about-question")
            try await browser.submit("button[value=next]")
            try await browser.type("How long do you keep job applications?", into: "#field-question")
            try await browser.submit("button[value=next]")
            try await browser.submit("button[value=next]")  // anonymous is the default
            try await browser.submit("button[value=send]")
            #expect(try await browser.title().hasPrefix("Your report has been received"))
            let receipt = try await browser.screenshot()
            for image in [firstStep, receipt] {
                #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))  // PNG
            }
            // TRUSTCENTER_SCREENSHOTS=docs/screenshots refreshes the pictures in the docs.
            if let folder = ProcessInfo.processInfo.environment["TRUSTCENTER_SCREENSHOTS"] {
                try firstStep.write(to: URL(fileURLWithPath: folder + "/form-first-step.png"))
                try receipt.write(to: URL(fileURLWithPath: folder + "/receipt.png"))
            }
        } catch {
            await browser.close()
            throw error
        }
        await browser.close()
        #expect(try server.stop() == 0)
    }

    struct Filed {
        var reference: String
        var key: String
    }

    /// The breach path of seed 004's mapping form, anonymous.
    func reportBreach(_ browser: Browser, server: TrustdProcess, language: Language) async throws -> Filed {
        try await browser.open(server.baseURL + "/\(language.rawValue)/")
        #expect(try await browser.title().hasPrefix(text("page.about.title", language)))
        try await browser.click("#field-about-security")
        try await browser.submit("button[value=next]")
        try await browser.type("Lønnssystemet", into: "#field-system")
        try await browser.type("Lønnsslipper ble sendt til feil ansatte.", into: "#field-whatHappened")
        try await browser.type("2026-11-20 09:15", into: "#field-discoveredAt")
        try await browser.click("#field-ongoing-no")
        try await browser.submit("button[value=next]")
        try await browser.click("#field-personalData-yes")
        try await browser.submit("button[value=next]")
        try await browser.click("#field-dataKinds-contact")
        try await browser.click("#field-dataKinds-financial")
        try await browser.type("12", into: "#field-peopleCount")
        try await browser.click("#field-leftOrganisation-no")
        try await browser.submit("button[value=next]")
        try await browser.submit("button[value=next]")  // what has been done: optional
        #expect(try await browser.title().hasPrefix(text("ui.identity.title", language)))
        try await browser.submit("button[value=next]")  // anonymous is the default
        let review = try await browser.source()
        #expect(review.contains(text("question.dataKinds.option.contact", language)))
        #expect(review.contains(text("ui.review.anonymous", language)))
        try await browser.submit("button[value=send]")
        #expect(try await browser.title().hasPrefix(text("ui.receipt.title", language)))
        return Filed(
            reference: try await browser.text("#case-reference"), key: try await browser.text("#follow-up-key"))
    }

    /// A request for access, which must be named.
    func requestAccess(_ browser: Browser, server: TrustdProcess, language: Language) async throws -> Filed {
        try await browser.open(server.baseURL + "/\(language.rawValue)/")
        try await browser.click("#field-about-rights")
        try await browser.submit("button[value=next]")
        try await browser.click("#field-right-access")
        try await browser.click("#field-relation-customer")
        try await browser.submit("button[value=next]")
        #expect(try await browser.source().contains(text("ui.identity.rightsInfo", language)))
        try await browser.submit("button[value=next]")  // nothing given: refused, and said why
        #expect(try await browser.text("#error-summary h2") == text("ui.errorSummary", language))
        try await browser.type("Sara Svensson", into: "#field-name")
        try await browser.type("sara@example.se", into: "#field-email")
        try await browser.submit("button[value=next]")
        try await browser.submit("button[value=send]")
        #expect(try await browser.title().hasPrefix(text("ui.receipt.title", language)))
        return Filed(
            reference: try await browser.text("#case-reference"), key: try await browser.text("#follow-up-key"))
    }
}
