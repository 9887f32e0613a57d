import Foundation

/// A notice in the outbox: one person is told that a case needs attention. It holds the case
/// reference, the clock and the kind of notice, never report content. Email delivery reads the
/// same outbox.
public struct Notice: Codable, Sendable, Hashable {
    public typealias ID = Int64

    public var id: ID
    public var reference: CaseReference
    public var category: Category
    public var entityID: String
    /// The entity's time zone: the notice's times are shown in it.
    public var timeZone: String
    public var kind: NoticeKind
    public var clock: ClockName?
    /// The deadline the notice is about, when it is about one.
    public var due: Date?
    public var recipient: Recipient
    public var createdAt: Date
    public var delivery: NoticeDelivery
    /// Delivery attempts so far, and the relay's last answer (or why it could not be reached).
    public var attempts: Int
    public var lastReply: String?
    public var sentAt: Date?

    public init(
        id: ID, reference: CaseReference, category: Category, entityID: String, timeZone: String, kind: NoticeKind,
        clock: ClockName?,
        due: Date?, recipient: Recipient, createdAt: Date, delivery: NoticeDelivery, attempts: Int = 0,
        lastReply: String? = nil, sentAt: Date? = nil
    ) {
        self.id = id
        self.reference = reference
        self.category = category
        self.entityID = entityID
        self.timeZone = timeZone
        self.kind = kind
        self.clock = clock
        self.due = due
        self.recipient = recipient
        self.createdAt = createdAt
        self.delivery = delivery
        self.attempts = attempts
        self.lastReply = lastReply
        self.sentAt = sentAt
    }
}

/// Where a notice is on its way to its recipient.
public enum NoticeDelivery: String, Codable, CaseIterable, Sendable {
    case pending
    case sent
    case failed
}

extension NoticeDelivery: ParsableValue {
    public static var valueKind: String { "delivery state" }
}

/// What one delivery attempt came to.
public enum DeliveryOutcome: Sendable, Hashable {
    case sent(reply: String)
    /// Try again at `next`.
    case retry(reply: String, next: Date)
    /// No more attempts: the relay refused for good, or every attempt failed.
    case failed(reply: String)
    /// The relay could not be used at all (down, silent, refusing the login or the sender): the
    /// notice is not at fault, the try does not count against it, and it waits until `next`.
    case relayUnavailable(reply: String, next: Date)

    /// The reply as kept on the notice and shown by `trustctl notices`.
    public var recordedReply: String {
        switch self {
        case .sent(let reply), .retry(let reply, _), .failed(let reply): reply
        case .relayUnavailable(let reply, _): "relay unavailable: " + reply
        }
    }
}
