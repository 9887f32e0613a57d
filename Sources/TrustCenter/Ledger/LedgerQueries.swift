import Foundation

/// Which cases to list, and which page.
public struct CaseQuery: Sendable, Hashable {
    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public var viewer: CaseViewer
    public var status: CaseStatus?
    public var category: Category?
    public var entityID: String?
    public var limit: Int
    public var offset: Int

    public init(
        viewer: CaseViewer, status: CaseStatus? = nil, category: Category? = nil, entityID: String? = nil,
        limit: Int = CaseQuery.defaultLimit, offset: Int = 0
    ) {
        self.viewer = viewer
        self.status = status
        self.category = category
        self.entityID = entityID
        self.limit = limit
        self.offset = offset
    }
}

/// A page of cases and how many match in all.
public struct CasePage: Codable, Sendable, Hashable {
    public var cases: [CaseSummary]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(cases: [CaseSummary], total: Int, limit: Int, offset: Int) {
        self.cases = cases
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}

/// Which running clocks to list, and which page.
public struct DeadlineQuery: Sendable, Hashable {
    public static let maximumLimit = 1000
    public static let defaultLimit = 200

    public var viewer: CaseViewer
    /// Only clocks past due at `now`.
    public var overdueOnly: Bool
    public var now: Date
    public var limit: Int
    public var offset: Int

    public init(
        viewer: CaseViewer, overdueOnly: Bool = false, now: Date, limit: Int = DeadlineQuery.defaultLimit,
        offset: Int = 0
    ) {
        self.viewer = viewer
        self.overdueOnly = overdueOnly
        self.now = now
        self.limit = limit
        self.offset = offset
    }
}

/// A page of running clocks, and whether more follow.
public struct DeadlinePage: Codable, Sendable, Hashable {
    public var deadlines: [DeadlineEntry]
    public var more: Bool

    public init(deadlines: [DeadlineEntry], more: Bool) {
        self.deadlines = deadlines
        self.more = more
    }
}

/// Which notices to list: those addressed to the viewer, optionally in one delivery state.
public struct NoticeQuery: Sendable, Hashable {
    public static let maximumLimit = 500

    public var recipientEmail: String
    public var viewer: CaseViewer
    public var delivery: NoticeDelivery?
    public var limit: Int

    public init(recipientEmail: String, viewer: CaseViewer? = nil, delivery: NoticeDelivery? = nil, limit: Int = 100) {
        self.recipientEmail = recipientEmail
        self.viewer = viewer ?? .officer(email: recipientEmail, readsUnrestricted: false)
        self.delivery = delivery
        self.limit = limit
    }
}

/// Which corrective actions to list: the open ones, or only the overdue ones, soonest due first.
public struct ActionQuery: Sendable, Hashable {
    public static let maximumLimit = 1000

    public var viewer: CaseViewer
    public var overdueOnly: Bool
    public var now: Date
    public var limit: Int

    public init(viewer: CaseViewer, overdueOnly: Bool, now: Date, limit: Int) {
        self.viewer = viewer
        self.overdueOnly = overdueOnly
        self.now = now
        self.limit = limit
    }
}

/// Which breaches go into a register export: those the organisation became aware of in
/// [from, until), or all.
public struct RegisterQuery: Sendable, Hashable {
    /// More than any one organisation's breaches in the periods exported; a bound all the same.
    public static let maximumEntries = 100_000

    public var viewer: CaseViewer
    public var from: Date?
    public var until: Date?

    public init(viewer: CaseViewer, from: Date?, until: Date?) {
        self.viewer = viewer
        self.from = from
        self.until = until
    }
}
