import Foundation

/// Reading cases back, and the officers' lists across cases, on the viewer's terms.
extension CaseLedger {
    /// One page of the cases the query's viewer may see, newest first.
    public func cases(matching query: CaseQuery) async throws -> CasePage {
        let (records, total) = try await store.caseRecords(
            CaseRecordQuery(
                access: query.viewer.accessFilter(sealer), status: query.status, category: query.category,
                entityID: query.entityID, limit: query.limit, offset: query.offset))
        return CasePage(cases: try records.map(summary), total: total, limit: query.limit, offset: query.offset)
    }

    /// The whole case, opened. Throws `NotFoundError` when there is no such case or `viewer` may
    /// not see it: the two look the same.
    public func caseFile(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseFile {
        try caseFile(of: try await visibleCase(reference, to: viewer))
    }

    /// What is kept in clear about the case (no report content is opened), on the same terms.
    public func caseSummary(_ reference: CaseReference, for viewer: CaseViewer) async throws -> CaseSummary {
        guard let (record, access) = try await store.caseRecord(reference),
            viewer.accessFilter(sealer).allows(restricted: record.restricted, access: access)
        else { throw NotFoundError.caseFile(reference) }
        return try summary(of: record)
    }

    /// The case whose follow-up key has this keyed hash.
    public func caseReference(followUpKeyHash: Data) async throws -> CaseReference? {
        try await store.caseReference(followUpKeyHash: followUpKeyHash)
    }

    /// The running clocks the viewer may see, soonest due first. One more than asked is read, to
    /// say whether more follow without counting them all.
    public func deadlines(matching query: DeadlineQuery) async throws -> DeadlinePage {
        let rows = try await store.clockRecords(
            ClockRecordQuery(
                access: query.viewer.accessFilter(sealer), dueBefore: query.overdueOnly ? query.now : .distantFuture,
                after: nil, offset: query.offset, limit: query.limit + 1))
        let entries = try rows.prefix(query.limit).map { row in
            guard let reference = row.caseRecord.reference else {
                throw RowError(column: "reference", problem: "is missing")
            }
            return DeadlineEntry(
                reference: reference, category: row.caseRecord.category, entityID: row.caseRecord.entityID,
                timeZone: try rules.entity(row.caseRecord.entityID).timeZone, clock: row.record.name,
                state: row.record.state, due: row.record.dueAt, dueDate: row.record.dueDate,
                urgent: row.caseRecord.urgent)
        }
        return DeadlinePage(deadlines: entries, more: rows.count > query.limit)
    }

    /// The notices addressed to the viewer, newest first; with `delivery == .failed`, also the
    /// failed notices of the cases the viewer may see (a failed notice is itself an alert).
    public func notices(matching query: NoticeQuery) async throws -> [Notice] {
        try await store.noticeRecords(
            NoticeRecordQuery(
                recipientKey: sealer.personKey(query.recipientEmail),
                alsoVisible: query.delivery == .failed ? query.viewer.accessFilter(sealer) : nil,
                delivery: query.delivery, limit: query.limit)
        ).map(notice)
    }

    /// Corrective actions on the cases the query's viewer may see, soonest due first.
    public func actions(matching query: ActionQuery) async throws -> [CorrectiveAction] {
        try await store.openActions(
            access: query.viewer.accessFilter(sealer), dueBefore: query.overdueOnly ? query.now : .distantFuture,
            limit: query.limit
        ).map { try action($0.record, of: $0.caseRecord) }
    }

    /// The case an action belongs to; `NotFoundError` when the viewer may not see it.
    public func actionCase(_ id: CorrectiveAction.ID, for viewer: CaseViewer) async throws -> CaseReference {
        guard let item = try await store.action(id, access: viewer.accessFilter(sealer)),
            let reference = item.caseRecord.reference
        else { throw NotFoundError("no action \(id)") }
        return reference
    }

    /// The breach cases for the register (Art. 33(5)) that the viewer may see, oldest first, as
    /// changes see them: without the report, the reporter, messages or notes. Dated by when the
    /// organisation became aware: awareness, or else receipt.
    public func breaches(matching query: RegisterQuery) async throws -> [CaseState] {
        let references = try await store.breachReferences(
            access: query.viewer.accessFilter(sealer), from: query.from ?? .distantPast,
            until: query.until ?? .distantFuture, limit: RegisterQuery.maximumEntries + 1)
        guard references.count <= RegisterQuery.maximumEntries else {
            throw InputError(
                field: "from",
                message: "more than \(RegisterQuery.maximumEntries) breaches in the period: export it in parts")
        }
        var states: [CaseState] = []
        for reference in references {
            guard let stored = try await store.storedCase(reference) else { continue }
            states.append(try state(of: stored))
        }
        return states
    }
}
