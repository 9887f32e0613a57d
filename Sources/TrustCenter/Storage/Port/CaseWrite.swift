import Foundation

/// One write of a batch (`CaseStore.commit`). The core works out every write; a store applies
/// each one as it says, switching over them exhaustively, so a store cannot forget one without
/// the compiler seeing it. A write with a condition ("expect", "unfired", "open", "failed")
/// throws `StoreConflict` when the condition does not hold, and then none of the batch is kept.
public enum CaseWrite: Sendable, Hashable {
    /// A new case with its content and who has access; the store gives it the next reference of
    /// its year. The record's reference is ignored.
    case insertCase(CaseRecord, CaseContent, access: [AccessRecord])
    /// The case is still at `version` (nobody changed it since it was read); it moves on by one.
    case expectVersion(caseID: Int64, version: Int64)
    /// The case moves on by one version without a condition: work that must make a concurrent
    /// change read it again (a stage fired on it).
    case advanceVersion(caseID: Int64)
    case setCategory(caseID: Int64, Category)
    case setStatus(caseID: Int64, CaseStatus)
    /// The sealed routing, whether the case is restricted, and who has access (replacing all
    /// access rows of the case).
    case setRouting(caseID: Int64, routing: Data, restricted: Bool, access: [AccessRecord])
    case setAwareness(caseID: Int64, Date?)
    case setHandling(caseID: Int64, Data)
    case setUpdatedAt(caseID: Int64, Date)
    case insertEvent(EventRecord)
    case insertNote(NoteRecord)
    case insertMessage(MessageRecord)
    case insertClock(ClockRecord)
    /// Replaces a clock's columns (state, times, extension, pause) by the record's.
    case updateClock(ClockRecord)
    case insertStage(StageRecord)
    /// Removes a clock's stages that have not fired; those that fired stay, as history.
    case removeUnfiredStages(clockID: Int64)
    /// The stage has not fired yet, and now has (with `error` when it could not).
    case markStageFired(stageID: Int64, at: Date, error: String?)
    case insertNotice(NoticeRecord)
    case insertNotification(NotificationRecord)
    case insertAction(ActionRecord)
    /// The action is still open, and is done now with its resealed detail.
    case completeAction(id: Int64, doneAt: Date, detail: Data)
    /// What a delivery attempt came to.
    case recordDelivery(
        noticeID: Int64, delivery: NoticeDelivery, countsAttempt: Bool, nextAttemptAt: Date?, reply: String,
        sentAt: Date?)
    /// Pending notices due before `until` wait until then: one, or (nil) every one.
    case postponeDeliveries(noticeID: Int64?, until: Date)
    /// A claimed notice that is still pending is due again at `dueAt`, before its lease ends.
    case releaseClaim(noticeID: Int64, dueAt: Date)
    /// The notice has failed, and goes back to pending with no attempts, due at `at`.
    case retryNotice(id: Int64, at: Date)
    /// Adds or updates an entity (entities are never deleted: cases refer to them).
    case upsertEntity(Entity)
    /// Conflicts when the email or the token hash is taken.
    case insertOfficer(name: String, email: String, role: OfficerRole, tokenHash: Data, createdAt: Date)
    case revokeOfficer(id: Officer.ID, at: Date)
    /// Conflicts when the token hash is taken.
    case setOfficerToken(id: Officer.ID, tokenHash: Data)
    /// Sets (or with nil removes) a value of the store's own notes, such as an upgrade mark.
    case setMark(name: String, value: Data?)
}

/// What a commit gave out: the references of the cases it inserted, and the ids of officers.
public struct CommitReceipt: Sendable, Hashable {
    public var references: [Int64: CaseReference]
    public var officerIDs: [String: Officer.ID]

    public init(references: [Int64: CaseReference] = [:], officerIDs: [String: Officer.ID] = [:]) {
        self.references = references
        self.officerIDs = officerIDs
    }
}
