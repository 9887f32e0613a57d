import Foundation

/// The scheduler's work, apart from how it is scheduled: fire every stage that is due, in
/// batches, and say how long to wait for the next one. A stage that fell due while trustd was
/// down fires on the first sweep after start-up.
public struct StageSweeper: Sendable {
    /// Stages fired per transaction.
    public static let batchSize = 500
    /// A bound on batches per sweep, so a sweep always ends; the next sweep goes on.
    static let maximumBatches = 1_000

    let ledger: CaseLedger
    let time: any TimeSource

    public init(ledger: CaseLedger, time: any TimeSource) {
        self.ledger = ledger
        self.time = time
    }

    /// Fires what is due now. Returns how many stages fired.
    public func sweep() async throws -> Int {
        var total = 0
        for _ in 0..<Self.maximumBatches {
            let fired = try await ledger.fireDueStages(at: time.now(), limit: Self.batchSize)
            total += fired
            if fired < Self.batchSize { break }
        }
        return total
    }

    /// How long until the next stage is due, at most `maximum` (new cases and changes add stages
    /// in between) and at least one second.
    public func waitBeforeNextSweep(maximum: Duration) async throws -> Duration {
        guard let next = try await ledger.nextStageTime() else { return maximum }
        let seconds = max(1, next.timeIntervalSince(time.now()).rounded(.up))
        return min(maximum, .seconds(seconds))
    }
}
