import Foundation

/// Remembers which page tokens have been used, so that a step, a report or a reply cannot be
/// sent twice with the same token. In memory, until the token would have expired anyway, and
/// bounded: when full, the oldest are forgotten (their tokens are then near expiry).
public actor TokenLedger {
    private let lifetime: TimeInterval
    private let capacity: Int
    private let time: any TimeSource
    private var used: [String: Date] = [:]

    public init(lifetime: TimeInterval, capacity: Int = 200_000, time: any TimeSource) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.time = time
    }

    /// Marks `nonce` used; false when it had been used already.
    public func use(_ nonce: String) -> Bool {
        let now = time.now()
        if used.count >= capacity {
            used = used.filter { now.timeIntervalSince($0.value) < lifetime }
            while used.count >= capacity, let oldest = used.min(by: { $0.value < $1.value }) { used[oldest.key] = nil }
        }
        guard used[nonce] == nil else { return false }
        used[nonce] = now
        return true
    }
}
