import Foundation
import Logging

/// Delivers the outbox by email: the sender service's work, apart from how it is scheduled.
/// Each due notice is written in its recipient's language and sent through the `Mailer`. A
/// failed attempt is tried again after an exponential, jittered delay; after the last attempt,
/// or when the relay refuses for good (5xx), the notice is failed with the relay's last answer.
public struct NoticeDispatcher: Sendable {
    /// How hard to try.
    public struct Policy: Sendable, Hashable {
        /// Attempts the relay may refuse a notice with a 4xx before it is failed. An unavailable
        /// relay never fails a notice: everything waits for it.
        public var maximumAttempts: Int
        /// The delay after the first failed attempt; it doubles with each further one.
        public var firstDelay: TimeInterval
        public var maximumDelay: TimeInterval
        /// The longest wait between tries of an unavailable relay.
        public var maximumRelayDelay: TimeInterval
        /// How long a notice being sent is held back from the next round: longer than a send can take.
        public var lease: TimeInterval

        public init(
            maximumAttempts: Int = 8, firstDelay: TimeInterval = 60, maximumDelay: TimeInterval = 6 * 3600,
            maximumRelayDelay: TimeInterval = 15 * 60, lease: TimeInterval = 10 * 60
        ) {
            self.maximumAttempts = maximumAttempts
            self.firstDelay = firstDelay
            self.maximumDelay = maximumDelay
            self.maximumRelayDelay = maximumRelayDelay
            self.lease = lease
        }
    }

    /// Notices handled per round.
    public static let batchSize = 50

    let ledger: CaseLedger
    let mailer: any Mailer
    let composer: NoticeMail
    let rules: CaseRules
    let time: any TimeSource
    let random: any RandomSource
    let policy: Policy
    let logger: Logger

    public init(
        ledger: CaseLedger, mailer: any Mailer, composer: NoticeMail, rules: CaseRules, time: any TimeSource,
        random: any RandomSource, policy: Policy = Policy(), logger: Logger
    ) {
        self.logger = logger
        self.ledger = ledger
        self.mailer = mailer
        self.composer = composer
        self.rules = rules
        self.time = time
        self.random = random
        self.policy = policy
    }

    /// What a round of delivery did.
    public struct Round: Sendable, Hashable {
        public var sent = 0
        public var retried = 0
        public var failed = 0
        /// The relay could not be used; every due notice waits until this time.
        public var relayUnavailableUntil: Date?

        public init() {}
    }

    /// Sends the notices that are due now, one at a time. `relayFailures` is how many rounds in a
    /// row found the relay unavailable; it spaces out the next try.
    public func deliverDue(relayFailures: Int = 0) async throws -> Round {
        var round = Round()
        // Claimed with a lease: no other sender takes them meanwhile, and if a send's result
        // cannot be recorded, it is not sent again at once.
        let now = time.now()
        let claimed = try await ledger.claimNotices(
            at: now, leaseUntil: now.addingTimeInterval(policy.lease), limit: Self.batchSize)
        for (index, notice) in claimed.enumerated() {
            // Stopping: the notices left are due again at once for the next start; one cut short
            // waits out its lease.
            guard !Task.isCancelled, let outcome = await attempt(notice, relayFailures: relayFailures) else {
                try await ledger.releaseClaims(of: claimed.dropFirst(index + 1).map(\.id), dueAt: now)
                break
            }
            try await ledger.recordDelivery(of: notice.id, outcome, at: time.now())
            let metadata: Logger.Metadata = [
                "notice": "\(notice.id)", "case": "\(notice.reference)", "kind": "\(notice.kind.rawValue)",
                "role": "\(notice.recipient.role.rawValue)",
            ]
            switch outcome {
            case .sent:
                round.sent += 1
                logger.info("notice sent", metadata: metadata)
            case .relayUnavailable(let reply, let next):
                // The relay, not this notice: every due notice waits, and the round ends.
                round.relayUnavailableUntil = next
                try await ledger.releaseClaims(of: claimed.dropFirst(index + 1).map(\.id), dueAt: next)
                try await ledger.postponeDeliveries(of: nil, until: next)
                logger.error(
                    "mail relay unavailable; notices wait",
                    metadata: ["reply": "\(Self.withoutAddresses(reply))", "next": "\(ISOTime.format(next, in: .gmt))"])
                return round
            case .retry(let reply, let next):
                round.retried += 1
                logger.warning(
                    "notice not delivered; will retry",
                    metadata: metadata.merging([
                        "reply": "\(Self.withoutAddresses(reply))", "next": "\(ISOTime.format(next, in: .gmt))",
                    ]) {
                        $1
                    })
            case .failed(let reply):
                round.failed += 1
                // A failed notice is itself an alert, above all an escalation to the CEO or management.
                let level: Logger.Level = [.ceo, .management].contains(notice.recipient.role) ? .critical : .error
                logger.log(
                    level: level, "notice failed; see trustctl notices --failed",
                    metadata: metadata.merging(["reply": "\(Self.withoutAddresses(reply))"]) { $1 })
            }
        }
        return round
    }

    /// One attempt's outcome; nil when it was interrupted and does not count.
    func attempt(_ notice: Notice, relayFailures: Int) async -> DeliveryOutcome? {
        do {
            let message = composer.message(for: notice, entity: try rules.entity(notice.entityID), now: time.now())
            return .sent(reply: try await mailer.send(message))
        } catch MailError.interrupted {
            return nil
        } catch MailError.relayUnavailable(let reply) {
            let wait = min(policy.maximumRelayDelay, policy.firstDelay * pow(2, Double(min(relayFailures, 20))))
            return .relayUnavailable(reply: reply, next: time.now().addingTimeInterval(jittered(wait)))
        } catch MailError.refused(let reply, false) where notice.attempts + 1 < policy.maximumAttempts {
            return .retry(reply: reply, next: time.now().addingTimeInterval(delay(after: notice.attempts + 1)))
        } catch {
            return .failed(reply: "\(error)")
        }
    }

    /// A relay's answer for the log: email addresses in it (a rejected recipient) replaced, so
    /// that the log holds no personal data. The stored answer keeps them for `trustctl notices`.
    static func withoutAddresses(_ reply: String) -> String {
        reply.split(separator: " ", omittingEmptySubsequences: false).map {
            $0.contains("@") ? "<address>" : String($0)
        }
        .joined(separator: " ")
    }

    /// Exponential backoff with jitter between half and all of the delay.
    func delay(after attempts: Int) -> TimeInterval {
        jittered(min(policy.maximumDelay, policy.firstDelay * pow(2, Double(min(max(0, attempts - 1), 30)))))
    }

    func jittered(_ base: TimeInterval) -> TimeInterval {
        base * (0.5 + Double(random.bytes(count: 1)[0]) / 255 / 2)
    }

    /// How long until the next notice is due for an attempt, at most `maximum`, at least a second.
    public func waitBeforeNextRound(maximum: Duration) async throws -> Duration {
        guard let next = try await ledger.nextDeliveryTime() else { return maximum }
        return min(maximum, .seconds(max(1, next.timeIntervalSince(time.now()).rounded(.up))))
    }

    /// Sends the relay test of `trustctl mail test` and returns the relay's answer.
    public func sendTest(to address: String, language: Language) async throws(MailError) -> String {
        guard MailAddress.isPlain(address) else { throw MailError.badAddress(address) }
        let now = time.now()
        let id = random.bytes(count: 8).map { String(format: "%02x", $0) }.joined()
        return try await mailer.send(composer.testMessage(to: address, language: language, now: now, id: id))
    }
}
