import Foundation
import Logging
import ServiceLifecycle
import TrustCenter

/// Delivers the outbox by email: a round of due notices, then a sleep until the next one is due
/// (at most `maximumWait`, so that new notices go out promptly). Stops at graceful shutdown; a
/// notice whose sending was cut short is still pending and goes out after the next start.
struct MailSenderService: Service {
    let dispatcher: NoticeDispatcher
    let logger: Logger
    /// A store that cannot write is logged once and then at a bounded rate, not at every round.
    let outages: StoreOutageLog
    var maximumWait: Duration = .seconds(5)

    func run() async throws {
        var relayFailures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var wait = maximumWait
            do {
                // Stopping cancels the round: the send in progress is abandoned within a second.
                let failures = relayFailures
                let round = try await cancelWhenGracefulShutdown {
                    try await dispatcher.deliverDue(relayFailures: failures)
                }
                relayFailures = round.relayUnavailableUntil == nil ? 0 : relayFailures + 1
                if round.sent + round.retried + round.failed == NoticeDispatcher.batchSize {
                    wait = .zero
                } else {
                    wait = try await dispatcher.waitBeforeNextRound(maximum: maximumWait)
                }
            } catch is CancellationError {
                return
            } catch let unavailable as StoreUnavailable {
                outages.refused(unavailable, logger: logger)
            } catch {
                if Task.isShuttingDownGracefully { return }
                logger.error("mail round failed; retrying", metadata: ["error": "\(error)"])
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
