import Foundation

/// Cases by clear columns, newest received first (then highest id), one page and the total.
public struct CaseRecordQuery: Sendable, Hashable {
    public var access: AccessFilter
    public var status: CaseStatus?
    public var category: Category?
    public var entityID: String?
    public var limit: Int
    public var offset: Int

    public init(
        access: AccessFilter, status: CaseStatus?, category: Category?, entityID: String?, limit: Int, offset: Int
    ) {
        self.access = access
        self.status = status
        self.category = category
        self.entityID = entityID
        self.limit = limit
        self.offset = offset
    }
}

/// A position in the running clocks' order (due time, then clock id): a page starts after it.
public struct ClockPosition: Sendable, Hashable, Codable {
    public var due: Date
    public var clockID: Int64

    public init(due: Date, clockID: Int64) {
        self.due = due
        self.clockID = clockID
    }
}

/// Running and paused clocks due before `dueBefore`, soonest first (then lowest clock id),
/// after `after` when given, skipping `offset`, at most `limit`.
public struct ClockRecordQuery: Sendable, Hashable {
    public var access: AccessFilter
    public var dueBefore: Date
    public var after: ClockPosition?
    public var offset: Int
    public var limit: Int

    public init(access: AccessFilter, dueBefore: Date, after: ClockPosition?, offset: Int, limit: Int) {
        self.access = access
        self.dueBefore = dueBefore
        self.after = after
        self.offset = offset
        self.limit = limit
    }
}

/// Notices addressed to `recipientKey`, or with `alsoVisible` also those of the cases it
/// allows, optionally in one delivery state, newest (highest id) first.
public struct NoticeRecordQuery: Sendable, Hashable {
    public var recipientKey: Data
    public var alsoVisible: AccessFilter?
    public var delivery: NoticeDelivery?
    public var limit: Int

    public init(recipientKey: Data, alsoVisible: AccessFilter?, delivery: NoticeDelivery?, limit: Int) {
        self.recipientKey = recipientKey
        self.alsoVisible = alsoVisible
        self.delivery = delivery
        self.limit = limit
    }
}

/// A clock, a notice or an action with the case it belongs to.
public struct WithCase<Record: Sendable & Hashable>: Sendable, Hashable {
    public var record: Record
    public var caseRecord: CaseRecord

    public init(_ record: Record, of caseRecord: CaseRecord) {
        self.record = record
        self.caseRecord = caseRecord
    }
}

/// A stage that is due, with what firing it needs: its clock, its case, and for an action's
/// clock the action (whose owner it may tell).
public struct DueStage: Sendable, Hashable {
    public var stage: StageRecord
    public var clock: ClockRecord
    public var caseRecord: CaseRecord
    public var action: ActionRecord?

    public init(stage: StageRecord, clock: ClockRecord, caseRecord: CaseRecord, action: ActionRecord?) {
        self.stage = stage
        self.clock = clock
        self.caseRecord = caseRecord
        self.action = action
    }
}

/// The stages a sweep found due: those it could read, and those whose rows it could not (a
/// damaged or newer value), which the core marks failed so that they never block a sweep.
public struct DueStages: Sendable, Hashable {
    public var stages: [DueStage]
    public var unreadable: [UnreadableStage]

    public init(stages: [DueStage], unreadable: [UnreadableStage] = []) {
        self.stages = stages
        self.unreadable = unreadable
    }

    public var count: Int { stages.count + unreadable.count }
}

/// A due stage whose row cannot be read back, and why (naming a column, never content).
public struct UnreadableStage: Sendable, Hashable {
    public var stageID: Int64
    public var caseID: Int64
    public var problem: String

    public init(stageID: Int64, caseID: Int64, problem: String) {
        self.stageID = stageID
        self.caseID = caseID
        self.problem = problem
    }
}
