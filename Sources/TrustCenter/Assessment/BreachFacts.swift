import Foundation

/// Which security property a personal data breach broke (EDPB 01/2021, after ISO 27001); a breach
/// can break several.
public enum BreachType: String, Codable, CaseIterable, Sendable {
    /// Disclosure of, or access to, personal data by someone not entitled to it.
    case confidentiality
    /// Alteration of personal data.
    case integrity
    /// Loss of access to, or destruction of, personal data, also temporary.
    case availability
}

extension BreachType: ParsableValue {
    public static var valueKind: String { "breach type" }
}

/// A kind of personal data involved in a breach. It sets the data processing context (DPC) of
/// the ENISA severity method; see `docs/assessment.md`.
public enum DataCategory: String, Codable, CaseIterable, Sendable {
    /// Simple data: name, contact details, date of birth, education, work history.
    case basic
    /// National identity numbers (personnummer, fødselsnummer, CPR), passport numbers.
    case identityNumber = "identity-number"
    /// Income, account numbers, card data, transactions, debts, social benefits.
    case financial
    /// User names with passwords or other secrets that open an account.
    case credentials
    /// Where a person is or was: positions, travel, entry logs.
    case location
    /// What a person said or wrote to whom: message content, call and traffic data.
    case communication
    /// Art. 9 data: health, ethnic origin, religion, politics, trade union, sex life, genetics, biometrics.
    case specialCategory = "special-category"
    /// Art. 10 data: criminal convictions and offences.
    case criminal
}

extension DataCategory: ParsableValue {
    public static var valueKind: String { "data category" }
}

/// What an officer establishes about a breach, in closed values: the input of the assessment
/// (`BreachAssessment.evaluate(_:)`). It holds no personal data, only kinds and numbers.
///
/// `parse(_:)` reads it from JSON with messages that name the key at fault; the `Codable`
/// encoding uses the same keys and values, so stored facts read back unchanged.
public struct BreachFacts: Codable, Sendable, Hashable {
    /// What the security properties broken are; at least one, each once.
    public var breachTypes: [BreachType]
    /// The kinds of personal data involved; at least one, each once.
    public var dataCategories: [DataCategory]
    /// The approximate number of people whose data are involved.
    public var dataSubjects: Int
    /// The approximate number of records involved, when known (Art. 33(3)(a)); not scored.
    public var records: Int?
    /// Children, patients, employees in a dependent position, or others less able to protect themselves.
    public var vulnerableSubjects: Bool
    /// How easily the people can be identified from the data.
    public var identifiability: Identifiability
    /// The data were unintelligible to whoever got them (state-of-the-art encryption or hashing)
    /// and the key was not compromised.
    public var unintelligible: Bool
    /// Who got, or may have got, the data.
    public var recipient: Recipient
    /// Whether the data were in fact taken or read by whoever got access.
    public var exfiltration: Exfiltration
    /// How long the data were, or are, unavailable.
    public var availability: AvailabilityLoss
    /// Whether the data were altered, and whether the correct data can be restored.
    public var integrity: IntegrityLoss
    /// The breach was caused on purpose (an attack, theft, an insider taking data), not by mistake.
    public var malicious: Bool
    /// The possible consequences are very serious: identity fraud, financial loss, interrupted
    /// health care, physical danger, discrimination.
    public var seriousConsequences: Bool

    /// How easily the people can be identified from the data (ENISA's ease of identification).
    public enum Identifiability: String, Codable, CaseIterable, Sendable {
        /// Hardly possible, even with much effort.
        case negligible
        /// Possible only with other data or much effort (a common first name, a pseudonym).
        case limited
        /// Possible with some effort (a name and a town, an email address).
        case significant
        /// Direct (a full name with an address, an identity number, a photo).
        case full
    }

    /// Who got, or may have got, the data.
    public enum Recipient: String, Codable, CaseIterable, Sendable {
        /// Nobody outside those entitled to the data.
        case none
        /// A recipient bound to confidentiality (a colleague, a processor, a partner) who confirmed
        /// deleting or returning the data.
        case trusted
        /// A known number of identified recipients, not bound or not confirmed.
        case known
        /// An unknown number of recipients, or unknown ones (a thief, an attacker, a finder).
        case unknown
        /// Anyone: published on the internet or in print.
        case `public`
    }

    /// Whether the data were in fact taken or read.
    public enum Exfiltration: String, Codable, CaseIterable, Sendable {
        /// Evidence (logs, forensics, the device back unopened) shows nobody read or copied the data.
        case ruledOut = "ruled-out"
        /// It cannot be ruled out.
        case possible
        /// The data were read or copied.
        case confirmed
    }

    /// How long the data were, or are, unavailable.
    public enum AvailabilityLoss: String, Codable, CaseIterable, Sendable {
        case none
        /// Restored within hours (from a backup, for example).
        case hours
        /// Unavailable for days, or restored only with effort.
        case days
        /// Lost for good: no backup, and the people cannot provide the data again.
        case permanent
    }

    /// Whether the data were altered.
    public enum IntegrityLoss: String, Codable, CaseIterable, Sendable {
        case none
        /// Altered, but the correct data can be restored.
        case recoverable
        /// Altered, and the correct data cannot be restored.
        case unrecoverable
    }

    public init(
        breachTypes: [BreachType], dataCategories: [DataCategory], dataSubjects: Int, records: Int? = nil,
        vulnerableSubjects: Bool = false, identifiability: Identifiability = .full, unintelligible: Bool = false,
        recipient: Recipient = .none, exfiltration: Exfiltration = .ruledOut, availability: AvailabilityLoss = .none,
        integrity: IntegrityLoss = .none, malicious: Bool = false, seriousConsequences: Bool = false
    ) {
        self.breachTypes = breachTypes
        self.dataCategories = dataCategories
        self.dataSubjects = dataSubjects
        self.records = records
        self.vulnerableSubjects = vulnerableSubjects
        self.identifiability = identifiability
        self.unintelligible = unintelligible
        self.recipient = recipient
        self.exfiltration = exfiltration
        self.availability = availability
        self.integrity = integrity
        self.malicious = malicious
        self.seriousConsequences = seriousConsequences
    }
}

extension BreachFacts.Identifiability: ParsableValue {
    public static var valueKind: String { "identifiability" }
}

extension BreachFacts.Recipient: ParsableValue {
    public static var valueKind: String { "recipient" }
}

extension BreachFacts.Exfiltration: ParsableValue {
    public static var valueKind: String { "exfiltration" }
}

extension BreachFacts.AvailabilityLoss: ParsableValue {
    public static var valueKind: String { "availability" }
}

extension BreachFacts.IntegrityLoss: ParsableValue {
    public static var valueKind: String { "integrity" }
}
