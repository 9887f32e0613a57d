import Foundation
import Logging
import TrustCenter
import TrustCenterMail
import TrustCenterSQLite

/// Everything trustd runs on, opened from a configuration: the form definitions, the data key,
/// the store and the desks. Every command opens it the same way.
struct TrustCenterRuntime: Sendable {
    let configuration: Configuration
    let form: FormDefinition
    let store: any CaseStore
    /// The core's rules over the store.
    let ledger: CaseLedger
    let intake: ReportIntake
    let desk: CaseDesk
    let sweeper: StageSweeper
    /// Delivers the outbox by email; nil when no relay is configured.
    let dispatcher: NoticeDispatcher?
    let officers: OfficerRegistry
    let followUp: FollowUpDesk
    let pageTokens: PageTokenSigner
    let tokenLedger: TokenLedger
    let limiter: AttemptLimiter
    let time: any TimeSource
    /// When this runtime was opened, to the second as page tokens carry their issue time; the
    /// spent page tokens of earlier runs are not remembered.
    let startedAt: Date
    /// Logs a store that cannot write once, then at a bounded rate.
    let outages = StoreOutageLog()

    /// How long a page of the report form stays valid.
    static let formTokenLifetime: TimeInterval = 2 * 60 * 60
    /// How long the follow-up page stays open after the key was entered.
    static let followUpLifetime: TimeInterval = 30 * 60

    /// Opens the runtime. With `creatingDatabase` false (the officer commands), a missing database
    /// is an error: run from the wrong folder, a command must not start an empty trust center.
    static func open(
        _ configuration: Configuration,
        creatingDatabase: Bool = true,
        time: any TimeSource = SystemTimeSource(),
        random: any RandomSource = SystemRandomSource(),
        followUpPenalty: Duration = .seconds(2),
        logger: Logger,
        makeLogger: @Sendable (String) -> Logger = { Logger(label: $0) }
    ) async throws -> TrustCenterRuntime {
        let fileManager = FileManager.default
        if !creatingDatabase, !fileManager.fileExists(atPath: configuration.databasePath) {
            throw CommandFailure(
                "no database at \(configuration.databasePath): run this where trustd serve runs, "
                    + "or name its configuration with --config", exitCode: 78)
        }
        let databaseExists = fileManager.fileExists(atPath: configuration.databasePath)
        do {
            // An empty file is no trust center: taking reports into a new one would hide the loss.
            try SQLiteDatabase.checkExistingFile(configuration.databasePath)
        } catch let problem as DatabaseFileProblem {
            throw CommandFailure("\(problem)", exitCode: 78)
        }
        if databaseExists, !fileManager.fileExists(atPath: configuration.keyFile) {
            // A new key could open nothing in this database; never create one beside existing data.
            throw CommandFailure(
                "key file \(configuration.keyFile) is missing, but database \(configuration.databasePath) exists: "
                    + "restore the key file that belongs to this database", exitCode: 78)
        }
        let form: FormDefinition
        do {
            form = try FormDefinition.load(from: configuration.formsDirectory)
        } catch {
            throw CommandFailure("form definitions: \(error)", exitCode: 78)
        }
        let dataKey: DataKey
        let outcome: DataKeyFile.Outcome
        do {
            (dataKey, outcome) = try DataKeyFile.loadOrCreate(at: configuration.keyFile, random: random)
        } catch {
            throw CommandFailure("\(error)", exitCode: 78)
        }
        if outcome == .loaded, !databaseExists {
            // A key means a trust center was started here: its database is lost or not where the
            // configuration says, and an empty trust center must not take reports in its place.
            throw CommandFailure(
                "key file \(configuration.keyFile) exists, but database \(configuration.databasePath) is missing: "
                    + "restore the database that belongs to this key (or name it with database.path); "
                    + "to start a new trust center instead, move the key file away", exitCode: 78)
        }
        if outcome == .created {
            logger.notice(
                "created a new data key; back it up apart from the database",
                metadata: ["keyFile": "\(configuration.keyFile)"])
        }
        let rules = configuration.rules(letters: ReporterLetters(catalogue: form.catalogue))
        let sealer = Sealer(dataKey: dataKey, random: random)
        let store: SQLiteCaseStore
        do {
            store = try SQLiteCaseStore(path: configuration.databasePath, keyFingerprint: sealer.keyFingerprint)
        } catch {
            // A key made by this start has sealed nothing: without its database it would only
            // stop the next start ("key file exists, but database is missing").
            if outcome == .created { unlink(configuration.keyFile) }
            switch error {
            case is DataKeyMismatch, is DatabaseFileProblem: throw CommandFailure("\(error)", exitCode: 78)
            default: throw error
            }
        }
        let ledger = CaseLedger(
            store: store, sealer: sealer, rules: rules, logger: makeLogger("trustcenter.scheduler"))
        do {
            try await ledger.syncEntities(configuration.entities)
        } catch let mismatch as ConfigurationMismatch {
            await store.close()
            throw CommandFailure("configuration: \(mismatch)", exitCode: 78)
        } catch {
            await store.close()
            throw error
        }
        let hasher = SecretHasher(dataKey: dataKey)
        return TrustCenterRuntime(
            configuration: configuration,
            form: form,
            store: store,
            ledger: ledger,
            intake: ReportIntake(
                ledger: ledger, rules: rules, questionnaire: form.questionnaire, time: time,
                random: random, hasher: hasher),
            desk: CaseDesk(ledger: ledger, time: time, rules: rules, logger: makeLogger("trustcenter.desk")),
            sweeper: StageSweeper(ledger: ledger, time: time),
            dispatcher: configuration.mail.map { mail in
                NoticeDispatcher(
                    ledger: ledger, mailer: CurlMailer(settings: mail.relay),
                    composer: NoticeMail(catalogue: form.catalogue, from: mail.relay.from), rules: rules,
                    time: time, random: random, policy: mail.policy, logger: makeLogger("trustcenter.mail"))
            },
            officers: OfficerRegistry(
                ledger: ledger, time: time, random: random, hasher: hasher, logger: makeLogger("trustcenter.officers")),
            followUp: FollowUpDesk(ledger: ledger, hasher: hasher, time: time),
            pageTokens: PageTokenSigner(dataKey: dataKey, random: random),
            tokenLedger: TokenLedger(lifetime: formTokenLifetime, time: time),
            limiter: AttemptLimiter(penalty: followUpPenalty, time: time, random: random),
            time: time, startedAt: Date(timeIntervalSince1970: time.now().timeIntervalSince1970.rounded(.down)))
    }

    func close() async {
        await store.close()
    }
}
