import Logging
import Synchronization
import TrustCenter

/// While the store cannot write (a full disk), every report would log the same error: this says
/// it once, then at most once a minute with the number of requests refused meanwhile.
final class StoreOutageLog: Sendable {
    private struct State {
        var lastLogged: ContinuousClock.Instant?
        var refusedSince = 0
    }

    let interval: Duration
    private let state = Mutex(State())

    init(interval: Duration = .seconds(60)) {
        self.interval = interval
    }

    /// Counts a request refused because of `failure`, and logs when a line is due.
    func refused(_ failure: StoreUnavailable, logger: Logger) {
        let now = ContinuousClock.now
        let refused: Int? = state.withLock { state in
            state.refusedSince += 1
            if let last = state.lastLogged, now - last < interval { return nil }
            defer { state.refusedSince = 0 }
            state.lastLogged = now
            return state.refusedSince
        }
        guard let refused else { return }
        logger.error(
            "the store cannot write; requests that write are answered 503, and background work waits, until it can",
            metadata: ["reason": "\(failure.reason)", "error": "\(failure.detail)", "refused": "\(refused)"])
    }
}
