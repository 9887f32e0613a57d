import Foundation

extension CaseDesk {
    /// The draft of a notification to the entity's authority, free of personal data.
    public func draft(_ reference: CaseReference, stage: NotificationStage, for officer: Officer) async throws
        -> RegulatorDraft
    {
        let caseFile = try await ledger.caseFile(reference, for: officer.viewer)
        return try RegulatorDraft(
            caseFile, stage: stage, entity: try rules.entity(caseFile.summary.entityID), now: time.now())
    }
}
