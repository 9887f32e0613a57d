import Foundation
import Testing
import TrustCenter

/// The outbox delivered by a real trustd to a real SMTP server on loopback.
@Suite(.serialized) struct MailDeliveryTests {
    let fixture: TrustdFixture

    init() throws { fixture = try TrustdFixture() }

    /// Writes a configuration with the demo entity (its CEO's address optionally refused by the
    /// relay) and the relay at `port`, retrying after a second.
    func configure(relayPort: Int, ceo: String = "ceo@demo.example", timeout: Int = 10) throws {
        try """
        { listen: { host: "127.0.0.1", port: 0 }, database: { path: "data/tc.db" }, keyFile: "data/tc.key",
          forms: { directory: "\(Binaries.formsDirectory)" },
          mail: { relay: "smtp://127.0.0.1:\(relayPort)", security: "none", from: "trust@demo.example",
                  fromName: "Demo Trust Center", retrySeconds: 1, maxAttempts: 50, timeoutSeconds: \(timeout),
                  connectTimeoutSeconds: 2 },
          entities: [{ id: "demo", name: "Demo Group AS", country: "NO", timeZone: "Europe/Oslo",
            ceo: { name: "Dagny Leder", email: "\(ceo)" },
            privacyOfficer: { name: "Per Vern", email: "privacy@demo.example" },
            whistleblowingHandlers: [{ name: "Hanne Varsel", email: "varsling@demo.example" }],
            alternate: { name: "Styre Leder", email: "chair@demo.example" },
            management: [{ name: "Dagny Leder", email: "\(ceo)" }] }] }
        """.write(toFile: fixture.config, atomically: true, encoding: .utf8)
    }

    /// A named breach report: its reporter's identity and answers must never reach an email.
    func fileBreach(_ server: TrustdProcess) async throws -> CaseReference {
        let filed = try await post(
            server.baseURL + "/reports", contentType: "application/json",
            body:
                #"{"answers":{"about":"security","system":"Lønnssystemet","whatHappened":"Lønnsslipper sendt til feil ansatte","#
                + #""discoveredAt":"2026-11-20 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"no"},"#
                + #""reporter":{"name":"Ola Nordmann","email":"ola@example.no","phone":"+47 912 34 567"}}"#)
        #expect(filed.status == 201, "\(filed.body)")
        return try JSONCoding.decoder.decode(Receipt.self, from: Data(filed.body.utf8)).reference
    }

    @Test func aBreachReportsReceiptNoticeReachesThePrivacyOfficerAndTheCEOWithoutReportContent() async throws {
        defer { fixture.remove() }
        let relay = try SMTPRelay()
        defer { relay.stop() }
        try configure(relayPort: relay.port)
        let server = try TrustdProcess(config: fixture.config)
        let reference = try await fileBreach(server)
        let received = relay.waitForMessages(2)
        #expect(Set(received.flatMap(\.recipients)) == ["privacy@demo.example", "ceo@demo.example"])
        for (_, raw) in received {
            let mail = ParsedMail(raw)
            #expect(mail.header("Subject") == "\(reference): ny sak (brudd på personopplysningssikkerheten)")
            #expect(mail.body.contains("trustctl show \(reference)"))
            #expect(mail.body.contains("Frist: melde fra til Datatilsynet innen"))
            for secret in [
                "Ola", "Nordmann", "ola@example.no", "912 34 567", "Lønnssystemet", "Lønnsslipper", "feil ansatte",
            ] {
                #expect(!raw.contains(secret) && !mail.body.contains(secret), "\(secret)")
            }
            #expect(mail.header("Message-ID")?.hasPrefix("<notice-") == true)
        }
        let token = try fixture.addOfficer()
        let sent = try fixture.trustctl(["notices", "--json"], server: server, token: token)
        let notices = try JSONCoding.decoder.decode([Notice].self, from: Data(sent.stdout.utf8))
        #expect(notices.map(\.delivery) == [.sent] && notices.first?.lastReply?.hasPrefix("250") == true)
        #expect(try server.stop() == 0)
        #expect(!server.logText.contains("ola@example.no") && !server.logText.contains("privacy@demo.example"))
    }

    @Test func noticesWaitWhileTheRelayIsDownAndSurviveAKill() async throws {
        defer { fixture.remove() }
        let port = try SMTPRelay.freePort()
        try configure(relayPort: port)
        var server = try TrustdProcess(config: fixture.config)
        let reference = try await fileBreach(server)
        let token = try fixture.addOfficer()
        var pending: [Notice] = []
        for _ in 0..<100 {
            let listed = try fixture.trustctl(["notices", "--pending", "--json"], server: server, token: token)
            pending = try JSONCoding.decoder.decode([Notice].self, from: Data(listed.stdout.utf8))
            if pending.first.map({ $0.attempts > 0 }) == true { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(pending.first?.reference == reference && pending.first?.lastReply?.contains("onnect") == true)
        // Killed while the notices are pending: nothing is lost.
        kill(server.processIdentifier, SIGKILL)
        _ = server
        let relay = try SMTPRelay(port: port)
        defer { relay.stop() }
        server = try TrustdProcess(config: fixture.config)
        let received = relay.waitForMessages(2)
        #expect(Set(received.flatMap(\.recipients)) == ["privacy@demo.example", "ceo@demo.example"])
        #expect(try server.stop() == 0)
    }

    @Test func aRefusedRecipientFailsWithTheRelaysReplyAndTheOthersAreDelivered() async throws {
        defer { fixture.remove() }
        let relay = try SMTPRelay(rejecting: "reject")
        defer { relay.stop() }
        try configure(relayPort: relay.port, ceo: "reject-ceo@demo.example")
        let server = try TrustdProcess(config: fixture.config)
        _ = try await fileBreach(server)
        let received = relay.waitForMessages(1)
        #expect(received.flatMap(\.recipients) == ["privacy@demo.example"])
        let token = try fixture.addOfficer()
        var failed: [Notice] = []
        for _ in 0..<100 where failed.isEmpty {
            let listed = try fixture.trustctl(["notices", "--failed", "--json"], server: server, token: token)
            failed = try JSONCoding.decoder.decode([Notice].self, from: Data(listed.stdout.utf8))
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(failed.count == 1 && failed.first?.recipient.role == .ceo)
        #expect(failed.first?.lastReply?.contains("550") == true)
        let table = try fixture.trustctl(["notices", "--failed"], server: server, token: token)
        #expect(table.stdout.contains("failed"))
        let retried = try fixture.trustctl(["notices", "retry", String(failed[0].id)], server: server, token: token)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try server.stop() == 0)
        #expect(server.logText.contains("notice failed") && !server.logText.contains("reject-ceo@demo.example"))
    }

    @Test func theFormKeepsAnsweringWhileTheRelayNeverAnswers() async throws {
        defer { fixture.remove() }
        let relay = try SMTPRelay(hang: true)
        defer { relay.stop() }
        try configure(relayPort: relay.port, timeout: 2)
        // One cooperative thread: were libcurl's blocking call on the pool, the form would stop.
        let server = try TrustdProcess(
            config: fixture.config, environment: ["LIBDISPATCH_COOPERATIVE_POOL_STRICT": "1"])
        _ = try await fileBreach(server)
        for _ in 0..<100 where relay.connections == 0 { try await Task.sleep(for: .milliseconds(100)) }
        #expect(relay.connections >= 1)
        // The sender is stuck in a transfer, times out after 2 seconds and tries again; the web
        // form answers all the while.
        for _ in 0..<200 where relay.connections < 2 {
            let page = try await get(server.baseURL + "/en/")
            #expect(page.status == 200)
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(relay.connections >= 2)
        _ = try await fileBreach(server)
        // Stopping abandons the stuck send at once; the notices stay pending for the next start.
        #expect(try server.stop() == 0)
        #expect(server.logText.contains("trustd stopped; database closed"))
    }

    @Test func mailTestSendsThroughTheRelayAndPrintsItsAnswer() async throws {
        defer { fixture.remove() }
        let relay = try SMTPRelay()
        defer { relay.stop() }
        try configure(relayPort: relay.port)
        let server = try TrustdProcess(config: fixture.config)
        let token = try fixture.addOfficer()
        let sent = try fixture.trustctl(["mail", "test", "it@demo.example"], server: server, token: token)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.hasPrefix("relay answered: 250"))
        #expect(relay.waitForMessages(1).first?.recipients == ["it@demo.example"])
        let bad = try fixture.trustctl(["mail", "test", "not an address"], server: server, token: token)
        #expect(bad.status == 6)
        #expect(try server.stop() == 0)
    }
}
