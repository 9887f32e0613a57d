/// Where a case is in its handling.
public enum CaseStatus: String, Codable, CaseIterable, Sendable {
    case received
    case triaged
    case inProgress = "in-progress"
    case awaitingReporter = "awaiting-reporter"
    case resolved
    case closed
}

extension CaseStatus: ParsableValue {
    public static var valueKind: String { "status" }

    /// What an officer can set: every status but `received`, which only a new case has.
    public static let settable: [CaseStatus] = allCases.filter { $0 != .received }
}
