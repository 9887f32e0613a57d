import Foundation

/// Reading records back, with the orders and conditions the port documents.
extension MemoryCaseStore {
    private func caseID(_ reference: CaseReference, in tables: Tables) -> Int64? {
        tables.cases.values.first { $0.reference == reference }?.id
    }

    private func allows(_ access: AccessFilter, _ caseID: Int64, in tables: Tables) -> Bool {
        guard let record = tables.cases[caseID] else { return false }
        return access.allows(restricted: record.restricted, access: tables.access[caseID] ?? [])
    }

    public func storedCase(_ reference: CaseReference) async throws -> StoredCase? {
        try read { tables in
            guard let id = caseID(reference, in: tables), let record = tables.cases[id],
                let content = tables.content[id]
            else { return nil }
            let clocks = tables.clocks.values.filter { $0.caseID == id }.sorted { $0.id < $1.id }
            let clockIDs = Set(clocks.map(\.id))
            let events = tables.events.values.filter { $0.caseID == id }.sorted { $0.id < $1.id }
            let notes = tables.notes.values.filter { $0.caseID == id }.sorted { $0.id < $1.id }
            let messages = tables.messages.values.filter { $0.caseID == id }.sorted { $0.id < $1.id }
            let notifications = tables.notifications.values.filter { $0.caseID == id }
                .sorted { ($0.notifiedAt, $0.id) < ($1.notifiedAt, $1.id) }
            let named = Set(
                events.compactMap(\.actor.officerID) + notes.map(\.officerID) + messages.compactMap(\.officerID)
                    + notifications.map(\.officerID))
            return StoredCase(
                record: record, content: content, access: tables.access[id] ?? [], clocks: clocks,
                stages: tables.stages.values.filter { clockIDs.contains($0.clockID) }
                    .sorted { ($0.at, $0.id) < ($1.at, $1.id) },
                events: events, notes: notes, messages: messages, notifications: notifications,
                actions: tables.actions.values.filter { $0.caseID == id }.sorted { $0.id < $1.id },
                officers: Dictionary(
                    uniqueKeysWithValues: named.compactMap { id in
                        tables.officers[id].map {
                            (id, OfficerSummary(id: id, name: $0.officer.name, email: $0.officer.email))
                        }
                    }))
        }
    }

    public func caseRecord(_ reference: CaseReference) async throws -> (CaseRecord, [AccessRecord])? {
        try read { tables in
            guard let id = caseID(reference, in: tables), let record = tables.cases[id] else { return nil }
            return (record, tables.access[id] ?? [])
        }
    }

    public func caseReference(followUpKeyHash: Data) async throws -> CaseReference? {
        try read { tables in
            tables.content.first { $0.value.followUpKeyHash == followUpKeyHash }.flatMap {
                tables.cases[$0.key]?.reference
            }
        }
    }

    public func caseRecords(_ query: CaseRecordQuery) async throws -> (records: [CaseRecord], total: Int) {
        try read { tables in
            let matching = tables.cases.values.filter { record in
                (query.status == nil || record.status == query.status)
                    && (query.category == nil || record.category == query.category)
                    && (query.entityID == nil || record.entityID == query.entityID)
                    && allows(query.access, record.id, in: tables)
            }
            .sorted { ($0.receivedAt, $0.id) > ($1.receivedAt, $1.id) }
            return (Array(matching.dropFirst(query.offset).prefix(query.limit)), matching.count)
        }
    }

    public func breachReferences(access: AccessFilter, from: Date, until: Date, limit: Int) async throws
        -> [CaseReference]
    {
        try read { tables in
            tables.cases.values.filter { record in
                let aware = record.awarenessAt ?? record.receivedAt
                return record.category == .breach && aware >= from && aware < until
                    && allows(access, record.id, in: tables)
            }
            .sorted { ($0.awarenessAt ?? $0.receivedAt, $0.id) < ($1.awarenessAt ?? $1.receivedAt, $1.id) }
            .prefix(limit).compactMap(\.reference)
        }
    }

    public func unroutedCases() async throws -> [CaseReference] {
        try read { tables in
            tables.cases.values.filter { $0.routing == nil }.sorted { $0.id < $1.id }.compactMap(\.reference)
        }
    }

    public func entityIDsInUse() async throws -> Set<String> {
        try read { Set($0.cases.values.map(\.entityID)) }
    }

    public func clockRecords(_ query: ClockRecordQuery) async throws -> [WithCase<ClockRecord>] {
        try read { tables in
            tables.clocks.values.filter { clock in
                clock.state.isRunning && clock.dueAt < query.dueBefore
                    && query.after.map { (clock.dueAt, clock.id) > ($0.due, $0.clockID) } ?? true
                    && allows(query.access, clock.caseID, in: tables)
            }
            .sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
            .dropFirst(query.offset).prefix(query.limit)
            .compactMap { record in tables.cases[record.caseID].map { WithCase(record, of: $0) } }
        }
    }

    public func dueStages(at now: Date, limit: Int) async throws -> DueStages {
        try read { tables in
            DueStages(
                stages: tables.stages.values.filter { stage in
                    stage.firedAt == nil && stage.at <= now && tables.clocks[stage.clockID]?.state == .running
                }
                .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
                .prefix(limit)
                .compactMap { stage in
                    guard let clock = tables.clocks[stage.clockID], let caseRecord = tables.cases[clock.caseID] else {
                        return nil
                    }
                    return DueStage(
                        stage: stage, clock: clock, caseRecord: caseRecord,
                        action: clock.actionID.flatMap { tables.actions[$0] })
                })
        }
    }

    public func nextStageTime() async throws -> Date? {
        try read { tables in
            tables.stages.values.filter { $0.firedAt == nil && tables.clocks[$0.clockID]?.state == .running }
                .map(\.at).min()
        }
    }

    public func openActions(access: AccessFilter, dueBefore: Date, limit: Int) async throws
        -> [WithCase<ActionRecord>]
    {
        try read { tables in
            tables.actions.values.filter {
                $0.doneAt == nil && $0.dueAt < dueBefore && allows(access, $0.caseID, in: tables)
            }
            .sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }.prefix(limit)
            .compactMap { record in tables.cases[record.caseID].map { WithCase(record, of: $0) } }
        }
    }

    public func action(_ id: Int64, access: AccessFilter) async throws -> WithCase<ActionRecord>? {
        try read { tables in
            guard let action = tables.actions[id], allows(access, action.caseID, in: tables) else { return nil }
            return tables.cases[action.caseID].map { WithCase(action, of: $0) }
        }
    }

    public func noticeRecords(_ query: NoticeRecordQuery) async throws -> [WithCase<NoticeRecord>] {
        try read { tables in
            tables.notices.values.filter { notice in
                (query.delivery == nil || notice.delivery == query.delivery)
                    && (notice.recipientKey == query.recipientKey
                        || query.alsoVisible.map { allows($0, notice.caseID, in: tables) } ?? false)
            }
            .sorted { $0.id > $1.id }.prefix(query.limit)
            .compactMap { record in tables.cases[record.caseID].map { WithCase(record, of: $0) } }
        }
    }

    public func notice(_ id: Int64, recipientKey: Data, access: AccessFilter) async throws -> WithCase<NoticeRecord>? {
        try read { tables in
            guard let notice = tables.notices[id],
                notice.recipientKey == recipientKey || allows(access, notice.caseID, in: tables)
            else { return nil }
            return tables.cases[notice.caseID].map { WithCase(notice, of: $0) }
        }
    }

    public func claimNotices(at now: Date, leaseUntil: Date, limit: Int) async throws -> [WithCase<NoticeRecord>] {
        try tables.withLock { tables in
            guard !tables.closed else { throw MemoryStoreClosed() }
            let due = tables.notices.values.filter {
                $0.delivery == .pending && ($0.nextAttemptAt ?? .distantFuture) <= now
            }
            .sorted { ($0.nextAttemptAt ?? now, $0.id) < ($1.nextAttemptAt ?? now, $1.id) }.prefix(limit)
            // The lease is taken under the same lock as the choice: no other caller claims them.
            for notice in due { tables.notices[notice.id]?.nextAttemptAt = leaseUntil }
            return due.compactMap { record in tables.cases[record.caseID].map { WithCase(record, of: $0) } }
        }
    }

    public func nextDeliveryTime() async throws -> Date? {
        try read { tables in
            tables.notices.values.filter { $0.delivery == .pending }.compactMap(\.nextAttemptAt).min()
        }
    }

    public func officers() async throws -> [OfficerCredential] {
        try read { $0.officers.values.sorted { $0.officer.id < $1.officer.id } }
    }

    public func officer(email: String) async throws -> OfficerCredential? {
        try read { $0.officers.values.first { $0.officer.email.lowercased() == email.lowercased() } }
    }

    public func officer(tokenHash: Data) async throws -> OfficerCredential? {
        try read { $0.officers.values.first { $0.tokenHash == tokenHash } }
    }
}
