import Foundation

/// Where records are kept: the thin port between the core and a database. The embedded default
/// is the SQLite store; `MemoryCaseStore` keeps records in memory for tests, and a PostgreSQL
/// store implements the same port. Every rule (routing, who a stage tells, repeats, replanning,
/// status moves, visibility, sealing and every event) is the core's (`CaseLedger`): a store is
/// handed finished, sealed records and never calls back into rules. One conformance suite runs
/// against every store.
///
/// Errors above the store are neutral: `StoreConflict` (a condition of a batch did not hold,
/// try again), `StoreUnavailable` (nothing can be written now), `RowError` (a stored value
/// cannot be read back), and the store's own errors only for what the caller cannot act on.
public protocol CaseStore: Sendable {
    /// Runs the store until it is cancelled, for a store that keeps connections open; returns
    /// at once for one that needs nothing running.
    func run() async throws

    /// Applies the writes in order, in one transaction: all of them are durable when it returns,
    /// or none is kept.
    @discardableResult
    func commit(_ writes: [CaseWrite]) async throws -> CommitReceipt

    /// Reserves `count` identifiers for rows of `kind` that no other caller, in this process or
    /// any other on the same database, ever gets, before or after a restart.
    func reserveIdentifiers(_ kind: RecordKind, count: Int) async throws -> Range<Int64>

    // MARK: Cases

    /// Every record of the case, or nil when there is none.
    func storedCase(_ reference: CaseReference) async throws -> StoredCase?

    /// The case's clear columns and access rows, without opening or reading its content.
    func caseRecord(_ reference: CaseReference) async throws -> (CaseRecord, [AccessRecord])?

    /// The case whose follow-up key has this keyed hash.
    func caseReference(followUpKeyHash: Data) async throws -> CaseReference?

    /// One page of cases and how many match in all.
    func caseRecords(_ query: CaseRecordQuery) async throws -> (records: [CaseRecord], total: Int)

    /// The breach cases the filter allows whose awareness time (or else receipt) lies in
    /// [from, until), oldest first, at most `limit`.
    func breachReferences(access: AccessFilter, from: Date, until: Date, limit: Int) async throws -> [CaseReference]

    /// Cases stored before routing existed (no sealed routing).
    func unroutedCases() async throws -> [CaseReference]

    /// The entity ids that cases refer to.
    func entityIDsInUse() async throws -> Set<String>

    // MARK: Clocks and stages

    func clockRecords(_ query: ClockRecordQuery) async throws -> [WithCase<ClockRecord>]

    /// Unfired stages of running clocks due at `now`, oldest first (then lowest id), at most
    /// `limit`. Firing one is a batch with `markStageFired`, which conflicts when another
    /// writer fired it first: a stage fires exactly once, with any number of writers. A row that
    /// cannot be read comes back as unreadable, so that it is marked and never blocks a sweep.
    func dueStages(at now: Date, limit: Int) async throws -> DueStages

    /// When the next unfired stage of a running clock is due.
    func nextStageTime() async throws -> Date?

    // MARK: Actions

    /// Open actions of the cases the filter allows, due before `dueBefore`, soonest first.
    func openActions(access: AccessFilter, dueBefore: Date, limit: Int) async throws -> [WithCase<ActionRecord>]

    /// The action with its case, when the filter allows the case.
    func action(_ id: Int64, access: AccessFilter) async throws -> WithCase<ActionRecord>?

    // MARK: Outbox

    func noticeRecords(_ query: NoticeRecordQuery) async throws -> [WithCase<NoticeRecord>]

    /// The notice, when it is addressed to `recipientKey` or the filter allows its case.
    func notice(_ id: Int64, recipientKey: Data, access: AccessFilter) async throws -> WithCase<NoticeRecord>?

    /// Claims pending notices due at `now`, oldest first, at most `limit`: each is held back
    /// until `leaseUntil` in the same step, so a second sender (in this process or another)
    /// claims other notices, and one whose sender died is claimed again after its lease.
    func claimNotices(at now: Date, leaseUntil: Date, limit: Int) async throws -> [WithCase<NoticeRecord>]

    /// When the next pending notice is due for an attempt.
    func nextDeliveryTime() async throws -> Date?

    // MARK: Officers and marks

    func officers() async throws -> [OfficerCredential]
    func officer(email: String) async throws -> OfficerCredential?
    func officer(tokenHash: Data) async throws -> OfficerCredential?

    /// A value of the store's own notes (`setMark`).
    func mark(_ name: String) async throws -> Data?

    // MARK: Health

    /// Succeeds when the store can answer a query and its writes work: the health check.
    /// Throws `StoreUnavailable` while writes fail (until one succeeds again).
    func ping() async throws

    /// Flushes and closes. Later calls fail.
    func close() async
}
