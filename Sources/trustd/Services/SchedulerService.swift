import Foundation
import Logging
import ServiceLifecycle
import TrustCenter

/// Runs the clocks: sweeps for due stages, then sleeps until the next one falls due (at most
/// `maximumWait`). Stops at graceful shutdown; a sweep in progress finishes its transaction.
struct SchedulerService: Service {
    let sweeper: StageSweeper
    let logger: Logger
    /// A store that cannot write is logged once and then at a bounded rate, not at every sweep.
    let outages: StoreOutageLog
    var maximumWait: Duration = .seconds(30)

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var wait = maximumWait
            do {
                let started = ContinuousClock.now
                let fired = try await sweeper.sweep()
                let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
                let metadata: Logger.Metadata = ["count": "\(fired)", "ms": "\(String(format: "%.1f", milliseconds))"]
                if fired > 0 {
                    logger.info("stages fired", metadata: metadata)
                } else {
                    logger.debug("sweep found nothing due", metadata: metadata)
                }
                wait = try await sweeper.waitBeforeNextSweep(maximum: maximumWait)
            } catch let unavailable as StoreUnavailable {
                outages.refused(unavailable, logger: logger)
            } catch {
                // The store's errors name the operation and SQLite's message, never case content.
                logger.error("scheduler sweep failed; retrying", metadata: ["error": "\(error)"])
            }
            let pause = wait
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            } catch {
                return
            }
        }
    }
}
