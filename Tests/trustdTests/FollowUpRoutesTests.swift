import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

@Suite struct FollowUpRoutesTests {
    func open(_ client: any TestClientProtocol, key: String, language: String = "en") async throws -> FormPage {
        let page = try await client.page("/\(language)/follow-up")
        return try await client.submit(page, to: "/\(language)/follow-up", [("key", key)])
    }

    @Test func theKeyOpensTheDialogueAndTheReporterCanReply() async throws {
        let harness = try await AppHarness()
        let receipt = try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil, answers: AnswerSet(["about": ["question"], "question": ["Why?"]]), contact: nil))
        let officer = try await harness.runtime.officers.add(
            name: "Kari", email: "privacy@demo.example", role: .privacyOfficer
        ).0
        _ = try await harness.runtime.desk.addNote(receipt.reference, text: "Internal only", by: officer)
        _ = try await harness.runtime.desk.reply(receipt.reference, text: "Because <the law> says so.", by: officer)
        try await harness.test { client in
            let dialogue = try await open(client, key: receipt.followUpKey, language: "da")
            #expect(dialogue.status == .ok)
            #expect(dialogue.element("case-reference") == receipt.reference.description)
            #expect(dialogue.element("case-status") == "Modtaget: vi har din indberetning og ser på den snart.")
            #expect(dialogue.html.contains("Because &lt;the law&gt; says so."))
            #expect(!dialogue.html.contains("Internal only") && !dialogue.html.contains("Kari"))
            #expect(dialogue.hidden("key") == nil)
            let replied = try await client.submit(dialogue, to: "/da/follow-up/reply", [("reply", "Tak for svaret.")])
            #expect(replied.html.contains("Din besked er sendt."))
            #expect(replied.html.contains("Tak for svaret."))
            // The page's session token is spent: sent again, it opens nothing and keeps the text.
            let twice = try await client.submit(dialogue, to: "/da/follow-up/reply", [("reply", "Tak igen.")])
            #expect(twice.status == .conflict)
            #expect(twice.element("case-reference") == nil && twice.hidden("session") == nil)
            #expect(!twice.html.contains("Because &lt;the law&gt;") && !twice.html.contains("Tak for svaret."))
            #expect(twice.html.contains("Denne side er allerede brugt."))
            #expect(twice.hidden("draft") == "Tak igen.")
        }
        let messages = try await harness.runtime.ledger.caseFile(receipt.reference, for: .system).messages
        #expect(messages.map(\.text) == ["Because <the law> says so.", "Tak for svaret."])
    }

    @Test func endingTheSessionSpendsItsToken() async throws {
        let harness = try await AppHarness()
        let receipt = try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil, answers: AnswerSet(["about": ["question"], "question": ["Why?"]]), contact: nil))
        try await harness.test { client in
            let dialogue = try await open(client, key: receipt.followUpKey, language: "nb")
            #expect(dialogue.html.contains("id=\"end-session\">Avslutt økten</button>"))
            let ended = try await client.submit(dialogue, to: "/nb/follow-up/end", [])
            #expect(ended.status == .ok)
            #expect(ended.html.contains("Økten er avsluttet.") && ended.element("case-reference") == nil)
            let replay = try await client.submit(dialogue, to: "/nb/follow-up/reply", [("reply", "Hei")])
            #expect(replay.status == .conflict && replay.element("case-reference") == nil)
            #expect(replay.hidden("draft") == "Hei")
        }
        #expect(try await harness.runtime.ledger.caseFile(receipt.reference, for: .system).messages.isEmpty)
    }

    /// Spent tokens are remembered in memory: a session token from before a restart opens nothing.
    @Test func aSessionFromBeforeTheStartOpensNothing() async throws {
        let harness = try await AppHarness()
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let earlier = harness.runtime.pageTokens.issue(
                purpose: "follow-up:session", subject: reference.description,
                at: FixedTime().now().addingTimeInterval(-60))
            let page = try await client.page("/en/follow-up")
            let replay = try await client.submit(
                page, to: "/en/follow-up/reply", [("session", earlier), ("reply", "Hello again")])
            #expect(replay.status == .conflict && replay.element("case-reference") == nil)
            #expect(replay.hidden("draft") == "Hello again")
        }
        #expect(try await harness.runtime.ledger.caseFile(reference, for: .system).messages.isEmpty)
    }

    @Test func everyWrongKeyGetsTheSameAnswerAndGuessingIsSlowedWithoutLockingOutTheRightKey() async throws {
        let harness = try await AppHarness()
        let receipt = try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil, answers: AnswerSet(["about": ["question"], "question": ["Why?"]]), contact: nil))
        try await harness.test { client in
            var answers: Set<String> = []
            for key in ["00000-00000-00000-00000-00000", "not a key", "", "12345", "11111-11111-11111-11111-11111"] {
                let page = try await open(client, key: key)
                #expect(page.status == .ok)
                answers.insert(
                    page.html.components(separatedBy: "role=\"alert\"><p>").last?.prefix(60).description ?? "")
            }
            #expect(answers.count == 1)
            // Past the limit (the router test client has no address, so it counts as "unknown"),
            // answers come only after a pause, but the right key still opens.
            #expect(await !harness.runtime.limiter.isWithinLimit("unknown"))
            let opened = try await open(client, key: receipt.followUpKey)
            #expect(opened.element("case-reference") == receipt.reference.description)
        }
    }

    @Test func theKeyPageUsesItsTokenOnce() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let page = try await client.page("/en/follow-up")
            _ = try await client.submit(page, to: "/en/follow-up", [("key", "1")])
            let again = try await client.submit(page, to: "/en/follow-up", [("key", "2")])
            #expect(again.status == .badRequest)
        }
    }

    @Test func aReplyTypedWhileTheSessionExpiredComesBackAfterTheKey() async throws {
        let harness = try await AppHarness()
        let receipt = try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil, answers: AnswerSet(["about": ["question"], "question": ["Why?"]]), contact: nil))
        try await harness.test { client in
            let old = harness.runtime.pageTokens.issue(
                purpose: "follow-up:session", subject: receipt.reference.description,
                at: FixedTime().now().addingTimeInterval(-3600))
            let page = try await client.page("/en/follow-up")
            let expired = try await client.submit(
                page, to: "/en/follow-up/reply", [("session", old), ("reply", "A long answer")])
            #expect(expired.hidden("draft") == "A long answer")
            let dialogue = try await client.submit(expired, to: "/en/follow-up", [("key", receipt.followUpKey)])
            #expect(dialogue.html.contains(">A long answer</textarea>"))
        }
    }

    @Test func anExpiredOrForgedSessionAsksForTheKeyAgain() async throws {
        let harness = try await AppHarness()
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let old = harness.runtime.pageTokens.issue(
                purpose: "follow-up:session", subject: reference.description,
                at: FixedTime().now().addingTimeInterval(-3600))
            let page = try await client.page("/en/follow-up")
            for session in [
                old, "forged",
                harness.runtime.pageTokens.issue(
                    purpose: "report:about", subject: reference.description, at: FixedTime().now()),
            ] {
                let response = try await client.submit(
                    page, to: "/en/follow-up/reply", [("session", session), ("reply", "hello")])
                #expect(response.status == .badRequest)
                #expect(response.html.contains("Enter your key again."))
            }
        }
        #expect(try await harness.runtime.ledger.caseFile(reference, for: .system).messages.isEmpty)
    }
}
