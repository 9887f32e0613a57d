import Foundation

extension CaseLedger {
    /// Stores a new case with its `received` and `routed` events, its clocks, and the notices of
    /// the stages due at receipt, in one batch; the store gives it the next reference of its year.
    /// Everything is numbered and sealed before the store is asked.
    public func createCase(_ intake: CaseIntake) async throws -> CaseSummary {
        let caseID = try await ids.next(.case)
        let record = CaseRecord(
            id: caseID, reference: nil, year: intake.year, category: intake.category, status: .received,
            entityID: intake.entityID, receivedAt: intake.receivedAt, updatedAt: intake.receivedAt,
            urgent: intake.urgent, awarenessAt: intake.awarenessAt, restricted: intake.routing.restricted,
            routing: nil, binding: .id, version: 1)
        let owner = CaseSealOwner(record)
        var sealed = record
        sealed.routing = try sealer.seal(json: intake.routing, context: .routing(of: owner))
        let content = CaseContent(
            followUpKeyHash: intake.followUpKeyHash,
            report: try sealer.seal(json: intake.report, context: .report(of: owner)),
            reporter: try sealer.seal(json: intake.reporter, context: .reporter(of: owner)),
            handling: try sealer.seal(json: intake.handling, context: .handling(of: owner)))
        var batch = CaseBatch(ledger: self, record: sealed)
        batch.writes.append(.insertCase(sealed, content, access: access(for: intake.routing)))
        try await batch.event(.received(category: intake.category), at: intake.receivedAt, by: .reporter)
        try await batch.event(
            .routed(owner: intake.routing.owner, reason: intake.routing.reason), at: intake.receivedAt, by: .system)
        for plan in intake.clocks { try await batch.startClock(plan) }
        // The receipt-time notices go into the outbox in the same batch as the case.
        try await batch.fireDueStages(at: intake.receivedAt)
        let receipt = try await store.commit(batch.writes)
        guard let reference = receipt.references[caseID] else {
            throw RowError(column: "reference", problem: "was not given to the new case")
        }
        return CaseSummary(
            reference: reference, category: intake.category, status: .received, entityID: intake.entityID,
            timeZone: try rules.entity(intake.entityID).timeZone, receivedAt: intake.receivedAt,
            updatedAt: intake.receivedAt, owner: intake.routing.owner, urgent: intake.urgent)
    }
}
