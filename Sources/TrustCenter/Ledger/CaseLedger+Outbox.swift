import Foundation

/// The outbox's delivery side: what is due for sending, and what each attempt came to. Delivery
/// is at least once: a notice is marked sent only after the relay accepted it.
extension CaseLedger {
    /// Claims the pending notices due at `now`, oldest first, with recipients opened: each is
    /// held back until `leaseUntil`, so no other sender takes it meanwhile, and a send whose
    /// result cannot be recorded is not repeated at once.
    public func claimNotices(at now: Date, leaseUntil: Date, limit: Int) async throws -> [Notice] {
        try await store.claimNotices(at: now, leaseUntil: leaseUntil, limit: limit).map(notice)
    }

    /// Claimed notices that were not tried are due again at `dueAt` (their lease ends).
    public func releaseClaims(of ids: [Notice.ID], dueAt: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.commit(ids.map { .releaseClaim(noticeID: $0, dueAt: dueAt) })
    }

    /// Records a delivery attempt. An unavailable relay counts against no notice's attempts.
    public func recordDelivery(of id: Notice.ID, _ outcome: DeliveryOutcome, at now: Date) async throws {
        let (delivery, counted, next, sentAt): (NoticeDelivery, Bool, Date?, Date?) =
            switch outcome {
            case .sent: (.sent, true, nil, now)
            case .retry(_, let next): (.pending, true, next, nil)
            case .failed: (.failed, true, nil, nil)
            case .relayUnavailable(_, let next): (.pending, false, next, nil)
            }
        try await store.commit([
            .recordDelivery(
                noticeID: id, delivery: delivery, countsAttempt: counted, nextAttemptAt: next,
                reply: String(outcome.recordedReply.prefix(1000)), sentAt: sentAt)
        ])
    }

    /// Makes pending notices due before `until` wait until then, without counting an attempt:
    /// one notice, or every due one (the relay is unavailable).
    public func postponeDeliveries(of id: Notice.ID?, until: Date) async throws {
        try await store.commit([.postponeDeliveries(noticeID: id, until: until)])
    }

    /// Puts a failed notice back in the queue for an attempt now. Throws `NotFoundError` when the
    /// viewer may not see it, `InputError` when it has not failed.
    public func retryNotice(_ id: Notice.ID, for viewer: CaseViewer, at now: Date) async throws -> Notice {
        try await retryingConflicts {
            let key = if case .officer(let email, _) = viewer { sealer.personKey(email) } else { Data() }
            guard let item = try await store.notice(id, recipientKey: key, access: viewer.accessFilter(sealer)) else {
                throw NotFoundError("no notice \(id)")
            }
            let notice = try notice(item)
            guard notice.delivery == .failed else {
                throw InputError(field: "id", message: "notice \(id) is \(notice.delivery.rawValue), not failed")
            }
            try await store.commit([.retryNotice(id: id, at: now)])
            var retried = notice
            retried.delivery = .pending
            retried.attempts = 0
            return retried
        }
    }

    /// When the next pending notice is due for an attempt.
    public func nextDeliveryTime() async throws -> Date? {
        try await store.nextDeliveryTime()
    }
}
