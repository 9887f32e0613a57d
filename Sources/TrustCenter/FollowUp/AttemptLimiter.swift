import Crypto
import Foundation

/// Slows down guessing of follow-up keys: after `maxFailures` wrong keys from one client within
/// `window`, that client must wait until the window has passed. Kept in memory only. A client
/// is known by a keyed hash of its address under a key made at start, so the addresses
/// themselves are not even kept in memory, and nothing is written to disk or logged. The number
/// of clients remembered is bounded.
public actor AttemptLimiter {
    private let maxFailures: Int
    private let window: TimeInterval
    private let maxClients: Int
    private let time: any TimeSource
    private let key: SymmetricKey
    private var failures: [Data: [Date]] = [:]

    public init(
        maxFailures: Int = 5, window: TimeInterval = 15 * 60, maxClients: Int = 100_000,
        time: any TimeSource, random: any RandomSource
    ) {
        self.maxFailures = maxFailures
        self.window = window
        self.maxClients = maxClients
        self.time = time
        self.key = SymmetricKey(data: random.bytes(count: 32))
    }

    /// Whether `client` may try another key now.
    public func allows(_ client: String) -> Bool {
        recent(for: fingerprint(client)).count < maxFailures
    }

    /// Records a wrong key from `client`.
    public func recordFailure(_ client: String) {
        let id = fingerprint(client)
        var list = recent(for: id)
        list.append(time.now())
        failures[id] = list
        if failures.count > maxClients { prune() }
    }

    private func recent(for id: Data) -> [Date] {
        let cutoff = time.now().addingTimeInterval(-window)
        return (failures[id] ?? []).filter { $0 > cutoff }
    }

    private func prune() {
        let cutoff = time.now().addingTimeInterval(-window)
        failures = failures.filter { $0.value.contains { $0 > cutoff } }
        // Still full: forget the oldest, rather than grow without bound.
        while failures.count > maxClients,
            let oldest = failures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })
        {
            failures[oldest.key] = nil
        }
    }

    private func fingerprint(_ client: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(client.utf8), using: key))
    }
}
