import Foundation

extension CaseLedger {
    /// Makes the stored entities match the configured ones (added or updated; never deleted,
    /// because cases refer to them), then brings cases stored by an earlier version up to date.
    /// Throws `ConfigurationMismatch` when cases belong to an entity the configuration no longer
    /// lists: such cases could be neither routed nor timed, so start-up says so rather than each
    /// scheduler sweep failing.
    public func syncEntities(_ entities: [Entity]) async throws {
        try await store.commit(entities.map(CaseWrite.upsertEntity))
        let configured = Set(entities.map(\.id))
        if let missing = try await store.entityIDsInUse().subtracting(configured).sorted().first {
            throw ConfigurationMismatch(entityID: missing)
        }
        try await routeCasesStoredBeforeRouting()
    }

    /// The mark migration 3 leaves when there were cases stored before routing existed.
    static let routeStoredCasesMark = "route-stored-cases"

    /// Cases stored before routing existed (schema version 2) have no owner, no access rows and no
    /// clocks. They are routed now by the rules a new report gets (the report's answers say whom
    /// it concerns), and their clocks run from their receipt; stages already past fire at the
    /// first sweep. Runs once: the mark is removed with the last case routed.
    func routeCasesStoredBeforeRouting() async throws {
        guard try await store.mark(Self.routeStoredCasesMark) != nil else { return }
        for reference in try await store.unroutedCases() {
            try await retryingConflicts {
                guard let stored = try await store.storedCase(reference), stored.record.routing == nil else { return }
                let record = stored.record
                let entity = try rules.entity(record.entityID)
                let report = try sealer.open(
                    json: Report.self, from: stored.content.report, context: .report(of: CaseSealOwner(record)))
                let answers = AnswerSet(
                    Dictionary(grouping: report.answers, by: \.question).mapValues { $0.map(\.value) })
                let routing = CaseRouter.route(
                    record.category, concerns: CaseRouter.concerns(in: answers), entity: entity)
                var batch = CaseBatch(ledger: self, changing: stored)
                try batch.setRouting(routing)
                try await batch.event(
                    .routed(owner: routing.owner, reason: routing.reason), at: record.receivedAt, by: .system)
                if stored.clocks.isEmpty {
                    for plan in rules.clockwork.plans(
                        for: record.category, receivedAt: record.receivedAt, awarenessAt: nil, urgent: false,
                        entity: entity)
                    {
                        try await batch.startClock(plan)
                    }
                }
                try await store.commit(batch.writes)
            }
        }
        try await store.commit([.setMark(name: Self.routeStoredCasesMark, value: nil)])
    }
}
