import Foundation
import Testing
import TrustCenter

/// The clocks through the built binaries: `trustctl clock` without a server, and a breach's
/// clock from the report to the recorded notification.
@Suite(.serialized) struct ClockEndToEndTests {
    let fixture: TrustdFixture

    init() throws { fixture = try TrustdFixture() }

    @Test(arguments: [
        (
            ["breach", "--start", "2026-03-27T10:00+01:00"],
            #"{"clock":"breach","due":"2026-03-30T11:00:00+02:00","start":"2026-03-27T10:00:00+01:00"}"#
        ),
        (
            ["rights-request", "--start", "2026-01-31", "--country", "SE"],
            #"{"clock":"rights-request","due":"2026-03-02T23:59:59+01:00","dueDate":"2026-03-02","start":"2026-01-31T00:00:00+01:00"}"#
        ),
        (
            ["rights-request", "--start", "2026-01-31T09:00", "--extended"],
            #"{"clock":"rights-request","due":"2026-04-30T23:59:59+02:00","dueDate":"2026-04-30","start":"2026-01-31T09:00:00+01:00"}"#
        ),
        (
            ["whistleblowing-ack", "--start", "2026-12-17T15:00", "--country", "SE"],
            #"{"clock":"whistleblowing-ack","due":"2026-12-28T23:59:59+01:00","dueDate":"2026-12-28","start":"2026-12-17T15:00:00+01:00"}"#
        ),
        (
            ["whistleblowing-feedback", "--start", "2026-03-09T12:00", "--country", "DK"],
            #"{"clock":"whistleblowing-feedback","due":"2026-06-09T23:59:59+02:00","dueDate":"2026-06-09","start":"2026-03-09T12:00:00+01:00"}"#
        ),
    ])
    func clockComputesADeadlineWithoutAServer(arguments: [String], json: String) throws {
        defer { fixture.remove() }
        let result = try runCommand(Binaries.trustctl, ["clock"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        #expect(printed == expected, "\(result.stdout)")
    }

    @Test func clockRefusesWhatItCannotCompute() throws {
        defer { fixture.remove() }
        let unknown = try runCommand(Binaries.trustctl, ["clock", "brexit", "--start", "2026-01-01"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown clock 'brexit'; valid values: breach,"))
        let badTime = try runCommand(Binaries.trustctl, ["clock", "breach", "--start", "27.03.2026"])
        #expect(badTime.status == 64)
        #expect(badTime.stderr.contains("is not an ISO 8601 time"))
        let notExtendable = try runCommand(
            Binaries.trustctl, ["clock", "breach", "--start", "2026-01-01", "--extended"])
        #expect(notExtendable.status == 64)
        let text = try runCommand(Binaries.trustctl, ["clock", "breach", "--start", "2026-10-23T10:00"])
        #expect(
            text.stdout
                == "breach: due 2026-10-26 09:00 +01:00 (2026-10-26T09:00:00+01:00), 72 hours from 2026-10-23 10:00 +02:00\n"
        )
    }

    @Test func aBreachClockRunsUntilTheNotificationIsRecorded() async throws {
        defer { fixture.remove() }
        let server = try TrustdProcess(config: fixture.config)
        let filed = try await post(
            server.baseURL + "/reports", contentType: "application/json",
            body:
                #"{"answers":{"about":"security","system":"Payroll","whatHappened":"Payslips mailed to the wrong people","#
                + #""discoveredAt":"2026-11-20 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"no"}}"#)
        #expect(filed.status == 201, "\(filed.body)")
        let reference = try JSONCoding.decoder.decode(Receipt.self, from: Data(filed.body.utf8)).reference
        let token = try fixture.addOfficer()

        let deadlines = try fixture.trustctl(["deadlines", "--json"], server: server, token: token)
        #expect(deadlines.status == 0, "\(deadlines.stderr)")
        let page = try JSONCoding.decoder.decode(DeadlinePage.self, from: Data(deadlines.stdout.utf8))
        #expect(page.deadlines.map(\.clock) == [.breach] && page.deadlines.first?.reference == reference)
        let table = try fixture.trustctl(["deadlines"], server: server, token: token)
        #expect(table.stdout.hasPrefix("REFERENCE") && table.stdout.contains("left"))

        let shown = try fixture.trustctl(["show", reference.description], server: server, token: token)
        #expect(shown.stdout.contains("Routing:   breach goes to the privacy officer of Demo Group AS."))
        #expect(shown.stdout.contains("  breach  running  due "))
        #expect(shown.stdout.contains("received, at start  [fired "))
        #expect(shown.stdout.contains("final-warning, 66 hours after start  [pending]"))

        let notices = try fixture.trustctl(["notices", "--pending", "--json"], server: server, token: token)
        #expect(notices.status == 0, "\(notices.stderr)")
        let pending = try JSONCoding.decoder.decode([Notice].self, from: Data(notices.stdout.utf8))
        #expect(pending.map(\.kind) == [.received] && pending.first?.reference == reference)

        let noReference = try fixture.trustctl(
            ["notify", reference.description, "--stage", "initial"], server: server, token: token)
        #expect(noReference.status == 64)
        let notified = try fixture.trustctl(
            ["notify", reference.description, "--stage", "initial", "--reference", "DT-26/1234"],
            server: server, token: token)
        #expect(notified.status == 0, "\(notified.stderr)")
        #expect(notified.stdout == "\(reference): initial notification recorded\n")
        let none = try fixture.trustctl(["deadlines"], server: server, token: token)
        #expect(none.stdout == "No running clocks.\n")
        let again = try fixture.trustctl(
            ["notify", reference.description, "--stage", "initial", "--reference", "DT-26/1234"],
            server: server, token: token)
        #expect(again.status == 6)
        #expect(again.stderr.contains("already recorded"))
        let awareness = try fixture.trustctl(
            ["awareness", reference.description, "--at", "2026-01-01T10:00", "--reason", "x"], server: server,
            token: token)
        #expect(awareness.status == 6)
        #expect(try server.stop() == 0)
    }
}
