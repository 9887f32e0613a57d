import Foundation

/// How likely a breach is to harm the people whose data it involves, in the words of Art. 33–34.
public enum RiskLevel: String, Codable, CaseIterable, Sendable {
    /// Unlikely to result in a risk: recorded in the breach register with the reasons (Art. 33(1), 33(5)).
    case none
    /// A risk: the authority is notified within 72 hours (Art. 33).
    case risk
    /// A high risk: the data subjects are told as well, without undue delay (Art. 34).
    case high

    /// The level in words: "unlikely to result in a risk", "a risk", "a high risk".
    public var words: String {
        switch self {
        case .none: "unlikely to result in a risk"
        case .risk: "a risk"
        case .high: "a high risk"
        }
    }
}

extension RiskLevel: ParsableValue {
    public static var valueKind: String { "risk level" }
}

/// ENISA's (2013) severity bands: under 2 low, 2 to under 3 medium, 3 to under 4 high, 4 and over very high.
public enum SeverityBand: String, Codable, CaseIterable, Sendable {
    case low
    case medium
    case high
    case veryHigh = "very-high"

    /// The band of a severity score.
    public init(severity: Double) {
        switch severity {
        case ..<2: self = .low
        case ..<3: self = .medium
        case ..<4: self = .high
        default: self = .veryHigh
        }
    }

    /// The band's name: "low", "medium", "high", "very high".
    public var name: String { self == .veryHigh ? "very high" : rawValue }

    /// The band in words with its range: "high (ENISA 3–4)".
    public var words: String {
        switch self {
        case .low: "low (ENISA under 2)"
        case .medium: "medium (ENISA 2–3)"
        case .high: "high (ENISA 3–4)"
        case .veryHigh: "very high (ENISA 4 and over)"
        }
    }
}

/// The system's recommendation on a breach: ENISA's severity (2013) of the facts, the risk level
/// after the lowering and raising factors of the guidance, and whom to notify, with a plain
/// sentence for every rule that applied. The officer decides; see `docs/assessment.md`.
///
/// The reasons never carry personal data: only kinds of data, numbers and rules.
public struct BreachAssessment: Codable, Sendable, Hashable {
    /// ENISA's SE = DPC × EI + CB, rounded to two decimals.
    public var severity: Double
    /// The risk level recommended.
    public var level: RiskLevel
    /// Whether to notify the data protection authority (Art. 33): any level but `none`.
    public var notifyAuthority: Bool
    /// Whether to tell the data subjects (Art. 34): a high risk, unless Art. 34(3)(a) applies.
    public var notifySubjects: Bool
    /// Every rule that applied, in order, as a sentence.
    public var reasons: [String]
    /// The data processing context, 1–4.
    public var dpc: Double
    /// The ease of identification, 0.25–1.
    public var ei: Double
    /// The circumstances of the breach, 0–2.
    public var cb: Double
    /// The ENISA band of `severity`.
    public var enisaBand: SeverityBand
    /// The risk is high but the data were unintelligible to whoever got them and were neither lost
    /// nor altered beyond recovery: Art. 34(3)(a) applies, so the data subjects need not be told.
    public var exceptionA: Bool
    /// The version of the method, so that a recorded assessment can be explained later.
    public var method: String

    /// The version of the method that `evaluate(_:)` applies.
    public static let currentMethod = "ENISA 2013 with Trust Center factors, v1"

    public init(
        severity: Double, level: RiskLevel, notifyAuthority: Bool, notifySubjects: Bool, reasons: [String],
        dpc: Double, ei: Double, cb: Double, enisaBand: SeverityBand, exceptionA: Bool,
        method: String = BreachAssessment.currentMethod
    ) {
        self.severity = severity
        self.level = level
        self.notifyAuthority = notifyAuthority
        self.notifySubjects = notifySubjects
        self.reasons = reasons
        self.dpc = dpc
        self.ei = ei
        self.cb = cb
        self.enisaBand = enisaBand
        self.exceptionA = exceptionA
        self.method = method
    }

    /// From this many data subjects on, a breach counts as involving large numbers.
    public static let largeNumber = 100

    /// Assesses breach facts. Pure and deterministic: the same facts give the same assessment.
    public static func evaluate(_ facts: BreachFacts) -> BreachAssessment {
        var reasons: [String] = []
        let types = Set(facts.breachTypes)
        let categories = Set(facts.dataCategories)
        // Unintelligible data protect their confidentiality only; they do not help when data are lost or altered.
        let shielded = facts.unintelligible && types.contains(.confidentiality)

        // Data processing context: the highest base score among the categories, then the context.
        let base = categories.map(baseScore).max() ?? 1
        let setting = DataCategory.allCases.filter { categories.contains($0) && baseScore($0) == base }
        let named = setting.isEmpty ? "no data category given" : setting.map(\.words).joined(separator: ", ")
        reasons.append("data processing context \(number(base)): \(named)")
        var dpc = base
        if facts.vulnerableSubjects {
            dpc = min(4, dpc + 1)
            reasons.append(
                "data processing context \(number(dpc)): +1 for vulnerable data subjects"
                    + (base + 1 > 4 ? " (at most 4)" : ""))
        }

        // Ease of identification.
        let identifiable = identification(facts.identifiability)
        var ei = identifiable
        reasons.append("ease of identification \(number(identifiable)) (\(facts.identifiability.rawValue))")
        if shielded {
            ei = 0.25
            reasons.append("ease of identification \(number(ei)): the data were unintelligible with the key safe")
        }

        // Circumstances of the breach.
        var cb = 0.0
        if types.contains(.confidentiality) {
            let score = disclosure(facts.recipient)
            if shielded {
                reasons.append("circumstances +0.0 for confidentiality: the data were unintelligible to the recipient")
            } else if facts.exfiltration == .ruledOut, facts.recipient != .known {
                // A known recipient has the data; logs can only rule out that others took them.
                reasons.append("circumstances +0.0 for confidentiality: exfiltration is ruled out")
            } else {
                cb += score
                reasons.append(
                    "circumstances +\(number(score)) for confidentiality: \(facts.recipient.words), "
                        + "exfiltration \(facts.exfiltration.rawValue)")
            }
        }
        if facts.integrity != .none {
            let score = alteration(facts.integrity)
            cb += score
            reasons.append("circumstances +\(number(score)) for integrity: data altered, \(facts.integrity.rawValue)")
        }
        if facts.availability != .none {
            let score = loss(facts.availability)
            cb += score
            reasons.append("circumstances +\(number(score)) for availability: \(facts.availability.words)")
        }
        if facts.malicious {
            cb += 0.5
            reasons.append("circumstances +0.5: malicious intent")
        }

        let severity = ((dpc * ei + cb) * 100).rounded() / 100
        let band = SeverityBand(severity: severity)
        reasons.append(
            "severity \(number(severity)) = \(number(dpc)) × \(number(ei)) + \(number(cb)) is \(band.words)")

        // Risk level: the band, then the lowering and raising factors.
        var level: RiskLevel =
            switch band {
            case .low: .none
            case .medium: .risk
            case .high, .veryHigh: .high
            }
        reasons.append("a \(band.name) severity means \(level.words)")

        // Data that reached a known recipient were disclosed to them. Data open to an unknown party
        // (an attacker) or to the public were disclosed unless logs rule exfiltration out.
        let disclosed =
            types.contains(.confidentiality) && !shielded
            && (facts.recipient == .known
                || ((facts.recipient == .unknown || facts.recipient == .public) && facts.exfiltration != .ruledOut))
        let lost = facts.availability == .days || facts.availability == .permanent
        let altered = facts.integrity != .none
        let raising = raisingFactors(facts, disclosed: disclosed)

        if facts.seriousConsequences {
            level = .high
            reasons.append(
                "the possible consequences are very serious: \(level.words), and the data subjects should be told "
                    + "even if harm seems unlikely (Danish guidance)")
        } else if !disclosed && !lost && !altered {
            if level != .none {
                level = .none
                reasons.append("lowered to \(level.words): \(lowering(facts, types: types))")
            } else {
                reasons.append("the breach had no lasting effect: \(lowering(facts, types: types))")
            }
        } else if level == .none {
            if raising.isEmpty {
                reasons.append("no raising factor applies, so it stays \(level.words)")
            } else {
                level = .risk
                reasons.append("raised to \(level.words) by \(raising.joined(separator: "; "))")
            }
        }

        // Whom to notify.
        let exceptionA = level == .high && shielded && !lost && facts.integrity != .unrecoverable
        let notifyAuthority = level != .none
        let notifySubjects = level == .high && !exceptionA
        reasons.append(
            notifyAuthority
                ? "notify the data protection authority within 72 hours of awareness (Art. 33(1))"
                : "no notification to the authority: record the breach and these reasons in the register (Art. 33(5))")
        if exceptionA {
            reasons.append(
                "the data were unintelligible with the key safe: Art. 34(3)(a) applies, data subjects need not be told")
        } else if notifySubjects {
            if shielded {
                reasons.append(
                    "Art. 34(3)(a) does not apply although the data were unintelligible: the data were also lost or "
                        + "altered beyond recovery")
            }
            reasons.append("tell the data subjects without undue delay (Art. 34(1))")
        } else {
            reasons.append("the data subjects need not be told: the risk is not high (Art. 34(1))")
        }

        return BreachAssessment(
            severity: severity, level: level, notifyAuthority: notifyAuthority, notifySubjects: notifySubjects,
            reasons: reasons, dpc: dpc, ei: ei, cb: cb, enisaBand: band, exceptionA: exceptionA)
    }

    // MARK: The tables (docs/assessment.md)

    /// ENISA's basic DPC: simple 1, behavioural 2, financial 3, sensitive 4.
    static func baseScore(_ category: DataCategory) -> Double {
        switch category {
        case .basic: 1
        case .location, .communication: 2
        case .financial, .credentials, .identityNumber: 3
        case .specialCategory, .criminal: 4
        }
    }

    static func identification(_ identifiability: BreachFacts.Identifiability) -> Double {
        switch identifiability {
        case .negligible: 0.25
        case .limited: 0.5
        case .significant: 0.75
        case .full: 1
        }
    }

    static func disclosure(_ recipient: BreachFacts.Recipient) -> Double {
        switch recipient {
        case .none, .trusted: 0
        case .known: 0.25
        case .unknown, .public: 0.5
        }
    }

    static func alteration(_ integrity: BreachFacts.IntegrityLoss) -> Double {
        switch integrity {
        case .none: 0
        case .recoverable: 0.25
        case .unrecoverable: 0.5
        }
    }

    static func loss(_ availability: BreachFacts.AvailabilityLoss) -> Double {
        switch availability {
        case .none, .hours: 0
        case .days: 0.25
        case .permanent: 0.5
        }
    }

    /// The factors of the guidance that raise a low severity to a risk once people's data were
    /// disclosed, lost or altered.
    static func raisingFactors(_ facts: BreachFacts, disclosed: Bool) -> [String] {
        let categories = Set(facts.dataCategories)
        var factors: [String] = []
        if categories.contains(.specialCategory) { factors.append("special categories of data") }
        if categories.contains(.criminal) { factors.append("data on criminal offences") }
        if categories.contains(.identityNumber) { factors.append("identity numbers") }
        if categories.contains(.financial) { factors.append("financial data") }
        if categories.contains(.credentials) { factors.append("credentials") }
        if facts.vulnerableSubjects { factors.append("vulnerable data subjects") }
        if facts.dataSubjects >= largeNumber {
            factors.append("\(facts.dataSubjects) data subjects (\(largeNumber) or more)")
        }
        if disclosed, facts.recipient == .unknown || facts.recipient == .public {
            factors.append("exfiltration to \(facts.recipient.words) not ruled out")
        }
        if facts.malicious { factors.append("malicious intent") }
        return factors
    }

    /// Why a breach had no lasting effect: the lowering factors that apply.
    static func lowering(_ facts: BreachFacts, types: Set<BreachType>) -> String {
        var factors: [String] = []
        if types.contains(.confidentiality) {
            if facts.unintelligible { factors.append("the data were unintelligible with the key safe") }
            if facts.recipient == .trusted {
                factors.append("the recipient is trusted and confirmed deletion")
            } else if facts.recipient == .none {
                factors.append("nobody outside received the data")
            }
            if facts.exfiltration == .ruledOut, facts.recipient == .unknown || facts.recipient == .public {
                factors.append("exfiltration is ruled out")
            }
        } else if facts.exfiltration == .ruledOut, facts.malicious {
            factors.append("exfiltration is ruled out")
        }
        if facts.availability == .hours { factors.append("availability was restored within hours") }
        if factors.isEmpty { factors.append("no data were disclosed, lost or altered") }
        return factors.joined(separator: "; ")
    }

    /// A score with one or two decimals, independent of locale: 1.0, 0.25, 3.75.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        if fraction == 0 { return "\(whole).0" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension DataCategory {
    /// The category in words, for reasons.
    var words: String {
        switch self {
        case .basic: "basic data"
        case .identityNumber: "identity numbers"
        case .financial: "financial data"
        case .credentials: "credentials"
        case .location: "location data"
        case .communication: "communication data"
        case .specialCategory: "special categories of data"
        case .criminal: "data on criminal offences"
        }
    }
}

extension BreachFacts.Recipient {
    fileprivate var words: String {
        switch self {
        case .none: "no recipient"
        case .trusted: "a trusted recipient"
        case .known: "known recipients"
        case .unknown: "unknown recipients"
        case .public: "the public"
        }
    }
}

extension BreachFacts.AvailabilityLoss {
    fileprivate var words: String {
        switch self {
        case .none: "not lost"
        case .hours: "restored within hours"
        case .days: "lost for days"
        case .permanent: "lost for good"
        }
    }
}
