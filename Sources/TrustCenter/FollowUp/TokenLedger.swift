import Foundation

/// Remembers which page tokens have been used, in memory, until they would have expired anyway.
///
/// Navigation and replies use a token once (`use`). Sending a report is idempotent instead: the
/// first send files it, a second send with the same token (a double click, a resent page) gets
/// the same receipt back for `receiptLifetime`, so the reporter never loses the follow-up key and
/// the report is never filed twice. Expiry runs oldest-first in amortised constant time; when
/// more live tokens arrive than `capacity`, the oldest are forgotten.
public actor TokenLedger {
    /// What to do with a send.
    public enum SendClaim: Sendable, Equatable {
        case proceed
        case inFlight
        case sent(Receipt)
        case alreadySent
    }

    private enum Entry {
        case used
        case sending
        case sent(Receipt)
        case sentLongAgo
    }

    private let lifetime: TimeInterval
    private let receiptLifetime: TimeInterval
    private let capacity: Int
    private let time: any TimeSource
    private var entries: [String: (entry: Entry, at: Date)] = [:]
    private var order: [(nonce: String, at: Date)] = []
    private var head = 0
    /// When the newest token forgotten for want of room was used: a token issued by then may
    /// have been that one, so it counts as used (`use(_:issuedAt:)`).
    private var forgottenThrough: Date?

    public init(
        lifetime: TimeInterval, receiptLifetime: TimeInterval = 600, capacity: Int = 200_000, time: any TimeSource
    ) {
        self.lifetime = lifetime
        self.receiptLifetime = receiptLifetime
        self.capacity = capacity
        self.time = time
    }

    /// Marks `nonce` used; false when it had been used already. With `issuedAt`, also false for a
    /// token issued before the ledger last had to forget used tokens for want of room: it may be
    /// one of them, and a flood of tokens must not make a spent one good again.
    public func use(_ nonce: String, issuedAt: Date? = nil) -> Bool {
        expire()
        guard entries[nonce] == nil else { return false }
        if let issuedAt, let forgottenThrough, issuedAt <= forgottenThrough { return false }
        record(nonce, .used)
        return true
    }

    /// Claims the right to file the report sent with `nonce`.
    public func claimSend(_ nonce: String) -> SendClaim {
        expire()
        switch entries[nonce]?.entry {
        case nil, .used:
            record(nonce, .sending)
            return .proceed
        case .sending: return .inFlight
        case .sent(let receipt):
            guard let at = entries[nonce]?.at, time.now().timeIntervalSince(at) < receiptLifetime else {
                entries[nonce] = (.sentLongAgo, entries[nonce]?.at ?? time.now())
                return .alreadySent
            }
            return .sent(receipt)
        case .sentLongAgo: return .alreadySent
        }
    }

    /// The receipt of the report filed with `nonce`, while it is remembered.
    public func receipt(for nonce: String) -> Receipt? {
        guard case .sent(let receipt) = entries[nonce]?.entry, let at = entries[nonce]?.at,
            time.now().timeIntervalSince(at) < receiptLifetime
        else { return nil }
        return receipt
    }

    /// The report sent with `nonce` was filed.
    public func finishSend(_ nonce: String, receipt: Receipt) {
        entries[nonce] = (.sent(receipt), time.now())
    }

    /// Filing failed; the token may be sent again.
    public func releaseSend(_ nonce: String) {
        entries[nonce] = (.used, entries[nonce]?.at ?? time.now())
    }

    private func record(_ nonce: String, _ entry: Entry) {
        let now = time.now()
        if entries[nonce] == nil { order.append((nonce, now)) }
        entries[nonce] = (entry, now)
        while entries.count > capacity, head < order.count {
            if let forgotten = entries.removeValue(forKey: order[head].nonce) {
                forgottenThrough = max(forgottenThrough ?? forgotten.at, forgotten.at)
            }
            head += 1
        }
    }

    private func expire() {
        let cutoff = time.now().addingTimeInterval(-lifetime)
        while head < order.count, order[head].at < cutoff {
            if let entry = entries[order[head].nonce], entry.at < cutoff { entries[order[head].nonce] = nil }
            head += 1
        }
        if head > 1_024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
