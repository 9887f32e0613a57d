import Foundation
import Testing
import TrustCenter

/// A breach written from the guidance, with the outcome the guidance gives it.
struct BreachScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let facts: BreachFacts
    let level: RiskLevel
    let authority: Bool
    let subjects: Bool

    var testDescription: String { name }

    /// Most scenarios follow EDPB Guidelines 01/2021 on examples regarding personal data breach
    /// notification; the case titles are theirs. Each comment says why the outcome is right.
    static let all: [BreachScenario] = [
        // EDPB "ransomware with proper backup and without exfiltration": restored within hours,
        // logs rule exfiltration out; nothing lasting happened to anyone → register only.
        BreachScenario(
            name: "ransomware with backup, no exfiltration",
            facts: BreachFacts(
                breachTypes: [.availability], dataCategories: [.basic], dataSubjects: 60, availability: .hours,
                malicious: true),
            level: .none, authority: false, subjects: false),
        // EDPB "ransomware without proper backup": data rebuilt over days; a risk to report, but
        // basic data that were not taken do not make it high.
        BreachScenario(
            name: "ransomware without backup",
            facts: BreachFacts(
                breachTypes: [.availability], dataCategories: [.basic], dataSubjects: 60, availability: .days,
                malicious: true),
            level: .risk, authority: true, subjects: false),
        // EDPB "ransomware with backup and without exfiltration in a hospital": patients' health
        // data unavailable for days, operations postponed → high even without any disclosure.
        BreachScenario(
            name: "hospital ransomware delaying care",
            facts: BreachFacts(
                breachTypes: [.availability], dataCategories: [.basic, .specialCategory], dataSubjects: 5000,
                vulnerableSubjects: true, availability: .days, malicious: true, seriousConsequences: true),
            level: .high, authority: true, subjects: true),
        // EDPB "ransomware without backup and with exfiltration": bank details taken by the
        // attacker and lost for good → high.
        BreachScenario(
            name: "ransomware with exfiltration, no backup",
            facts: BreachFacts(
                breachTypes: [.confidentiality, .availability], dataCategories: [.basic, .financial],
                dataSubjects: 2000, recipient: .unknown, exfiltration: .confirmed, availability: .permanent,
                malicious: true),
            level: .high, authority: true, subjects: true),
        // EDPB "exfiltration of job application data from a website": CVs with identity numbers in
        // an attacker's hands → high.
        BreachScenario(
            name: "job applicants' data exfiltrated",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .identityNumber], dataSubjects: 213,
                recipient: .unknown, exfiltration: .confirmed, malicious: true),
            level: .high, authority: true, subjects: true),
        // EDPB "exfiltration of hashed password from a website": salted state-of-the-art hashes are
        // unintelligible → register only.
        BreachScenario(
            name: "salted password hashes exfiltrated",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.credentials], dataSubjects: 1200,
                unintelligible: true, recipient: .unknown, exfiltration: .confirmed, malicious: true),
            level: .none, authority: false, subjects: false),
        // EDPB "credential stuffing attack on a banking website": attackers saw accounts and could
        // move money → high.
        BreachScenario(
            name: "credential stuffing on a bank",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .financial, .credentials], dataSubjects: 300,
                recipient: .unknown, exfiltration: .confirmed, malicious: true, seriousConsequences: true),
            level: .high, authority: true, subjects: true),
        // EDPB "exfiltration of business data by a former employee": a customer contact list with
        // one known person; a risk (malicious, hundreds of people) but not a high one.
        BreachScenario(
            name: "former employee takes the customer list",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic], dataSubjects: 500, recipient: .known,
                exfiltration: .confirmed, malicious: true),
            level: .risk, authority: true, subjects: false),
        // EDPB "accidental transmission of data to a trusted third party": sensitive data to the
        // wrong, trusted recipient who confirmed deletion → register only.
        BreachScenario(
            name: "health data emailed to a trusted recipient who deleted it",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .specialCategory], dataSubjects: 1,
                recipient: .trusted, exfiltration: .confirmed),
            level: .none, authority: false, subjects: false),
        // EDPB "stolen material storing encrypted personal data": encrypted laptop, key safe, a
        // backup exists → register only.
        BreachScenario(
            name: "encrypted laptop stolen, key safe",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .specialCategory], dataSubjects: 800,
                unintelligible: true, recipient: .unknown, exfiltration: .possible, malicious: true),
            level: .none, authority: false, subjects: false),
        // EDPB "stolen material storing non-encrypted personal data", with children: a lost USB
        // stick with pupils' identity numbers; whoever finds it can read it → high.
        BreachScenario(
            name: "unencrypted USB stick with children's data lost",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .identityNumber], dataSubjects: 120,
                vulnerableSubjects: true, recipient: .unknown, exfiltration: .possible),
            level: .high, authority: true, subjects: true),
        // EDPB "postal mail mistake": one letter with basic data to the wrong person, no malice →
        // register only.
        BreachScenario(
            name: "letter with basic data to the wrong person",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic], dataSubjects: 1, recipient: .known,
                exfiltration: .confirmed),
            level: .none, authority: false, subjects: false),
        // Special-category data published on a website by a misconfiguration → high.
        BreachScenario(
            name: "special-category data published",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .specialCategory], dataSubjects: 40,
                recipient: .public, exfiltration: .confirmed),
            level: .high, authority: true, subjects: true),
        // A storage fault made payroll unavailable for two hours; restored from backup, nothing
        // taken → register only, although financial data score high.
        BreachScenario(
            name: "outage restored within hours",
            facts: BreachFacts(
                breachTypes: [.availability], dataCategories: [.basic, .financial], dataSubjects: 10000,
                availability: .hours),
            level: .none, authority: false, subjects: false),
        // EDPB "personal data sent by mail by mistake": a newsletter sent with 150 addresses in Cc;
        // basic data, but many people and known recipients → a risk.
        BreachScenario(
            name: "email addresses in Cc instead of Bcc",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic], dataSubjects: 150, recipient: .known,
                exfiltration: .confirmed),
            level: .risk, authority: true, subjects: false),
        // EDPB "stolen paper files with sensitive data": case files on criminal offences stolen
        // from a car → high.
        BreachScenario(
            name: "paper files on criminal offences stolen",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .criminal], dataSubjects: 30,
                recipient: .unknown, exfiltration: .possible, malicious: true),
            level: .high, authority: true, subjects: true),
        // An encrypted laptop stolen with the only copy of HR health notes: the encryption protects
        // confidentiality, but the loss itself is a risk.
        BreachScenario(
            name: "encrypted laptop stolen, no backup",
            facts: BreachFacts(
                breachTypes: [.confidentiality, .availability], dataCategories: [.specialCategory], dataSubjects: 25,
                unintelligible: true, recipient: .unknown, exfiltration: .possible, availability: .permanent,
                malicious: true),
            level: .risk, authority: true, subjects: false),
        // An encrypted backup tape of patient records lost in transit; very serious possible
        // consequences make it high (Danish guidance), but Art. 34(3)(a) spares the patients a letter.
        BreachScenario(
            name: "encrypted patient tape lost, serious consequences",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.basic, .specialCategory], dataSubjects: 20000,
                vulnerableSubjects: true, unintelligible: true, recipient: .unknown, exfiltration: .possible,
                seriousConsequences: true),
            level: .high, authority: true, subjects: false),
        // EDPB "social engineering": a fraudster changed employees' bank accounts in payroll; wages
        // went astray until corrected → high.
        BreachScenario(
            name: "payroll bank accounts altered",
            facts: BreachFacts(
                breachTypes: [.integrity], dataCategories: [.basic, .financial], dataSubjects: 40,
                integrity: .recoverable, malicious: true),
            level: .high, authority: true, subjects: true),
        // Vehicle position logs of 50 drivers sent to a contractor not entitled to them: behavioural
        // data with known recipients → a risk.
        BreachScenario(
            name: "drivers' location logs to the wrong contractor",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.location], dataSubjects: 50, recipient: .known,
                exfiltration: .confirmed),
            level: .risk, authority: true, subjects: false),
        // Pseudonymised research data on health sent to the wrong partner: hard to identify
        // anyone (limited), so a risk rather than a high one.
        BreachScenario(
            name: "pseudonymised health data to the wrong partner",
            facts: BreachFacts(
                breachTypes: [.confidentiality], dataCategories: [.specialCategory], dataSubjects: 90,
                identifiability: .limited, recipient: .known, exfiltration: .confirmed),
            level: .risk, authority: true, subjects: false),
    ]
}

@Suite struct BreachAssessmentTests {
    @Test(arguments: BreachScenario.all)
    func scenarioGetsTheGuidancesOutcome(_ scenario: BreachScenario) {
        let assessment = BreachAssessment.evaluate(scenario.facts)
        #expect(assessment.level == scenario.level, "\(assessment.reasons.joined(separator: "\n"))")
        #expect(assessment.notifyAuthority == scenario.authority)
        #expect(assessment.notifySubjects == scenario.subjects)
    }

    @Test func theScenariosCoverEveryLevel() {
        #expect(BreachScenario.all.count >= 12)
        for level in RiskLevel.allCases { #expect(BreachScenario.all.contains { $0.level == level }) }
    }

    @Test(arguments: BreachScenario.all)
    func reasonsShowTheSeverityBandAndTheRecommendation(_ scenario: BreachScenario) {
        let assessment = BreachAssessment.evaluate(scenario.facts)
        #expect(!assessment.reasons.isEmpty)
        #expect(assessment.enisaBand == SeverityBand(severity: assessment.severity))
        #expect(
            assessment.reasons.contains {
                $0.hasPrefix("severity \(String(format: "%.2f", assessment.severity).trimmingZeros)")
                    && $0.hasSuffix("is \(assessment.enisaBand.words)")
            })
        #expect(assessment.reasons.contains { $0.contains("Art. 33") })
        #expect(assessment.notifyAuthority == (assessment.level != .none))
        #expect(!assessment.notifySubjects || assessment.level == .high)
    }

    @Test func computesENISAStepByStep() {
        // docs/assessment.md, example 1: job applicants' data exfiltrated.
        let applicants = BreachAssessment.evaluate(BreachScenario.named("job applicants' data exfiltrated"))
        #expect((applicants.dpc, applicants.ei, applicants.cb, applicants.severity) == (3, 1, 1, 4))
        #expect(applicants.enisaBand == .veryHigh)
        #expect(
            applicants.reasons.prefix(5) == [
                "data processing context 3.0: identity numbers",
                "ease of identification 1.0 (full)",
                "circumstances +0.5 for confidentiality: unknown recipients, exfiltration confirmed",
                "circumstances +0.5: malicious intent",
                "severity 4.0 = 3.0 × 1.0 + 1.0 is very high (ENISA 4 and over)",
            ])
        // Example 2: the former employee.
        let employee = BreachAssessment.evaluate(BreachScenario.named("former employee takes the customer list"))
        #expect((employee.dpc, employee.ei, employee.cb, employee.severity) == (1, 1, 0.75, 1.75))
        #expect(employee.reasons.contains("raised to a risk by 500 data subjects (100 or more); malicious intent"))
        // Example 3: the encrypted tape.
        let tape = BreachAssessment.evaluate(BreachScenario.named("encrypted patient tape lost, serious consequences"))
        #expect((tape.dpc, tape.ei, tape.cb, tape.severity) == (4, 0.25, 0, 1))
        #expect(tape.exceptionA)
        #expect(
            tape.reasons.contains(
                "the data were unintelligible with the key safe: Art. 34(3)(a) applies, data subjects need not be told")
        )
        // Vulnerable people add 1, at most 4; limited identifiability halves.
        let usb = BreachAssessment.evaluate(BreachScenario.named("unencrypted USB stick with children's data lost"))
        #expect((usb.dpc, usb.severity) == (4, 4.5))
        let research = BreachAssessment.evaluate(BreachScenario.named("pseudonymised health data to the wrong partner"))
        #expect((research.dpc, research.ei, research.severity) == (4, 0.5, 2.25))
    }

    @Test func lowSeverityStaysUnlikelyWithoutARaisingFactor() {
        let letter = BreachAssessment.evaluate(BreachScenario.named("letter with basic data to the wrong person"))
        #expect(letter.severity == 1.25 && letter.level == .none)
        var many = BreachScenario.named("letter with basic data to the wrong person")
        many.dataSubjects = BreachAssessment.largeNumber
        #expect(BreachAssessment.evaluate(many).level == .risk)
        many.dataSubjects = BreachAssessment.largeNumber - 1
        many.malicious = true
        #expect(BreachAssessment.evaluate(many).level == .risk)
    }

    @Test func containedBreachesAreLoweredWhateverTheirSeverity() {
        let trusted = BreachAssessment.evaluate(
            BreachScenario.named("health data emailed to a trusted recipient who deleted it"))
        #expect(trusted.enisaBand == .veryHigh && trusted.level == .none)
        #expect(
            trusted.reasons.contains(
                "lowered to unlikely to result in a risk: the recipient is trusted and confirmed deletion"))
        // The same email to a known recipient who did not confirm deletion is a high risk.
        var untrusted = BreachScenario.named("health data emailed to a trusted recipient who deleted it")
        untrusted.recipient = .known
        #expect(BreachAssessment.evaluate(untrusted).level == .high)
        // Logs that rule exfiltration out lower an exposure of the same data to the public.
        var exposed = untrusted
        exposed.recipient = .public
        exposed.exfiltration = .ruledOut
        #expect(BreachAssessment.evaluate(exposed).level == .none)
    }

    @Test func unintelligibleDataDoNotExcuseLossOrAlteration() {
        let noBackup = BreachAssessment.evaluate(BreachScenario.named("encrypted laptop stolen, no backup"))
        #expect((noBackup.ei, noBackup.severity) == (0.25, 2))
        var serious = BreachScenario.named("encrypted laptop stolen, no backup")
        serious.seriousConsequences = true
        let assessment = BreachAssessment.evaluate(serious)
        #expect(assessment.level == .high && assessment.notifySubjects && !assessment.exceptionA)
        #expect(assessment.reasons.contains { $0.hasPrefix("Art. 34(3)(a) does not apply") })
        // Unintelligible data do not lower a breach that is not one of confidentiality.
        var ransomware = BreachScenario.named("payroll bank accounts altered")
        ransomware.unintelligible = true
        #expect(BreachAssessment.evaluate(ransomware).ei == 1)
    }

    @Test func seriousConsequencesMeanTellingTheSubjects() {
        var letter = BreachScenario.named("letter with basic data to the wrong person")
        letter.seriousConsequences = true
        let assessment = BreachAssessment.evaluate(letter)
        #expect(assessment.level == .high && assessment.notifySubjects)
        #expect(assessment.reasons.contains { $0.contains("Danish guidance") })
    }

    @Test func isDeterministicWhateverTheOrderOfTheFacts() {
        for scenario in BreachScenario.all {
            var reordered = scenario.facts
            reordered.breachTypes.reverse()
            reordered.dataCategories.reverse()
            #expect(BreachAssessment.evaluate(reordered) == BreachAssessment.evaluate(scenario.facts))
        }
    }

    @Test func reasonsHoldOnlyWordsOfTheMethod() {
        // The facts carry no personal data, and the reasons are built from fixed words and numbers.
        for scenario in BreachScenario.all {
            for reason in BreachAssessment.evaluate(scenario.facts).reasons {
                #expect(reason.unicodeScalars.allSatisfy { $0.isASCII || "×–".unicodeScalars.contains($0) })
                #expect(!reason.contains("@") && !reason.contains("\n"))
            }
        }
    }

    @Test func assessmentEncodesTheAgreedKeys() throws {
        let assessment = BreachAssessment.evaluate(BreachScenario.named("ransomware without backup"))
        let data = try JSONEncoder().encode(assessment)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "severity", "level", "notifyAuthority", "notifySubjects", "reasons", "dpc", "ei", "cb", "enisaBand",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["level"] as? String == "risk")
        #expect(object["severity"] as? Double == 1.75)
        #expect(try JSONDecoder().decode(BreachAssessment.self, from: data) == assessment)
        let veryHigh = try JSONEncoder().encode(
            BreachAssessment.evaluate(BreachScenario.named("job applicants' data exfiltrated")))
        #expect(String(decoding: veryHigh, as: UTF8.self).contains(#""enisaBand":"very-high""#))
    }
}

@Suite struct BreachFactsParsingTests {
    static let valid: [String: JSON] = [
        "breachTypes": ["confidentiality", "availability"],
        "dataCategories": ["basic", "special-category"],
        "dataSubjects": 120,
        "records": 3000,
        "vulnerableSubjects": true,
        "identifiability": "full",
        "unintelligible": false,
        "recipient": "unknown",
        "exfiltration": "ruled-out",
        "availability": "days",
        "integrity": "none",
        "malicious": true,
        "seriousConsequences": false,
    ]

    static func parse(_ object: [String: JSON]) throws -> BreachFacts {
        try BreachFacts.parse(JSON.object(object).data)
    }

    static func changed(_ key: String, to value: JSON?) -> [String: JSON] {
        var object = valid
        object[key] = value
        return object
    }

    /// The error for `json`, which must fail.
    static func error(_ json: JSON) throws -> InputError {
        try #require(throws: InputError.self) { try BreachFacts.parse(json.data) }
    }

    static func error(_ object: [String: JSON]) throws -> InputError { try error(.object(object)) }

    @Test func readsEveryKey() throws {
        let facts = try Self.parse(Self.valid)
        #expect(
            facts
                == BreachFacts(
                    breachTypes: [.confidentiality, .availability], dataCategories: [.basic, .specialCategory],
                    dataSubjects: 120, records: 3000, vulnerableSubjects: true, identifiability: .full,
                    unintelligible: false, recipient: .unknown, exfiltration: .ruledOut, availability: .days,
                    integrity: .none, malicious: true, seriousConsequences: false))
    }

    @Test func recordsAreOptionalAndValuesForgiveCase() throws {
        var object = Self.changed("records", to: nil)
        object["exfiltration"] = "ruledOut"
        object["dataCategories"] = ["Special-Category"]
        let facts = try Self.parse(object)
        #expect(facts.records == nil && facts.exfiltration == .ruledOut && facts.dataCategories == [.specialCategory])
        #expect(try Self.parse(Self.changed("records", to: .null)).records == nil)
    }

    @Test func refusesWhatIsNotAnObject() throws {
        #expect(try Self.error(JSON.array([1, 2])).message.contains("must be a JSON object, not an array"))
        #expect(try Self.error(JSON.string("facts")).message.contains("must be a JSON object, not a string"))
        let notJSON = try #require(throws: InputError.self) { try BreachFacts.parse(Data("{nope".utf8)) }
        #expect(notJSON.message == "the breach facts are not valid JSON")
    }

    @Test func unknownKeyListsTheValidKeys() throws {
        let error = try Self.error(Self.changed("colour", to: "red"))
        #expect(error.message.hasPrefix("unknown key 'colour'; valid keys: "))
        for key in BreachFacts.keys { #expect(error.message.contains(key)) }
    }

    @Test(arguments: BreachFacts.keys.filter { $0 != "records" })
    func missingKeyIsNamed(_ key: String) throws {
        let error = try Self.error(Self.changed(key, to: nil))
        #expect(error.field == key)
        #expect(error.message.hasPrefix("missing key \(key): it is required"))
    }

    @Test func unknownValueListsTheValidValues() throws {
        let error = try Self.error(Self.changed("recipient", to: "everyone"))
        #expect(error.field == "recipient")
        #expect(
            error.message
                == "unknown value 'everyone' for recipient; valid values: none, trusted, known, unknown, public")
        let category = try Self.error(Self.changed("dataCategories", to: ["basic", "health"]))
        #expect(category.field == "dataCategories")
        #expect(
            category.message.hasPrefix(
                "unknown value 'health' for dataCategories; valid values: basic, identity-number"))
    }

    @Test(
        arguments: [
            ("dataSubjects", "12", "wrong type for dataSubjects: expected a whole number of 0 or more, not a string"),
            ("malicious", 1, "wrong type for malicious: expected true or false, not a number"),
            (
                "identifiability", true,
                "wrong type for identifiability: expected one of negligible, limited, significant, full, not a boolean"
            ),
            (
                "breachTypes", "confidentiality",
                "wrong type for breachTypes: expected an array of confidentiality, integrity, availability, not a string"
            ),
            (
                "dataCategories", ["basic", 3],
                "wrong type for dataCategories: expected an array of basic, identity-number, financial, credentials, location, communication, special-category, criminal; item 2 is a number"
            ),
            ("unintelligible", .null, "wrong type for unintelligible: expected true or false, not null"),
            ("records", "many", "wrong type for records: expected a whole number of 0 or more, not a string"),
        ] as [(String, JSON, String)])
    func wrongTypeIsNamed(key: String, value: JSON, message: String) throws {
        let error = try Self.error(Self.changed(key, to: value))
        #expect(error.field == key)
        #expect(error.message == message)
    }

    @Test(
        arguments: [
            ("dataSubjects", -1, "dataSubjects must not be negative"),
            ("records", -5, "records must not be negative"),
            ("dataSubjects", 1.5, "dataSubjects must be a whole number"),
            (
                "breachTypes", [],
                "breachTypes must not be empty; give at least one of: confidentiality, integrity, availability"
            ),
            ("dataCategories", ["basic", "Basic"], "dataCategories lists basic more than once"),
        ] as [(String, JSON, String)])
    func refusesImpossibleNumbersAndLists(key: String, value: JSON, message: String) throws {
        let error = try Self.error(Self.changed(key, to: value))
        #expect(error.field == key)
        #expect(error.message == message)
    }

    @Test(
        arguments: [
            (["availability": "none"], "availability"),
            (["breachTypes": ["confidentiality"]], "availability"),
            (["integrity": "recoverable"], "integrity"),
            (["breachTypes": ["availability"]], "recipient"),
            (["breachTypes": ["availability"], "recipient": "none", "exfiltration": "possible"], "exfiltration"),
            (["recipient": "none", "exfiltration": "possible"], "recipient"),
        ] as [([String: JSON], String)])
    func refusesFactsThatContradictEachOther(changes: [String: JSON], field: String) throws {
        var object = Self.valid
        for (key, value) in changes { object[key] = value }
        let error = try Self.error(object)
        #expect(error.field == field)
        #expect(error.message.contains(field))
    }

    @Test(arguments: BreachScenario.all)
    func storedFactsRoundTrip(_ scenario: BreachScenario) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(scenario.facts)
        #expect(try BreachFacts.parse(data) == scenario.facts)
        #expect(try JSONDecoder().decode(BreachFacts.self, from: data) == scenario.facts)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(BreachFacts.keys).subtracting(scenario.facts.records == nil ? ["records"] : []))
    }

    @Test func encodesKebabCaseValues() throws {
        let facts = try Self.parse(Self.changed("dataCategories", to: ["identityNumber", "special-category"]))
        let text = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        #expect(text.contains(#""dataCategories":["identity-number","special-category"]"#))
        #expect(text.contains(#""exfiltration":"ruled-out""#))
    }
}

extension BreachScenario {
    /// The facts of the scenario called `name`.
    static func named(_ name: String) -> BreachFacts {
        guard let scenario = all.first(where: { $0.name == name }) else {
            Issue.record("no scenario \(name)")
            return BreachFacts(breachTypes: [.confidentiality], dataCategories: [.basic], dataSubjects: 0)
        }
        return scenario.facts
    }
}

extension String {
    /// "4.00" → "4.0", "1.25" → "1.25", "2.50" → "2.5": how reasons print scores.
    fileprivate var trimmingZeros: String {
        var text = self
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        return text
    }
}

/// JSON written out by hand, so that a test can put any type under any key.
enum JSON: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }

    var text: String {
        switch self {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .integer(let integer): "\(integer)"
        case .number(let number): "\(number)"
        case .string(let string):
            "\"" + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let object):
            "{"
                + object.sorted { $0.key < $1.key }.map { JSON.string($0.key).text + ":" + $0.value.text }
                .joined(separator: ",") + "}"
        }
    }

    var data: Data { Data(text.utf8) }
}
