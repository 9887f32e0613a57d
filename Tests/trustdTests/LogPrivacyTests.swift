import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TrustCenter

@testable import trustd

/// Every logger of the core is handed in, so a test can read all that trustd logs: along the
/// intake, follow-up, officer and desk paths, nothing a reporter wrote or who they are.
@Suite struct LogPrivacyTests {
    @Test func theReportersWordsAndNameAreNeverLogged() async throws {
        let capture = LogCapture()
        let folder = NSTemporaryDirectory() + "trustd-logs-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = Configuration()
        configuration.databasePath = folder + "/trustcenter.db"
        configuration.keyFile = folder + "/trustcenter.key"
        configuration.formsDirectory = AppHarness.formsDirectory
        let logger = Logger(label: "test") { _ in capture }
        let runtime = try await TrustCenterRuntime.open(
            configuration, time: FixedTime(), followUpPenalty: .milliseconds(1), logger: logger,
            makeLogger: { _ in Logger(label: "test") { _ in capture } })
        let secrets = ["Zebrafinch payroll leak", "Ingrid Solbakken", "ingrid@solbakken.example", "Thank you, Zebra"]
        let (officer, _) = try await runtime.officers.add(
            name: "Kari Nordmann", email: "privacy@demo.example", role: .privacyOfficer)
        let app = buildApplication(runtime: runtime, logger: logger)
        try await app.test(.router) { client in
            let filed = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(
                    #"{"answers":{"about":"question","question":"\#(secrets[0])"},"#
                        + #""reporter":{"name":"\#(secrets[1])","email":"\#(secrets[2])"}}"#))
            #expect(filed.status == .created)
            let receipt = try filed.decode(Receipt.self)
            _ = try await runtime.desk.reply(receipt.reference, text: "We will look into it", by: officer)
            _ = try await runtime.desk.addNote(receipt.reference, text: "Spoke to \(secrets[1])", by: officer)
            let page = try await client.page("/en/follow-up")
            let dialogue = try await client.submit(page, to: "/en/follow-up", [("key", receipt.followUpKey)])
            let replied = try await client.submit(dialogue, to: "/en/follow-up/reply", [("reply", secrets[3])])
            #expect(replied.html.contains(secrets[3]))
        }
        await runtime.close()
        #expect(!capture.lines.isEmpty, "nothing was logged, so nothing was checked")
        for line in capture.lines {
            for secret in secrets { #expect(!line.contains(secret), "\(line)") }
        }
    }
}
