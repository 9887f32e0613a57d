import Foundation
import Logging
import Testing
import TrustCenter

@testable import trustd

@Suite struct ConfigurationTests {
    func load(_ document: String, environment: [String: String] = [:]) throws -> Configuration {
        let folder = NSTemporaryDirectory() + "trustd-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/trustd.json5"
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        return try Configuration.load(path: path, environment: environment)
    }

    func problem(_ document: String, environment: [String: String] = [:]) -> ConfigurationError? {
        do {
            _ = try load(document, environment: environment)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func theEmbeddedDefaultRunsOnLoopbackWithOneDemoEntity() throws {
        let configuration = try Configuration.load(path: nil, environment: [:])
        #expect(configuration.listenHost == "127.0.0.1")
        #expect(configuration.listenPort == 8080)
        #expect(configuration.databasePath == "data/trustcenter.db")
        #expect(configuration.keyFile == "data/trustcenter.key")
        #expect(configuration.entities.map(\.id) == ["demo"])
    }

    @Test func readsACommentedFileAndResolvesPathsAgainstIt() throws {
        let configuration = try load(
            """
            // Trust Center for the Acme group
            {
              listen: { host: "127.0.0.1", port: 9090 },
              database: { path: "db/tc.db" },   // relative to this file
              keyFile: "/etc/trustcenter/key",
              limits: { maxBodyBytes: 2048 },
              log: { level: "debug" },
              entities: [
                { id: "acme-se", name: "Acme Sverige AB", country: "SE", timeZone: "Europe/Stockholm",
                  ceo: { name: "Vera Vd", email: "vd@acme.example" },
                  privacyOfficer: { name: "Sara Skydd", email: "skydd@acme.example" },
                  whistleblowingHandlers: [{ name: "Vilma", email: "vissel@acme.example" }],
                  alternate: { name: "Ordförande", email: "ordf@acme.example" },
                  management: [{ name: "Vera Vd", email: "vd@acme.example" }] },
              ],
              clocks: [
                { clock: "complaint", country: "SE", days: 10,
                  stages: [{ kind: "overdue", before: "0d", notify: ["owner", "ceo"], repeat: "7d" }] },
                { clock: "breach-supplement", off: true },
              ],
            }
            """)
        let complaint = try #require(configuration.clocks.policy(.complaint, in: .sweden))
        #expect(complaint.span == .days(10))
        #expect(
            complaint.stages == [
                StagePolicy(.overdue, .before(.days(0)), notify: [.owner, .ceo], repeatEvery: .days(7))
            ])
        #expect(configuration.clocks.policy(.complaint, in: .norway)?.span == .days(30))
        #expect(configuration.clocks.policy(.breachSupplement, in: .sweden) == nil)
        #expect(configuration.entities.first?.alternate.email == "ordf@acme.example")
        #expect(configuration.listenPort == 9090)
        #expect(configuration.databasePath.hasSuffix("/db/tc.db") && configuration.databasePath.hasPrefix("/"))
        #expect(configuration.keyFile == "/etc/trustcenter/key")
        #expect(configuration.maxBodyBytes == 2048)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.entities.first?.country == .sweden)
    }

    @Test(arguments: [
        (#"{ listen: { port: 99999 } }"#, "listen.port", "from 0 to 65535"),
        (#"{ lisen: { port: 80 } }"#, "lisen", "not a known key"),
        (#"{ listen: { prot: 80 } }"#, "listen.prot", "not a known key"),
        (#"{ log: { level: "loud" } }"#, "log.level", "valid values"),
        (#"{ limits: { maxBodyBytes: 10 } }"#, "limits.maxBodyBytes", "from 1024"),
        (#"{ entities: [] }"#, "entities", "at least one"),
        (
            #"{ entities: [{ id: "x", name: "X", country: "FI", timeZone: "Europe/Oslo", ceo: { name: "a", email: "a@x.no" }, privacyOfficer: { name: "b", email: "b@x.no" } }] }"#,
            "entities[0].country", "NO, SE, DK"
        ),
        (
            #"{ entities: [{ id: "x", name: "X", country: "NO", timeZone: "Mars/Olympus", ceo: { name: "a", email: "a@x.no" }, privacyOfficer: { name: "b", email: "b@x.no" } }] }"#,
            "entities[0].timeZone", "not a known time zone"
        ),
        (
            #"{ entities: [{ id: "x", name: "X", country: "NO", timeZone: "Europe/Oslo", ceo: { name: "a", email: "a@x.no" } }] }"#,
            "entities[0].privacyOfficer", "is required"
        ),
        (
            #"{ entities: [{ id: "Bad Id", name: "X", country: "NO", timeZone: "Europe/Oslo", ceo: { name: "a", email: "a@x.no" }, privacyOfficer: { name: "b", email: "b@x.no" } }] }"#,
            "entities[0].id", "lowercase"
        ),
        (
            #"{ entities: [{ id: "x", name: "X", country: "NO", timeZone: "Europe/Oslo", ceo: { name: "a", email: "a@x.no" }, privacyOfficer: { name: "b", email: "b@x.no" } }] }"#,
            "entities[0].whistleblowingHandlers", "at least one person"
        ),
        (
            #"{ entities: [{ id: "x", name: "X", country: "NO", timeZone: "Europe/Oslo", ceo: { name: "a", email: "a@x.no" }, privacyOfficer: { name: "b", email: "b@x.no" }, whistleblowingHandlers: [{ name: "h", email: "h@x.no" }], alternate: { name: "a", email: "A@x.no" }, management: [{ name: "a", email: "a@x.no" }] }] }"#,
            "entities[0].alternate", "someone other than"
        ),
        (#"{ clocks: [{ clock: "brech", hours: 72 }] }"#, "clocks[0].clock", "breach"),
        (#"{ mail: { relay: "http://relay.example", from: "a@b.example" } }"#, "mail.relay", "smtp://host"),
        (#"{ mail: { relay: "smtp://relay.example", from: "not mail" } }"#, "mail.from", "plain email address"),
        (
            #"{ mail: { relay: "smtp://relay.example", from: "a@b.example", security: "none" } }"#, "mail.security",
            "only for a relay on loopback"
        ),
        (
            #"{ mail: { relay: "smtps://relay.example", from: "a@b.example", security: "starttls" } }"#,
            "mail.security", "does not go with smtps://"
        ),
        (
            #"{ mail: { relay: "smtp://relay.example", from: "a@b.example", pasword: "x" } }"#, "mail.pasword",
            "not a known key"
        ),
        (
            #"{ mail: { relay: "smtp://relay.example", from: "a@b.example", fromName: "Evil\nBcc: x@y.example" } }"#,
            "mail.fromName", "one line"
        ),
        (#"{ clocks: [{ clock: "breach", hours: 72, days: 3 }] }"#, "clocks[0]", "only one of hours"),
        (
            #"{ clocks: [{ clock: "breach", stages: [{ kind: "reminder", after: "2 days", notify: ["owner"] }] }] }"#,
            "clocks[0].stages[0].after", "not a duration"
        ),
        (
            #"{ clocks: [{ clock: "breach", stages: [{ kind: "reminder", after: "2d", notify: ["boss"] }] }] }"#,
            "clocks[0].stages[0].notify", "owner"
        ),
    ])
    func aBadFileNamesTheKeyAndTheProblem(document: String, key: String, problem: String) {
        let error = self.problem(document)
        #expect(error?.key == key)
        #expect(error?.problem.contains(problem) == true, "\(String(describing: error))")
    }

    @Test func aFileThatIsNotJSON5SaysSo() {
        #expect(problem("{ listen: ")?.problem.contains("not valid JSON5") == true)
    }

    @Test func environmentOverridesTheFile() throws {
        let configuration = try load(
            #"{ listen: { port: 9090 } }"#,
            environment: [
                "TRUSTD_LISTEN_PORT": "0", "TRUSTD_DATABASE_PATH": "/tmp/x.db", "TRUSTD_LOG_LEVEL": "warning",
            ])
        #expect(configuration.listenPort == 0)
        #expect(configuration.databasePath == "/tmp/x.db")
        #expect(configuration.logLevel == .warning)
    }

    @Test func aBadEnvironmentVariableIsNamed() {
        let error = problem("{}", environment: ["TRUSTD_LISTEN_PORT": "eighty"])
        #expect(error?.source == "environment variable TRUSTD_LISTEN_PORT")
        #expect(error?.key == "listen.port")
    }
}

@Suite struct ExampleConfigurationTests {
    @Test func theDocumentedExampleLoads() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/trustd.example.json5").path
        let configuration = try Configuration.load(path: example, environment: [:])
        #expect(configuration.entities.map(\.country) == [.norway, .sweden, .denmark])
        #expect(configuration.databasePath == "/var/lib/trustcenter/trustcenter.db")
        #expect(configuration.formsDirectory == "/usr/share/trustcenter/forms")
    }
}

@Suite struct RuntimeTests {
    @Test func aMissingKeyFileBesideAnExistingDatabaseStopsStartUp() async throws {
        let harness = try await AppHarness()
        await harness.runtime.close()
        try FileManager.default.removeItem(atPath: harness.configuration.keyFile)
        await #expect {
            try await TrustCenterRuntime.open(harness.configuration, logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("is missing, but database")
        }
        // And no new key was made.
        #expect(!FileManager.default.fileExists(atPath: harness.configuration.keyFile))
    }

    @Test func casesOfAnEntityThatLeftTheConfigurationStopStartUp() async throws {
        let harness = try await AppHarness()
        _ = try await harness.fileReport()
        await harness.runtime.close()
        var configuration = harness.configuration
        configuration.entities[0].id = "demo-renamed"
        await #expect {
            try await TrustCenterRuntime.open(configuration, logger: Logger(label: "test"))
        } throws: { error in
            (error as? CommandFailure)?.exitCode == 78
                && "\(error)".contains("entity 'demo' has cases but is not in the configuration")
        }
    }

}

@Suite struct MailConfigurationTests {
    @Test func readsTheRelayAndTakesThePasswordFromTheEnvironment() throws {
        var configuration = Configuration()
        try configuration.apply(
            document: Data(
                #"{ mail: { relay: "smtp://relay.acme.example:587", from: "trust@acme.example", fromName: "Acme", username: "trust", maxAttempts: 5, retrySeconds: 30 } }"#
                    .utf8),
            source: "test")
        try configuration.apply(environment: ["TRUSTD_MAIL_PASSWORD": "s3cret"])
        let mail = try #require(configuration.mail)
        #expect(mail.relay.security == .startTLS && mail.relay.password == "s3cret" && mail.relay.username == "trust")
        #expect(mail.policy.maximumAttempts == 5 && mail.policy.firstDelay == 30)
        var plain = Configuration()
        try plain.apply(
            document: Data(
                #"{ mail: { relay: "smtp://127.0.0.1:2525", from: "t@a.example", security: "none" } }"#.utf8),
            source: "test")
        #expect(plain.mail?.relay.security == RelaySettings.Security.none)
    }

    @Test func aPasswordWithoutAMailSectionIsRefused() {
        var configuration = Configuration()
        #expect(throws: ConfigurationError.self) {
            try configuration.apply(environment: ["TRUSTD_MAIL_PASSWORD": "s3cret"])
        }
    }
}
