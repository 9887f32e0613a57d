import Foundation

/// Where the check of a rights requester's identity stands (Art. 12(6)).
public enum IdentityStatus: String, Codable, CaseIterable, Sendable {
    case unverified
    /// More information was asked for; the rights-request clock stands still meanwhile.
    case informationRequested = "information-requested"
    case verified
}

extension IdentityStatus: ParsableValue {
    public static var valueKind: String { "identity status" }
}

/// How a rights request was answered (Art. 12(3) and 12(4)).
public enum RightsOutcome: String, Codable, CaseIterable, Sendable {
    case fulfilled
    case partially
    /// Art. 12(4): no action taken; the requester is told why and of their right to complain
    /// to the authority and to go to court.
    case refused

    /// Whether the requester must be told of the reasons and their remedies (Art. 12(4)).
    public var needsRemedies: Bool { self != .fulfilled }
}

extension RightsOutcome: ParsableValue {
    public static var valueKind: String { "outcome" }
}

/// The answer to a rights request, as recorded.
public struct RightsAnswer: Codable, Sendable, Hashable {
    public var outcome: RightsOutcome
    public var reason: String
    public var answeredAt: Date
    public var answeredBy: OfficerSummary

    public init(outcome: RightsOutcome, reason: String, answeredAt: Date, answeredBy: OfficerSummary) {
        self.outcome = outcome
        self.reason = reason
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
    }
}
