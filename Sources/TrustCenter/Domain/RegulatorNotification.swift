import Foundation

/// A notification of a breach to the data protection authority, as the officer recorded it.
/// Art. 33(4) allows it in stages: an initial one, supplements, and a final one.
public struct RegulatorNotification: Codable, Sendable, Hashable {
    public var stage: NotificationStage
    /// When the authority was notified.
    public var notifiedAt: Date
    public var authority: String
    /// The authority's reference (case number) for the notification.
    public var authorityReference: String
    /// Art. 33(1): a notification after 72 hours states the reasons for the delay.
    public var lateReason: String?
    public var recordedBy: OfficerSummary

    public init(
        stage: NotificationStage, notifiedAt: Date, authority: String, authorityReference: String,
        lateReason: String?, recordedBy: OfficerSummary
    ) {
        self.stage = stage
        self.notifiedAt = notifiedAt
        self.authority = authority
        self.authorityReference = authorityReference
        self.lateReason = lateReason
        self.recordedBy = recordedBy
    }
}

/// The stages of a notification to the authority.
public enum NotificationStage: String, Codable, CaseIterable, Sendable {
    case initial
    /// Art. 33(4): what is new or changed since the last notice.
    case supplement
    case final
}

extension NotificationStage: ParsableValue {
    public static var valueKind: String { "stage" }
}
