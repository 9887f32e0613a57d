import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

@Suite struct WizardRoutesTests {
    /// Walks the question path, anonymous, to the review page in `language`.
    func reviewQuestion(
        _ client: any TestClientProtocol, language: String = "en", text: String = "How long do you keep CVs?"
    )
        async throws -> FormPage
    {
        let path = "/\(language)/report"
        let first = try await client.page("/\(language)/")
        let question = try await client.submit(first, to: path, [("a.about", "question"), ("action", "next")])
        let identity = try await client.submit(question, to: path, [("a.question", text), ("action", "next")])
        return try await client.submit(identity, to: path, [("identity", "anonymous"), ("action", "next")])
    }

    /// Walks the question path to the receipt in `language`.
    func fileQuestion(
        _ client: any TestClientProtocol, language: String = "en", text: String = "How long do you keep CVs?"
    )
        async throws -> FormPage
    {
        let review = try await reviewQuestion(client, language: language, text: text)
        return try await client.submit(review, to: "/\(language)/report", [("action", "send")])
    }

    @Test func aQuestionGoesFromTheFirstStepToTheReceipt() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let receipt = try await fileQuestion(client)
            #expect(receipt.status == .ok)
            #expect(receipt.title == "Your report has been received")
            #expect(receipt.element("case-reference") == "TC-2026-00001")
            let key = try #require(receipt.element("follow-up-key"))
            #expect(try FollowUpKey(parsing: key).digits.count == 25)
            #expect(receipt.html.contains("href=\"/en/follow-up\""))
            // The key is on the page only, in no URL.
            #expect(!receipt.html.contains("key="))
        }
        let caseFile = try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system)
        #expect(caseFile.summary.category == .question)
        #expect(caseFile.reporter == .anonymous)
    }

    @Test func theBreachPathAsksTheMappingFormsQuestions() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/en/")
            let incident = try await client.submit(
                first, to: "/en/report", [("a.about", "security"), ("action", "next")])
            #expect(incident.title == "What happened")
            let data = try await client.submit(
                incident, to: "/en/report",
                [
                    ("a.system", "Payroll"), ("a.whatHappened", "Payslips to the wrong people"),
                    ("a.discoveredAt", "2026-03-10 08:15"), ("a.ongoing", "no"), ("action", "next"),
                ])
            #expect(data.title == "Personal data")
            let details = try await client.submit(
                data, to: "/en/report", [("a.personalData", "yes"), ("action", "next")])
            #expect(details.html.contains("Which kinds of personal data?"))
            let measures = try await client.submit(
                details, to: "/en/report",
                [
                    ("a.dataKinds", "financial"), ("a.dataKinds", "contact"), ("a.peopleCount", "40"),
                    ("a.leftOrganisation", "no"), ("action", "next"),
                ])
            #expect(measures.title == "What has been done")
            let identity = try await client.submit(measures, to: "/en/report", [("action", "next")])
            #expect(identity.title == "About you")
            let review = try await client.submit(
                identity, to: "/en/report", [("identity", "anonymous"), ("action", "next")])
            #expect(review.html.contains("Names and contact details<br>Bank, card, salary or other financial data"))
            let receipt = try await client.submit(review, to: "/en/report", [("action", "send")])
            #expect(receipt.element("case-reference") == "TC-2026-00001")
        }
        let caseFile = try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system)
        #expect(caseFile.summary.category == .breach)
        #expect(caseFile.report.answer(to: "discoveredAt") == "2026-03-10T08:15")
    }

    @Test func aMissingAnswerComesBackInTheReportersLanguageWithTheAnswersKept() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/sv/")
            let incident = try await client.submit(
                first, to: "/sv/report", [("a.about", "security"), ("action", "next")])
            let again = try await client.submit(
                incident, to: "/sv/report", [("a.system", "Lönesystemet"), ("action", "next")])
            #expect(again.status == .badRequest)
            #expect(again.title == "Vad hände")
            #expect(again.html.contains("class=\"error-summary\""))
            #expect(again.html.contains("href=\"#field-whatHappened\""))
            #expect(again.html.contains("Besvara den här frågan."))
            #expect(again.html.contains("value=\"Lönesystemet\""))
        }
    }

    @Test func aTimeInTheFutureIsRefusedOnItsStep() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/nb/")
            let incident = try await client.submit(
                first, to: "/nb/report", [("a.about", "security"), ("action", "next")])
            // The harness's time is 10:41 in Oslo on 10 March 2026.
            let again = try await client.submit(
                incident, to: "/nb/report",
                [
                    ("a.system", "Lønn"), ("a.whatHappened", "Feil mottaker"), ("a.discoveredAt", "2026-03-10 11:30"),
                    ("a.ongoing", "no"), ("action", "next"),
                ])
            #expect(again.status == .badRequest)
            #expect(again.html.contains("href=\"#field-discoveredAt\""))
            #expect(again.html.contains("Det tidspunktet er frem i tid"))
        }
    }

    @Test func aTooLongTextAndAnUnknownOptionAreRefused() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/da/")
            let unknown = try await client.submit(first, to: "/da/report", [("a.about", "gossip"), ("action", "next")])
            #expect(unknown.status == .badRequest)
            #expect(unknown.html.contains("Vælg en af mulighederne."))
            let question = try await client.submit(
                unknown, to: "/da/report", [("a.about", "question"), ("action", "next")])
            let tooLong = try await client.submit(
                question, to: "/da/report", [("a.question", String(repeating: "x", count: 20_001)), ("action", "next")])
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.html.contains("Brug højst 20000 tegn."))
        }
    }

    @Test func aForgedOrExpiredTokenIsRefusedAndTheAnswersKept() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/en/")
            let forged = try await client.submit(
                first, to: "/en/report", [("token", "1.2.3.4"), ("a.about", "question"), ("action", "next")])
            #expect(forged.status == .badRequest)
            #expect(forged.html.contains("This page has expired or was already sent."))
            #expect(forged.html.contains("value=\"question\" checked"))
            let old = harness.runtime.pageTokens.issue(
                purpose: "report:about", at: FixedTime().now().addingTimeInterval(-3 * 3600))
            let expired = try await client.submit(
                first, to: "/en/report", [("token", old), ("a.about", "question"), ("action", "next")])
            #expect(expired.status == .badRequest)
            // A token for another step does not pass either.
            let other = harness.runtime.pageTokens.issue(purpose: "report:review", at: FixedTime().now())
            let wrongStep = try await client.submit(
                first, to: "/en/report", [("token", other), ("a.about", "question"), ("action", "next")])
            #expect(wrongStep.status == .badRequest)
        }
    }

    @Test func aReportIsFiledOnceHoweverOftenItIsSent() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let review = try await reviewQuestion(client, text: "Once?")
            let sent = try await client.submit(review, to: "/en/report", [("action", "send")])
            #expect(sent.status == .ok)
            // A double click, or the page sent again: the same receipt, never a second case.
            let again = try await client.submit(review, to: "/en/report", [("action", "send")])
            #expect(again.status == .ok)
            #expect(again.element("case-reference") == sent.element("case-reference"))
            #expect(again.element("follow-up-key") == sent.element("follow-up-key"))
            // Nor can the sent review page be turned back into a page that sends a second report.
            let back = try await client.submit(review, to: "/en/report", [("action", "back")])
            #expect(back.element("case-reference") == sent.element("case-reference"))
            #expect(back.hidden("token") == nil)
        }
        #expect(try await harness.caseCount() == 1)
    }

    @Test func backAndTheLanguageSwitchKeepTheAnswers() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/en/")
            let question = try await client.submit(
                first, to: "/en/report", [("a.about", "question"), ("action", "next")])
            let swedish = try await client.submit(
                question, to: "/sv/report", [("a.question", "Keep me"), ("action", "stay")])
            #expect(swedish.title == "Din fråga")
            #expect(swedish.html.contains(">Keep me</textarea>"))
            // A browser sends the text area's content with every button.
            let back = try await client.submit(
                swedish, to: "/sv/report", [("a.question", "Keep me"), ("action", "back")])
            #expect(back.title == "Vad gäller rapporten?")
            #expect(back.html.contains("value=\"question\" checked"))
            #expect(back.hidden("a.question") == "Keep me")
        }
    }

    @Test func choosingAnonymousDropsWhatWasTypedAboutTheReporter() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/en/")
            let question = try await client.submit(
                first, to: "/en/report", [("a.about", "question"), ("action", "next")])
            let identity = try await client.submit(
                question, to: "/en/report", [("a.question", "Anonymous?"), ("action", "next")])
            let review = try await client.submit(
                identity, to: "/en/report",
                [("identity", "anonymous"), ("name", "Ola Nordmann"), ("email", "ola@example.no"), ("action", "next")])
            #expect(!review.html.contains("Ola Nordmann"))
            #expect(review.hidden("name") == nil)
            _ = try await client.submit(review, to: "/en/report", [("action", "send")])
        }
        #expect(
            try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system).reporter
                == .anonymous)
    }

    @Test func theRightsPathRequiresANameAndSaysWhy() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/nb/")
            let rights = try await client.submit(first, to: "/nb/report", [("a.about", "rights"), ("action", "next")])
            let identity = try await client.submit(
                rights, to: "/nb/report", [("a.right", "erasure"), ("a.relation", "customer"), ("action", "next")])
            #expect(identity.html.contains("kan ikke være anonym"))
            #expect(!identity.html.contains("name=\"identity\""))
            let missing = try await client.submit(identity, to: "/nb/report", [("action", "next")])
            #expect(missing.status == .badRequest)
            #expect(missing.html.contains("Skriv inn navnet ditt."))
            let review = try await client.submit(
                missing, to: "/nb/report",
                [("name", "Kari Nordmann"), ("email", "kari@example.no"), ("action", "next")])
            let receipt = try await client.submit(review, to: "/nb/report", [("action", "send")])
            #expect(receipt.title == "Meldingen din er mottatt")
        }
        let caseFile = try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system)
        #expect(caseFile.summary.category == .rightsRequest)
        #expect(caseFile.reporter == .named(ReporterContact(name: "Kari Nordmann", email: "kari@example.no")))
    }

    @Test func withSeveralCompaniesTheFirstStepAsksWhich() async throws {
        let second = Entity(
            id: "demo-se", name: "Demo Sverige AB", country: .sweden, timeZone: "Europe/Stockholm",
            ceo: Contact(name: "Vd", email: "vd@demo.example"),
            privacyOfficer: Contact(name: "Dpo", email: "dpo@demo.example"),
            whistleblowingHandlers: [Contact(name: "Handler", email: "handler@demo.example")],
            alternate: Contact(name: "Chair", email: "ordf@demo.example"),
            management: [Contact(name: "Vd", email: "vd@demo.example")])
        let harness = try await AppHarness(entities: [Configuration.demoEntity, second])
        try await harness.test { client in
            let first = try await client.page("/en/")
            #expect(first.html.contains("<select name=\"entity\""))
            let missing = try await client.submit(
                first, to: "/en/report", [("a.about", "question"), ("action", "next")])
            #expect(missing.status == .badRequest)
            #expect(missing.html.contains("href=\"#field-entity\""))
            let question = try await client.submit(
                missing, to: "/en/report", [("a.about", "question"), ("entity", "demo-se"), ("action", "next")])
            let identity = try await client.submit(
                question, to: "/en/report", [("a.question", "Hej?"), ("action", "next")])
            let review = try await client.submit(
                identity, to: "/en/report", [("identity", "anonymous"), ("action", "next")])
            #expect(review.html.contains("Demo Sverige AB"))
            _ = try await client.submit(review, to: "/en/report", [("action", "send")])
        }
        #expect(
            try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system).summary
                .entityID == "demo-se"
        )
    }

    @Test func rawCharactersInAFormBodyNeverCrashTheServer() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let first = try await client.page("/en/")
            let token = try #require(first.hidden("token"))
            for raw in [
                "token=\(token)&step=about&action=next&a.about=question&x=a b \"<[#|]>\"",
                "token=\(token)&step=about&action=next&a.about=question&note=blåbærsyltetøy",
                "&&=&a.=&%zz=1", "token=%E0%A4%A",
            ] {
                let response = try await client.execute(
                    uri: "/en/report", method: .post, headers: .form, body: ByteBuffer(string: raw))
                #expect([.ok, .badRequest].contains(response.status), "\(raw)")
            }
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func aBodyTooLargeForTheFormIsSaidInTheReportersLanguage() async throws {
        let harness = try await AppHarness(maxBodyBytes: 1024)
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/sv/report", method: .post, headers: .form,
                body: ByteBuffer(string: "a.question=" + String(repeating: "x", count: 4000)))
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Rapporten är för lång för att skickas."))
        }
    }
}
