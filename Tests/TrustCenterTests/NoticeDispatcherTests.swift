import Foundation
import Logging
import Synchronization
import Testing
import TrustCenter

/// A mailer that answers as scripted and remembers what it was asked to send.
final class ScriptedMailer: Mailer {
    private let state: Mutex<(answers: [Result<String, MailError>], sent: [MailMessage])>

    init(_ answers: [Result<String, MailError>]) { state = Mutex((answers, [])) }

    var sent: [MailMessage] { state.withLock { $0.sent } }

    func send(_ message: MailMessage) async throws(MailError) -> String {
        let answer = state.withLock { state -> Result<String, MailError> in
            state.sent.append(message)
            return state.answers.isEmpty ? .success("250 OK") : state.answers.removeFirst()
        }
        return try answer.get()
    }
}

@Suite struct NoticeDispatcherTests {
    func dispatcher(_ harness: StoreHarness, _ mailer: ScriptedMailer, attempts: Int = 3) throws -> NoticeDispatcher {
        NoticeDispatcher(
            ledger: harness.ledger, mailer: mailer,
            composer: NoticeMail(
                catalogue: try FormsFolder.definition().catalogue, from: MailAddress("trust@acme.example")),
            rules: harness.rules, time: harness.time, random: harness.random,
            policy: .init(maximumAttempts: attempts, firstDelay: 60, maximumDelay: 3600), logger: Logger(label: "test"))
    }

    @Test func eachNoticeIsWrittenInItsEntitysLanguageWithoutReportContent() async throws {
        let harness = try await StoreHarness(.memory)
        _ = try await harness.intake().submit(
            Fixtures.breach(contact: ReporterContact(name: "Ola Nordmann", email: "ola@example.no", phone: nil)))
        _ = try await harness.intake().submit(Fixtures.breach(entity: "acme-se"))
        let mailer = ScriptedMailer([])
        let round = try await dispatcher(harness, mailer).deliverDue()
        #expect(round.sent == 4)
        let subjects = Set(mailer.sent.map(\.subject))
        #expect(
            subjects == [
                "TC-2026-00001: ny sak (brudd på personopplysningssikkerheten)",
                "TC-2026-00002: nytt ärende (personuppgiftsincident)",
            ])
        for message in mailer.sent {
            let text = message.subject + message.body
            for secret in ["Ola", "ola@example.no", "Payroll", "Payslips", "wrong employees"] {
                #expect(!text.contains(secret), "\(secret)")
            }
        }
        let norwegian = try #require(mailer.sent.first { $0.to.address == "privacy@acme.example" })
        #expect(
            norwegian.body.contains("Frist: melde fra til Datatilsynet innen 2026-03-13 10:41 +01:00 (2 d 23 t igjen).")
        )
        #expect(norwegian.body.contains("trustctl show TC-2026-00001"))
        #expect(try await harness.ledger.nextDeliveryTime() == nil)
    }

    @Test func aDeferredRecipientIsRetriedLaterUntilTheLastAttemptFails() async throws {
        let harness = try await StoreHarness(.memory)
        _ = try await harness.intake().submit(Fixtures.question())
        let later = Result<String, MailError>.failure(.refused(reply: "452 4.2.2 mailbox full", permanent: false))
        let mailer = ScriptedMailer([later, later, later])
        let sender = try dispatcher(harness, mailer)
        #expect(try await sender.deliverDue().retried == 1)
        // The next attempt waits 30–60 seconds (60 s, jittered), then 60–120.
        harness.time.advance(by: 29)
        #expect(try await sender.deliverDue() == .init())
        harness.time.advance(by: 31)
        #expect(try await sender.deliverDue().retried == 1)
        harness.time.advance(by: 120)
        #expect(try await sender.deliverDue().failed == 1)
        let failed = try await harness.ledger.notices(
            matching: NoticeQuery(recipientEmail: "privacy@acme.example", delivery: .failed))
        #expect(failed.first?.attempts == 3 && failed.first?.lastReply == "452 4.2.2 mailbox full")
        #expect(mailer.sent.count == 3)
        // Every attempt carried the same Message-ID: a duplicate is recognisable.
        #expect(Set(mailer.sent.map(\.messageID)).count == 1)
    }

    @Test func anUnavailableRelayFailsNoNoticeAndHoldsThemAllBack() async throws {
        let harness = try await StoreHarness(.memory)
        _ = try await harness.intake().submit(Fixtures.breach())
        let down = Result<String, MailError>.failure(.relayUnavailable(reply: "535 5.7.8 authentication failed"))
        let mailer = ScriptedMailer(Array(repeating: down, count: 20))
        let sender = try dispatcher(harness, mailer)
        // One try per round, however many notices wait; none is ever failed for it.
        for failures in 0..<12 {
            let round = try await sender.deliverDue(relayFailures: failures)
            #expect(round.relayUnavailableUntil != nil && round.failed == 0)
            harness.time.advance(by: 3600)
        }
        #expect(mailer.sent.count == 12)
        let waiting = try await harness.ledger.notices(
            matching: NoticeQuery(recipientEmail: "privacy@acme.example", delivery: .pending))
        #expect(waiting.first?.lastReply == "relay unavailable: 535 5.7.8 authentication failed")
        // Twelve rounds with the relay down counted against no notice: a later refusal still
        // gets every attempt.
        #expect(waiting.first?.attempts == 0)
        // The relay works again: everything goes out.
        harness.time.advance(by: 3600)
        let round = try await dispatcher(harness, ScriptedMailer([])).deliverDue()
        #expect(round.sent == 2)
    }

    @Test func aRefusalFailsAtOnceAndTheOthersAreSent() async throws {
        let harness = try await StoreHarness(.memory)
        _ = try await harness.intake().submit(Fixtures.breach())
        let mailer = ScriptedMailer([.failure(.refused(reply: "550 5.1.1 unknown user", permanent: true))])
        let round = try await dispatcher(harness, mailer).deliverDue()
        #expect(round.failed == 1 && round.sent == 1)
    }
}
