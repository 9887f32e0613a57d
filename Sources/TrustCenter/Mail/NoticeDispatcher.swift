import Foundation
import Logging

/// Delivers the outbox by email: the sender service's work, apart from how it is scheduled.
/// Each due notice is written in its recipient's language and sent through the `Mailer`. A
/// failed attempt is tried again after an exponential, jittered delay; after the last attempt,
/// or when the relay refuses for good (5xx), the notice is failed with the relay's last answer.
public struct NoticeDispatcher: Sendable {
    /// How hard to try.
    public struct Policy: Sendable, Hashable {
        public var maximumAttempts: Int
        /// The delay after the first failed attempt; it doubles with each further one.
        public var firstDelay: TimeInterval
        public var maximumDelay: TimeInterval

        public init(maximumAttempts: Int = 8, firstDelay: TimeInterval = 60, maximumDelay: TimeInterval = 6 * 3600) {
            self.maximumAttempts = maximumAttempts
            self.firstDelay = firstDelay
            self.maximumDelay = maximumDelay
        }
    }

    /// Notices handled per round.
    public static let batchSize = 50

    let store: any CaseStore
    let mailer: any Mailer
    let composer: NoticeMail
    let rules: CaseRules
    let time: any TimeSource
    let random: any RandomSource
    let policy: Policy
    let logger = Logger(label: "trustcenter.mail")

    public init(
        store: any CaseStore, mailer: any Mailer, composer: NoticeMail, rules: CaseRules, time: any TimeSource,
        random: any RandomSource, policy: Policy = Policy()
    ) {
        self.store = store
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

        public init() {}
    }

    /// Sends the notices that are due now, one at a time.
    public func deliverDue() async throws -> Round {
        var round = Round()
        for notice in try await store.noticesToDeliver(at: time.now(), limit: Self.batchSize) {
            // Stopping: the notices left (and one cut short) stay pending for the next start.
            guard !Task.isCancelled, let outcome = await attempt(notice) else { break }
            try await store.recordDelivery(of: notice.id, outcome, at: time.now())
            let metadata: Logger.Metadata = [
                "notice": "\(notice.id)", "case": "\(notice.reference)", "kind": "\(notice.kind.rawValue)",
                "role": "\(notice.recipient.role.rawValue)",
            ]
            switch outcome {
            case .sent:
                round.sent += 1
                logger.info("notice sent", metadata: metadata)
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
                // A failed notice is itself an alert, above all one meant for management.
                let level: Logger.Level = notice.recipient.role == .management ? .critical : .error
                logger.log(
                    level: level, "notice failed; see trustctl notices --failed",
                    metadata: metadata.merging(["reply": "\(Self.withoutAddresses(reply))"]) { $1 })
            }
        }
        return round
    }

    /// One attempt's outcome; nil when it was interrupted and does not count.
    func attempt(_ notice: Notice) async -> DeliveryOutcome? {
        let message: MailMessage
        do {
            message = composer.message(for: notice, entity: try rules.entity(notice.entityID), now: time.now())
            return .sent(reply: try await mailer.send(message))
        } catch MailError.interrupted {
            return nil
        } catch let error as MailError {
            let attempts = notice.attempts + 1
            if case .delivery(_, false) = error, attempts < policy.maximumAttempts {
                return .retry(reply: error.description, next: time.now().addingTimeInterval(delay(after: attempts)))
            }
            return .failed(reply: error.description)
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

    /// Exponential backoff with full jitter between half and all of the delay.
    func delay(after attempts: Int) -> TimeInterval {
        let base = min(policy.maximumDelay, policy.firstDelay * pow(2, Double(max(0, attempts - 1))))
        let fraction = Double(random.bytes(count: 1)[0]) / 255
        return base * (0.5 + fraction / 2)
    }

    /// How long until the next notice is due for an attempt, at most `maximum`, at least a second.
    public func waitBeforeNextRound(maximum: Duration) async throws -> Duration {
        guard let next = try await store.nextDeliveryTime() else { return maximum }
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
