import Foundation
import Testing
import TrustCenter

/// The privacy officer's whole breach flow through the built binaries: a report through the
/// form's JSON route, then `trustctl assess`, `decide`, `draft`, `notify`, a supplement, and
/// `close`, which is refused until nothing legal is open.
@Suite(.serialized) struct TriageEndToEndTests {
    let fixture: TrustdFixture

    init() throws { fixture = try TrustdFixture() }

    /// A newsletter sent with 150 customers' addresses in Cc: a risk, so the authority is told.
    static let facts = """
        {"breachTypes": ["confidentiality"], "dataCategories": ["basic"], "dataSubjects": 150,
         "records": 150, "vulnerableSubjects": false, "identifiability": "full", "unintelligible": false,
         "recipient": "known", "exfiltration": "confirmed", "availability": "none", "integrity": "none",
         "malicious": false, "seriousConsequences": false}
        """

    @Test func aBreachGoesFromTheFormToClosing() async throws {
        defer { fixture.remove() }
        let factsFile = fixture.folder + "/facts.json"
        try Self.facts.write(toFile: factsFile, atomically: true, encoding: .utf8)

        // A "what if" needs no server.
        let whatIf = try runCommand(Binaries.trustctl, ["assess", "--facts", factsFile, "--json"])
        #expect(whatIf.status == 0, "\(whatIf.stderr)")
        let offline = try JSONCoding.decoder.decode(BreachAssessment.self, from: Data(whatIf.stdout.utf8))
        #expect(offline.level == .risk && offline.notifyAuthority && !offline.notifySubjects)
        let badFacts = fixture.folder + "/bad.json"
        try #"{"breachTypes": ["leak"]}"#.write(toFile: badFacts, atomically: true, encoding: .utf8)
        let refused = try runCommand(Binaries.trustctl, ["assess", "--facts", badFacts])
        #expect(refused.status == 64 && refused.stderr.contains("confidentiality, integrity, availability"))

        let server = try TrustdProcess(config: fixture.config)
        let filed = try await post(
            server.baseURL + "/reports", contentType: "application/json",
            body:
                #"{"answers":{"about":"security","system":"Payroll","whatHappened":"Payslips of Berit Hansen mailed out","#
                + #""discoveredAt":"2026-11-20 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"no"},"#
                + #""reporter":{"name":"Ola Melder","email":"ola.melder@example.no"}}"#)
        #expect(filed.status == 201, "\(filed.body)")
        let reference = try JSONCoding.decoder.decode(Receipt.self, from: Data(filed.body.utf8)).reference.description
        let token = try fixture.addOfficer()
        func trustctl(_ arguments: [String]) throws -> CommandResult {
            try fixture.trustctl(arguments, server: server, token: token)
        }

        let assessed = try trustctl(["assess", reference, "--facts", factsFile])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(assessed.stdout.contains("Level:     risk"))
        let differs = try trustctl(["decide", reference, "--authority", "no", "--subjects", "no"])
        #expect(differs.status == 6 && differs.stderr.contains("differs from the recommendation"))
        let decided = try trustctl(["decide", reference, "--authority", "yes", "--subjects", "no"])
        #expect(decided.status == 0, "\(decided.stderr)")
        let described = try trustctl([
            "describe", reference, "--what-happened", "payslips mailed to the wrong list",
            "--consequences", "salaries seen by colleagues", "--measures", "recipients asked to delete",
        ])
        #expect(described.status == 0, "\(described.stderr)")

        let draft = try trustctl(["draft", reference])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("Datatilsynet") && draft.stdout.contains("payslips mailed to the wrong list"))
        let draftJSON = try trustctl(["draft", reference, "--format", "json"])
        #expect(draftJSON.status == 0, "\(draftJSON.stderr)")
        for secret in ["Ola Melder", "ola.melder", "Berit Hansen", "Payroll"] {
            #expect(!draft.stdout.contains(secret) && !draftJSON.stdout.contains(secret), "the draft holds \(secret)")
        }

        let early = try trustctl(["close", reference, "--outcome", "done"])
        #expect(early.status == 6)
        #expect(early.stderr.contains("the breach clock is running"))
        #expect(early.stderr.contains("the decision is to notify the authority"))

        let notified = try trustctl(["notify", reference, "--stage", "initial", "--reference", "DT-26/77"])
        #expect(notified.status == 0, "\(notified.stderr)")
        let supplementDraft = try trustctl(["draft", reference, "--stage", "supplement"])
        #expect(supplementDraft.status == 0, "\(supplementDraft.stderr)")
        let supplement = try trustctl(["notify", reference, "--stage", "supplement", "--reference", "DT-26/77"])
        #expect(supplement.status == 0, "\(supplement.stderr)")

        let closed = try trustctl(["close", reference, "--outcome", "notified; mailing routine changed"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout == "\(reference): closed\n")
        let register = try trustctl(["register", "--format", "csv"])
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.stdout.contains(reference) && register.stdout.contains("DT-26/77"))
        #expect(!register.stdout.contains("Ola Melder") && !register.stdout.contains("Berit Hansen"))
        let shown = try trustctl(["show", reference])
        #expect(shown.stdout.contains("Outcome:   notified; mailing routine changed"))
        #expect(shown.stdout.contains("Decision:  authority yes, subjects no"))
        #expect(try server.stop() == 0)
    }
}
