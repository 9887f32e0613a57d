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
    var trimmingZeros: String {
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
