import Foundation

/// Firing the stages of clocks: the scheduler's work. Each stage's notices go into the outbox
/// and the stage is marked fired in one batch, on the condition that it had not fired: a stage
/// fires exactly once, however often trustd restarts and however many write to the store.
extension CaseLedger {
    /// Fires every stage that is due at `now` and not yet fired, oldest first, at most `limit`,
    /// in one batch. When another writer fired some of them first, each case's stages are
    /// committed on their own and those the other writer took are left to it. Returns how many
    /// stages this call fired (or marked failed).
    public func fireDueStages(at now: Date, limit: Int) async throws -> Int {
        let due = try await store.dueStages(at: now, limit: limit)
        var parts: [(writes: [CaseWrite], stages: Int)] = []
        for stage in due.unreadable {
            parts.append(
                (
                    [
                        .advanceVersion(caseID: stage.caseID),
                        .markStageFired(stageID: stage.stageID, at: now, error: stage.problem),
                    ], 1
                ))
            logger.error(
                "a stage could not fire",
                metadata: ["case": "case-\(stage.caseID)", "stage": "\(stage.stageID)", "error": "\(stage.problem)"])
        }
        var order: [Int64] = []
        var batches: [Int64: CaseBatch] = [:]
        for item in due.stages {
            let caseID = item.caseRecord.id
            var batch: CaseBatch
            if let started = batches[caseID] {
                batch = started
            } else {
                order.append(caseID)
                batch = CaseBatch(ledger: self, record: item.caseRecord)
                // A change read before this firing must read the case again.
                batch.writes.append(.advanceVersion(caseID: caseID))
            }
            batch.know(item.clock, item.stage, item.action)
            try await batch.fire(item.stage, at: now)
            batches[caseID] = batch
        }
        for caseID in order {
            if let batch = batches[caseID] { parts.append((batch.writes, batch.fired)) }
        }
        guard !parts.isEmpty else { return 0 }
        do {
            try await store.commit(parts.flatMap(\.writes))
            return due.count
        } catch is StoreConflict {
            var fired = 0
            for part in parts {
                do {
                    try await store.commit(part.writes)
                    fired += part.stages
                } catch is StoreConflict {
                    continue
                }
            }
            return fired
        }
    }

    /// When the next unfired stage falls due, if any.
    public func nextStageTime() async throws -> Date? {
        try await store.nextStageTime()
    }
}
