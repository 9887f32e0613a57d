import Crypto
import Foundation

/// Slows down guessing of follow-up keys. Every attempt from a client counts before the key is
/// looked up, so parallel requests cannot slip past; a right key takes its count back. Past
/// `maxAttempts` within `window`, the client's answers come only after `penalty`, which makes
/// guessing an 83-bit key hopeless without locking anyone out: behind a shared proxy address,
/// a reporter with the right key still gets in, just more slowly.
///
/// Kept in memory only. A client is known by a keyed hash of its address under a key made at
/// start, so the addresses themselves are not even kept in memory, and nothing is written to
/// disk or logged. The number of clients remembered is bounded.
public actor AttemptLimiter {
    private let maxAttempts: Int
    private let window: TimeInterval
    private let maxClients: Int
    public let penalty: Duration
    private let time: any TimeSource
    private let key: SymmetricKey
    private var attempts: [Data: [Date]] = [:]

    public init(
        maxAttempts: Int = 5, window: TimeInterval = 15 * 60, penalty: Duration = .seconds(2),
        maxClients: Int = 100_000,
        time: any TimeSource, random: any RandomSource
    ) {
        self.maxAttempts = maxAttempts
        self.window = window
        self.penalty = penalty
        self.maxClients = maxClients
        self.time = time
        self.key = SymmetricKey(data: random.bytes(count: 32))
    }

    /// Counts an attempt from `client`; true when the client is over the limit and must wait.
    /// Only the latest `maxAttempts + 1` times are kept per client (one more than decides, so
    /// that a right key taking its count back leaves a client over the limit still over it), so
    /// an attempt costs the same however many came before it.
    public func admit(_ client: String) -> Bool {
        let id = fingerprint(client)
        let cutoff = time.now().addingTimeInterval(-window)
        let over = attempts[id, default: []].count { $0 > cutoff } >= maxAttempts
        attempts[id, default: []].append(time.now())
        if let count = attempts[id]?.count, count > maxAttempts + 1 {
            attempts[id]?.removeFirst(count - maxAttempts - 1)
        }
        if attempts.count > maxClients { prune() }
        return over
    }

    /// The attempt was a right key: it does not count against the client. Without a counted
    /// attempt (forgotten meanwhile, or already taken back) there is nothing to take back.
    public func succeeded(_ client: String) {
        let id = fingerprint(client)
        guard attempts[id]?.isEmpty == false else { return }
        attempts[id]?.removeLast()
    }

    /// Whether `client` is within the limit now.
    public func isWithinLimit(_ client: String) -> Bool {
        let cutoff = time.now().addingTimeInterval(-window)
        return (attempts[fingerprint(client)] ?? []).count { $0 > cutoff } < maxAttempts
    }

    /// Drops the clients whose attempts have all expired; if still too many, keeps the most
    /// recent 90%, so that this full pass runs rarely.
    private func prune() {
        let cutoff = time.now().addingTimeInterval(-window)
        attempts = attempts.filter { $0.value.contains { $0 > cutoff } }
        if attempts.count > maxClients {
            let kept = attempts.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }
                .prefix(maxClients * 9 / 10)
            attempts = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
    }

    /// How many attempt times are kept for `client`.
    func rememberedAttempts(_ client: String) -> Int { attempts[fingerprint(client)]?.count ?? 0 }

    private func fingerprint(_ client: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(client.utf8), using: key))
    }
}
