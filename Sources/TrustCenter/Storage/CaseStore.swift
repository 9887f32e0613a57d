import Foundation

/// Where cases, officers and entities are kept. The embedded default is `SQLiteCaseStore`; a
/// PostgreSQL store would implement the same protocol.
///
/// A store seals report content before it is written (see `Sealer`) and applies each change
/// together with its event in one transaction. Rules about what may change live in the core
/// (`CaseChange.event(for:)`), so every store enforces the same ones.
public protocol CaseStore: Sendable {
    /// Makes the stored entities match the configured ones (added or updated; never deleted,
    /// because cases refer to them). Throws `ConfigurationMismatch` when cases belong to an
    /// entity the configuration no longer lists.
    func syncEntities(_ entities: [Entity]) async throws

    /// Corrective actions on the cases the query's viewer may see, soonest due first.
    func actions(matching query: ActionQuery) async throws -> [CorrectiveAction]

    /// The case an action belongs to; `NotFoundError` when the viewer may not see it.
    func actionCase(_ id: CorrectiveAction.ID, for viewer: CaseViewer) async throws -> CaseReference

    /// The breach cases for the register (Art. 33(5)) that the viewer may see, oldest first, as
    /// changes see them: without the report, the reporter, messages or notes.
    func breaches(matching query: RegisterQuery) async throws -> [CaseState]

    /// Stores a new case with its `received` event and gives it the next reference of its year.
    func createCase(_ intake: CaseIntake) async throws -> CaseSummary

    /// One page of the cases the query's viewer may see, newest first.
    func cases(matching query: CaseQuery) async throws -> CasePage

    /// The whole case, opened. Throws `NotFoundError` when there is no such case or `viewer` may
    /// not see it: the two look the same.
    func caseFile(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseFile

    /// What is kept in clear about the case (no report content is opened), on the same terms.
    func caseSummary(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseSummary

    /// Applies an officer's change with `CaseChange.update(for:rules:by:at:)` and records its
    /// events, atomically, together with the notices of any stage that falls due at once. Throws
    /// `InputError` when the rules refuse the change; then nothing is written.
    func apply(
        _ change: CaseChange, to reference: CaseReference, by officer: OfficerSummary, viewer: CaseViewer,
        at date: Date
    ) async throws -> CaseFile

    /// The running clocks the viewer may see, soonest due first.
    func deadlines(matching query: DeadlineQuery) async throws -> DeadlinePage

    /// Fires every stage that is due at `now` and not yet fired, oldest first, at most `limit`:
    /// each one's notices go into the outbox and the stage is marked fired in one transaction,
    /// so a stage fires exactly once. Returns how many stages fired.
    func fireDueStages(at now: Date, limit: Int) async throws -> Int

    /// When the next unfired stage falls due, if any.
    func nextStageTime() async throws -> Date?

    /// The notices addressed to the viewer, newest first; with `delivery == .failed`, also the
    /// failed notices of the cases the viewer may see (a failed notice is itself an alert).
    func notices(matching query: NoticeQuery) async throws -> [Notice]

    /// Pending notices whose next attempt is due at `now`, oldest first, with recipients opened.
    func noticesToDeliver(at now: Date, limit: Int) async throws -> [Notice]

    /// Records a delivery attempt.
    func recordDelivery(of id: Notice.ID, _ outcome: DeliveryOutcome, at now: Date) async throws

    /// Makes pending notices due before `until` wait until then, without counting an attempt:
    /// one notice (claimed before its send, so that a send whose result cannot be recorded is not
    /// repeated at once), or every due one (the relay is unavailable).
    func postponeDeliveries(of id: Notice.ID?, until: Date) async throws

    /// Puts a failed notice back in the queue for an attempt now. Throws `NotFoundError` when the
    /// viewer may not see it, `InputError` when it has not failed.
    func retryNotice(_ id: Notice.ID, for viewer: CaseViewer, at now: Date) async throws -> Notice

    /// When the next pending notice is due for an attempt.
    func nextDeliveryTime() async throws -> Date?

    /// The case whose follow-up key has this keyed hash.
    func caseReference(followUpKeyHash: Data) async throws -> CaseReference?

    /// Records the reporter's message and its event, atomically. A case that was waiting for the
    /// reporter goes back to in progress.
    func addReporterMessage(_ text: String, to reference: CaseReference, at date: Date) async throws -> CaseFile

    func addOfficer(_ officer: NewOfficer) async throws -> Officer
    func officers() async throws -> [Officer]
    func officer(email: String) async throws -> Officer?
    /// The officer whose token has this keyed hash, with the stored hash for a constant-time check.
    func credential(tokenHash: Data) async throws -> OfficerCredential?
    func revokeOfficer(email: String, at date: Date) async throws -> Officer
    /// Gives an active officer a new token hash; the old token stops working at once.
    func replaceToken(email: String, tokenHash: Data) async throws -> Officer

    /// Succeeds when the store can answer a query and its writes work: the health check. Throws
    /// `StoreUnavailable` while writes fail (until one succeeds again).
    func ping() async throws

    /// Flushes and closes. Later calls fail.
    func close() async
}

/// A new case as the intake has prepared it: validated, classified, and with the follow-up
/// key already hashed.
public struct CaseIntake: Sendable {
    public var category: Category
    public var entityID: String
    public var receivedAt: Date
    /// The year the reference is numbered in (the receipt year in the entity's time zone).
    public var year: Int
    public var followUpKeyHash: Data
    public var report: Report
    public var reporter: Reporter
    public var routing: Routing
    public var urgent: Bool
    /// When the organisation knew, when the report shows that was before receipt.
    public var awarenessAt: Date?
    public var clocks: [ClockPlan]
    /// The handling record it starts with: the reporter's language, a rights request's identity check.
    public var handling: CaseHandling

    public init(
        category: Category, entityID: String, receivedAt: Date, year: Int,
        followUpKeyHash: Data, report: Report, reporter: Reporter, routing: Routing, urgent: Bool,
        awarenessAt: Date?, clocks: [ClockPlan], handling: CaseHandling = CaseHandling()
    ) {
        self.category = category
        self.entityID = entityID
        self.receivedAt = receivedAt
        self.year = year
        self.followUpKeyHash = followUpKeyHash
        self.report = report
        self.reporter = reporter
        self.routing = routing
        self.urgent = urgent
        self.awarenessAt = awarenessAt
        self.clocks = clocks
        self.handling = handling
    }
}

/// Who is looking at cases. An officer sees the cases they own or handle; an auditor also reads
/// every case that is not restricted (whistleblowing, or a report about someone who would get it).
public enum CaseViewer: Sendable, Hashable {
    case officer(email: String, readsUnrestricted: Bool)
    /// Trust Center itself, and a reporter through their follow-up key, which opens only their case.
    case system
}

extension Officer {
    /// The officer as a viewer of cases.
    public var viewer: CaseViewer { .officer(email: email, readsUnrestricted: role == .auditor) }
}

/// A new officer, with the keyed hash of the token that was generated for them.
public struct NewOfficer: Sendable {
    public var name: String
    public var email: String
    public var role: OfficerRole
    public var tokenHash: Data
    public var createdAt: Date

    public init(name: String, email: String, role: OfficerRole, tokenHash: Data, createdAt: Date) {
        self.name = name
        self.email = email
        self.role = role
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}

/// An officer and the stored hash of their token.
public struct OfficerCredential: Sendable {
    public var officer: Officer
    public var tokenHash: Data

    public init(officer: Officer, tokenHash: Data) {
        self.officer = officer
        self.tokenHash = tokenHash
    }
}
