import Foundation
import Synchronization

/// A store that keeps its records in memory, as Hummingbird's `MemoryPersistDriver` does: for
/// tests of the rules without files, and the proof that the port holds nothing of the rules.
/// A batch is applied to a copy of the tables and kept only when every write succeeded, so it
/// is all or nothing like a database transaction. Nothing survives the process.
public final class MemoryCaseStore: CaseStore {
    struct Tables {
        var cases: [Int64: CaseRecord] = [:]
        var content: [Int64: CaseContent] = [:]
        var access: [Int64: [AccessRecord]] = [:]
        var serials: [Int: Int] = [:]
        var clocks: [Int64: ClockRecord] = [:]
        var stages: [Int64: StageRecord] = [:]
        var events: [Int64: EventRecord] = [:]
        var notes: [Int64: NoteRecord] = [:]
        var messages: [Int64: MessageRecord] = [:]
        var notices: [Int64: NoticeRecord] = [:]
        var notifications: [Int64: NotificationRecord] = [:]
        var actions: [Int64: ActionRecord] = [:]
        var entities: [String: Entity] = [:]
        var officers: [Int64: OfficerCredential] = [:]
        var marks: [String: Data] = [:]
        var nextIdentifier: [RecordKind: Int64] = [:]
        var closed = false
    }

    let tables = Mutex(Tables())

    public init() {}

    public func run() async throws {}

    public func close() async {
        tables.withLock { $0.closed = true }
    }

    public func ping() async throws {
        try read { _ in }
    }

    func read<T>(_ body: (Tables) throws -> T) throws -> T {
        try tables.withLock { tables in
            guard !tables.closed else { throw MemoryStoreClosed() }
            return try body(tables)
        }
    }

    public func reserveIdentifiers(_ kind: RecordKind, count: Int) async throws -> Range<Int64> {
        try tables.withLock { tables in
            guard !tables.closed else { throw MemoryStoreClosed() }
            let first = tables.nextIdentifier[kind] ?? 1
            tables.nextIdentifier[kind] = first + Int64(count)
            return first..<(first + Int64(count))
        }
    }

    public func mark(_ name: String) async throws -> Data? {
        try read { $0.marks[name] }
    }

    // MARK: Commit

    @discardableResult
    public func commit(_ writes: [CaseWrite]) async throws -> CommitReceipt {
        try tables.withLock { tables in
            guard !tables.closed else { throw MemoryStoreClosed() }
            var copy = tables
            var receipt = CommitReceipt()
            for write in writes { try Self.apply(write, to: &copy, receipt: &receipt) }
            tables = copy
            return receipt
        }
    }

    static func apply(_ write: CaseWrite, to tables: inout Tables, receipt: inout CommitReceipt) throws {
        switch write {
        case .insertCase(var record, let content, let access):
            guard tables.cases[record.id] == nil, tables.entities[record.entityID] != nil,
                !tables.content.values.contains(where: { $0.followUpKeyHash == content.followUpKeyHash })
            else { throw StoreConflict("a new case id, a known entity and an unused follow-up key") }
            let serial = (tables.serials[record.year] ?? 0) + 1
            tables.serials[record.year] = serial
            record.reference = CaseReference(year: record.year, serial: serial)
            tables.cases[record.id] = record
            tables.content[record.id] = content
            tables.access[record.id] = access
            receipt.references[record.id] = record.reference
        case .expectVersion(let caseID, let version):
            guard tables.cases[caseID]?.version == version else {
                throw StoreConflict("case \(caseID) at version \(version)")
            }
            tables.cases[caseID]?.version += 1
        case .advanceVersion(let caseID):
            tables.cases[caseID]?.version += 1
        case .setCategory(let caseID, let category):
            try update(caseID, in: &tables) { $0.category = category }
        case .setStatus(let caseID, let status):
            try update(caseID, in: &tables) { $0.status = status }
        case .setRouting(let caseID, let routing, let restricted, let access):
            try update(caseID, in: &tables) {
                $0.routing = routing
                $0.restricted = restricted
            }
            tables.access[caseID] = access
        case .setAwareness(let caseID, let awareness):
            try update(caseID, in: &tables) { $0.awarenessAt = awareness }
        case .setHandling(let caseID, let handling):
            try update(caseID, in: &tables) { _ in }
            tables.content[caseID]?.handling = handling
        case .setUpdatedAt(let caseID, let date):
            try update(caseID, in: &tables) { $0.updatedAt = date }
        case .insertEvent(let event):
            try insert(event, id: event.id, caseID: event.caseID, into: &tables.events, tables: tables)
        case .insertNote(let note):
            try insert(note, id: note.id, caseID: note.caseID, into: &tables.notes, tables: tables)
        case .insertMessage(let message):
            try insert(message, id: message.id, caseID: message.caseID, into: &tables.messages, tables: tables)
        case .insertClock(let clock):
            try insert(clock, id: clock.id, caseID: clock.caseID, into: &tables.clocks, tables: tables)
        case .updateClock(let clock):
            guard var stored = tables.clocks[clock.id] else { throw StoreConflict("clock \(clock.id)") }
            stored.state = clock.state
            stored.startedAt = clock.startedAt
            stored.dueAt = clock.dueAt
            stored.dueDate = clock.dueDate
            stored.extended = clock.extended
            stored.pausedAt = clock.pausedAt
            stored.pausedDays = clock.pausedDays
            stored.endedAt = clock.endedAt
            tables.clocks[clock.id] = stored
        case .insertStage(let stage):
            guard tables.stages[stage.id] == nil, tables.clocks[stage.clockID] != nil else {
                throw StoreConflict("a new stage id and a known clock")
            }
            tables.stages[stage.id] = stage
        case .removeUnfiredStages(let clockID):
            tables.stages = tables.stages.filter { $0.value.clockID != clockID || $0.value.firedAt != nil }
        case .markStageFired(let stageID, let date, let error):
            guard var stage = tables.stages[stageID], stage.firedAt == nil else {
                throw StoreConflict("stage \(stageID) unfired")
            }
            stage.firedAt = date
            stage.error = error
            tables.stages[stageID] = stage
        case .insertNotice(let notice):
            try insert(notice, id: notice.id, caseID: notice.caseID, into: &tables.notices, tables: tables)
        case .insertNotification(let notification):
            try insert(
                notification, id: notification.id, caseID: notification.caseID, into: &tables.notifications,
                tables: tables)
        case .insertAction(let action):
            try insert(action, id: action.id, caseID: action.caseID, into: &tables.actions, tables: tables)
        case .completeAction(let id, let doneAt, let detail):
            guard var action = tables.actions[id], action.doneAt == nil else {
                throw StoreConflict("action \(id) open")
            }
            action.doneAt = doneAt
            action.detail = detail
            tables.actions[id] = action
        case .recordDelivery(let id, let delivery, let counts, let next, let reply, let sentAt):
            guard var notice = tables.notices[id] else { return }
            notice.delivery = delivery
            notice.attempts += counts ? 1 : 0
            notice.lastReply = reply
            notice.nextAttemptAt = next
            notice.sentAt = sentAt
            tables.notices[id] = notice
        case .postponeDeliveries(let id, let until):
            for (noticeID, notice) in tables.notices
            where notice.delivery == .pending && (notice.nextAttemptAt ?? .distantPast) < until
                && (id == nil || id == noticeID)
            {
                tables.notices[noticeID]?.nextAttemptAt = until
            }
        case .releaseClaim(let id, let dueAt):
            if tables.notices[id]?.delivery == .pending { tables.notices[id]?.nextAttemptAt = dueAt }
        case .retryNotice(let id, let date):
            guard var notice = tables.notices[id], notice.delivery == .failed else {
                throw StoreConflict("notice \(id) failed")
            }
            notice.delivery = .pending
            notice.attempts = 0
            notice.nextAttemptAt = date
            tables.notices[id] = notice
        case .upsertEntity(let entity):
            tables.entities[entity.id] = entity
        case .insertOfficer(let name, let email, let role, let tokenHash, let createdAt):
            guard
                !tables.officers.values.contains(where: {
                    $0.officer.email.lowercased() == email.lowercased() || $0.tokenHash == tokenHash
                })
            else { throw StoreConflict("an unused officer email and token") }
            let id = (tables.officers.keys.max() ?? 0) + 1
            tables.officers[id] = OfficerCredential(
                officer: Officer(id: id, name: name, email: email, role: role, createdAt: createdAt),
                tokenHash: tokenHash)
            receipt.officerIDs[email] = id
        case .revokeOfficer(let id, let date):
            if tables.officers[id]?.officer.revokedAt == nil { tables.officers[id]?.officer.revokedAt = date }
        case .setOfficerToken(let id, let tokenHash):
            guard !tables.officers.values.contains(where: { $0.tokenHash == tokenHash && $0.officer.id != id }) else {
                throw StoreConflict("an unused token")
            }
            tables.officers[id]?.tokenHash = tokenHash
        case .setMark(let name, let value):
            tables.marks[name] = value
        }
    }

    private static func update(_ caseID: Int64, in tables: inout Tables, _ change: (inout CaseRecord) -> Void) throws {
        guard var record = tables.cases[caseID] else { throw StoreConflict("case \(caseID)") }
        change(&record)
        tables.cases[caseID] = record
    }

    private static func insert<Record>(
        _ record: Record, id: Int64, caseID: Int64, into table: inout [Int64: Record], tables: Tables
    ) throws {
        guard table[id] == nil, tables.cases[caseID] != nil else {
            throw StoreConflict("a new row id and a known case")
        }
        table[id] = record
    }
}

/// The memory store was closed.
struct MemoryStoreClosed: Error, CustomStringConvertible {
    var description: String { "the store is closed" }
}
