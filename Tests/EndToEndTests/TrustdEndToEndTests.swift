import Foundation
import Testing
import TrustCenter

/// The built trustd and trustctl, over real sockets and a real database file: a report goes in
/// over HTTP, an officer handles it with trustctl, and it is still there after a restart.
@Suite(.serialized) struct TrustdEndToEndTests {
    let fixture: TrustdFixture
    var folder: String { fixture.folder }
    var config: String { fixture.config }

    init() throws { fixture = try TrustdFixture() }

    func trustctl(_ arguments: [String], server: TrustdProcess?, token: String) throws -> CommandResult {
        try fixture.trustctl(arguments, server: server, token: token)
    }

    @Test func aReportIsHandledWithTrustctlAndSurvivesARestart() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var server = try TrustdProcess(config: config)

        // 1. Two reports from API clients: an anonymous breach, and a named HSE report.
        let json = try await post(
            server.baseURL + "/reports", contentType: "application/json",
            body:
                #"{"answers":{"about":"security","system":"USB stick","whatHappened":"USB stick with payroll lost at Oslo S","#
                + #""discoveredAt":"2026-11-20 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"unsure"}}"#
        )
        #expect(json.status == 201, "\(json.body)")
        let receipt = try JSONCoding.decoder.decode(Receipt.self, from: Data(json.body.utf8))
        let named = try await post(
            server.baseURL + "/reports", contentType: "application/json",
            body:
                #"{"answers":{"about":"hse","hseKind":"nearMiss","seriousInjury":"no","hseWhatHappened":"Wet floor by the entrance"},"#
                + #""reporter":{"name":"Ola Nordmann","email":"ola@example.no"}}"#)
        #expect(named.status == 201, "\(named.body)")

        // 2. The first officer, created on the database directly; the token is the only stdout.
        let added = try runCommand(
            Binaries.trustd,
            [
                "officer", "add", "--config", config, "--name", "Kari Nordmann", "--email", "privacy@demo.example",
                "--role", "privacy-officer",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("tco_"))

        // 3. List and classify with trustctl.
        let listed = try trustctl(["cases", "--json"], server: server, token: token)
        #expect(listed.status == 0, "\(listed.stderr)")
        let page = try JSONCoding.decoder.decode(CasePage.self, from: Data(listed.stdout.utf8))
        #expect(page.total == 1)  // the HSE report went to the CEO
        #expect(page.cases.contains { $0.reference == receipt.reference && $0.category == .breach })

        let classified = try trustctl(
            ["classify", receipt.reference.description, "deviation", "--reason", "the stick was encrypted"],
            server: server, token: token)
        #expect(classified.status == 0, "\(classified.stderr)")
        // A deviation goes to the CEO; the privacy officer no longer sees it.
        #expect(try trustctl(["cases"], server: server, token: token).stdout == "No cases.\n")
        let ceo = try fixture.addOfficer(email: "ceo@demo.example", role: "ceo")
        let table = try trustctl(["cases", "--category", "deviation"], server: server, token: ceo)
        #expect(table.stdout.contains(receipt.reference.description))
        #expect(table.stdout.hasPrefix("REFERENCE"))

        // 4. SIGTERM: a clean exit; then a restart finds everything.
        #expect(try server.stop() == 0)
        #expect(server.logText.contains("database closed"))
        var logs = server.logText
        server = try TrustdProcess(config: config)
        let shown = try trustctl(["show", receipt.reference.description, "--json"], server: server, token: ceo)
        #expect(shown.status == 0, "\(shown.stderr)")
        let caseFile = try JSONCoding.decoder.decode(CaseFile.self, from: Data(shown.stdout.utf8))
        #expect(caseFile.summary.category == .deviation)
        #expect(caseFile.report.answer(to: "whatHappened") == "USB stick with payroll lost at Oslo S")
        #expect(caseFile.summary.owner?.email == "ceo@demo.example")
        #expect(
            caseFile.events.map(\.change.kind).filter { $0 != "notices-queued" } == [
                "received", "routed", "classified", "routed", "clock-ended",
            ])
        #expect(try server.stop() == 0)
        logs += server.logText

        // Nothing the reporters wrote reached the log.
        #expect(logs.contains("trustd listening"))
        for needle in ["payroll", "Oslo S", "Wet floor", "Ola", "ola@example.no", token] {
            #expect(!logs.contains(needle), "trustd logged \(needle)")
        }
    }

    @Test func trustctlFailuresAreOneLineWithAnExitCodeByKind() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try TrustdProcess(config: config)
        let added = try runCommand(
            Binaries.trustd,
            ["officer", "add", "--config", config, "--name", "Per", "--email", "per@demo.example", "--role", "handler"])
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let missing = try trustctl(["show", "TC-2026-00099"], server: server, token: token)
        #expect(missing.status == 5)
        #expect(missing.stderr == "trustctl: no case TC-2026-00099\n")

        let refused = try trustctl(["cases"], server: server, token: "tco_wrong")
        #expect(refused.status == 4)
        #expect(refused.stderr.hasPrefix("trustctl: the token was refused"))

        let badCategory = try trustctl(
            ["classify", "TC-2026-00001", "breech", "--reason", "x"], server: server, token: token)
        #expect(badCategory.status == 64)
        #expect(
            badCategory.stderr
                == "trustctl: unknown category 'breech'; valid values: breach, deviation, complaint, rights-request, "
                + "whistleblowing, hse, question\n")
        let withPath = try runCommand(
            Binaries.trustctl, ["cases", "--url", server.baseURL + "/api/v1"], environment: ["TRUSTCTL_TOKEN": token])
        #expect(withPath.status == 64)
        #expect(withPath.stderr.hasPrefix("trustctl: give trustd's address without a path"))

        // The token never goes over plain http to another machine; nothing is sent.
        let plain = try runCommand(
            Binaries.trustctl, ["cases", "--url", "http://trust.example.com"], environment: ["TRUSTCTL_TOKEN": token])
        #expect(plain.status == 64)
        #expect(plain.stderr.hasPrefix("trustctl: refusing to send the token over plain http"))

        // Revoking takes effect at once, even while trustd runs.
        let listed = try runCommand(Binaries.trustd, ["officer", "list", "--config", config])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("per@demo.example") && listed.stdout.contains("active"))
        let revoked = try runCommand(Binaries.trustd, ["officer", "revoke", "per@demo.example", "--config", config])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try trustctl(["cases"], server: server, token: token).status == 4)
        #expect(try runCommand(Binaries.trustd, ["officer", "list", "--config", config]).stdout.contains("revoked"))
        let badRole = try runCommand(
            Binaries.trustd,
            ["officer", "add", "--config", config, "--name", "X", "--email", "x@demo.example", "--role", "boss"])
        #expect(badRole.status == 64)
        #expect(badRole.stderr.contains("valid values: privacy-officer, ceo, handler, auditor"))

        #expect(try server.stop() == 0)
        let unreachable = try trustctl(["cases"], server: server, token: token)
        #expect(unreachable.status == 3)
        #expect(unreachable.stderr.hasPrefix("trustctl: cannot reach trustd"))
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
    }

    @Test func officerCommandsNeverStartAnEmptyTrustCenter() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listed = try runCommand(Binaries.trustd, ["officer", "list", "--config", config])
        #expect(listed.status == 78)
        #expect(listed.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/data"))
    }

    @Test func aSecondTrustdOnTheSamePortSaysSo() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try TrustdProcess(config: config)
        let second = folder + "/second.json5"
        try
            #"{ listen: { port: \#(server.port) }, database: { path: "other/tc.db" }, keyFile: "other/tc.key", forms: { directory: "\#(Binaries.formsDirectory)" } }"#
            .write(toFile: second, atomically: true, encoding: .utf8)
        let result = try runCommand(Binaries.trustd, ["serve", "--config", second], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(server.port): the address is in use"))
        #expect(try server.stop() == 0)
    }

    @Test func brokenFormsStopStartUpAndFormsCheckSaysWhy() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checked = try runCommand(Binaries.trustd, ["forms", "check", Binaries.formsDirectory])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("4 languages: all complete"))
        // A copy of the forms with one Danish text missing.
        let forms = folder + "/forms"
        try FileManager.default.createDirectory(atPath: forms + "/translations", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Binaries.formsDirectory + "/questionnaire.json", toPath: forms + "/questionnaire.json")
        for language in ["nb", "sv", "en", "da"] {
            try FileManager.default.copyItem(
                atPath: "\(Binaries.formsDirectory)/translations/\(language).json",
                toPath: "\(forms)/translations/\(language).json")
        }
        let danish = forms + "/translations/da.json"
        var texts = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: URL(fileURLWithPath: danish)))
        texts["question.system.label"] = nil
        try JSONEncoder().encode(texts).write(to: URL(fileURLWithPath: danish))
        let refused = try runCommand(Binaries.trustd, ["forms", "check", forms])
        #expect(refused.status == 65)
        #expect(
            refused.stderr.contains(
                "translations/da.json: question 'system': missing translation 'question.system.label'"))
        try #"{ listen: { port: 0 }, forms: { directory: "forms" } }"#.write(
            toFile: config, atomically: true, encoding: .utf8)
        let start = try runCommand(Binaries.trustd, ["serve", "--config", config], timeout: 30)
        #expect(start.status == 78)
        #expect(start.stderr.contains("missing translation 'question.system.label'"))
    }

    @Test func aBadConfigurationStopsStartUpNamingTheKey() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{ listen: { port: "eighty" } }"#.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try runCommand(Binaries.trustd, ["serve", "--config", config], timeout: 30)
        #expect(result.status == 78)
        #expect(result.stderr.contains("key listen.port: must be a whole number from 0 to 65535"))
    }
}
