import Foundation
import Logging
import Synchronization
import Testing
import TrustCenter
import TrustCenterSQLite

/// A time source the test sets.
final class FixedTimeSource: TimeSource {
    private let current: Mutex<Date>

    init(_ date: Date) { current = Mutex(date) }

    /// 2026-03-10T09:41:27Z, a Tuesday.
    convenience init() { self.init(Date(timeIntervalSince1970: 1_773_135_687)) }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Repeatable "random" bytes (SplitMix64), so that keys and nonces are the same on every run.
final class SeededRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    init(seed: UInt64 = 42) { state = Mutex(seed) }

    func bytes(count: Int) -> [UInt8] {
        state.withLock { state in
            (0..<count).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return UInt8(truncatingIfNeeded: z ^ (z >> 31))
            }
        }
    }
}

/// Plays back the given bytes, then zeros: for testing how a consumer uses each byte.
final class ScriptedRandomSource: RandomSource {
    private let remaining: Mutex<[UInt8]>

    init(_ bytes: [UInt8]) { remaining = Mutex(bytes) }

    func bytes(count: Int) -> [UInt8] {
        remaining.withLock { remaining in
            let taken = Array(remaining.prefix(count))
            remaining.removeFirst(taken.count)
            return taken + Array(repeating: 0, count: count - taken.count)
        }
    }
}

/// A fresh folder under the system's temporary directory, removed when the test is done.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "trustcenter-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    static let norway = Entity(
        id: "acme-no", name: "Acme Norge AS", country: .norway, timeZone: "Europe/Oslo",
        ceo: Contact(name: "Dagny Leder", email: "ceo@acme.example"),
        privacyOfficer: Contact(name: "Per Vern", email: "privacy@acme.example"),
        whistleblowingHandlers: [
            Contact(name: "Hanne Varsel", email: "varsel@acme.example"),
            Contact(name: "Per Vern", email: "privacy@acme.example"),
        ],
        alternate: Contact(name: "Styre Leder", email: "chair@acme.example"),
        management: [
            Contact(name: "Dagny Leder", email: "ceo@acme.example"),
            Contact(name: "Finn Økonomi", email: "cfo@acme.example"),
        ])
    static let sweden = Entity(
        id: "acme-se", name: "Acme Sverige AB", country: .sweden, timeZone: "Europe/Stockholm",
        ceo: Contact(name: "Vera Vd", email: "vd@acme.example"),
        privacyOfficer: Contact(name: "Sara Skydd", email: "skydd@acme.example"),
        whistleblowingHandlers: [Contact(name: "Vilma Visselblås", email: "visselblas@acme.example")],
        alternate: Contact(name: "Ordf Styrelse", email: "ordforande@acme.example"),
        management: [Contact(name: "Vera Vd", email: "vd@acme.example")])

    static let dataKey = DataKey.generate(using: SeededRandomSource(seed: 7))

    /// A question, the shortest path through the form.
    static func question(
        _ text: String = "How long do you keep CVs?", entity: String? = "acme-no", contact: ReporterContact? = nil
    )
        -> ReportSubmission
    {
        ReportSubmission(
            entityID: entity, answers: AnswerSet(["about": ["question"], "question": [text]]), contact: contact)
    }

    /// A personal-data breach, through the mapping form's questions.
    static func breach(
        _ changes: [String: [String]] = [:], entity: String? = "acme-no", contact: ReporterContact? = nil
    )
        -> ReportSubmission
    {
        var answers: [String: [String]] = [
            "about": ["security"], "system": ["Payroll"],
            "whatHappened": ["Payslips were emailed to the wrong employees"],
            "discoveredAt": ["2026-03-10T08:15"], "ongoing": ["no"], "personalData": ["yes"],
            "dataKinds": ["financial", "contact"], "peopleCount": ["40"], "leftOrganisation": ["no"],
        ]
        for (question, values) in changes { answers[question] = values }
        return ReportSubmission(entityID: entity, answers: AnswerSet(answers), contact: contact)
    }

    /// A whistleblowing report that says whom it concerns (`ceo`, `privacyOfficer`, `handler`, `noneOfThese`).
    static func wrongdoing(concerning concerns: String, entity: String = "acme-no") -> ReportSubmission {
        ReportSubmission(
            entityID: entity,
            answers: AnswerSet([
                "about": ["wrongdoing"], "concerns": [concerns],
                "wrongdoingWhatHappened": ["Invoices approved without any delivery"],
            ]),
            contact: nil)
    }

    /// An access request by a named customer.
    static func rightsRequest(entity: String = "acme-no") -> ReportSubmission {
        ReportSubmission(
            entityID: entity,
            answers: AnswerSet(["about": ["rights"], "right": ["access"], "relation": ["customer"]]),
            contact: ReporterContact(name: "Ola Nordmann", email: "ola@example.no", phone: nil))
    }

    static func report(_ description: String) -> Report {
        Report(answers: [Answer(question: "description", value: description)])
    }
}

/// Which store a harness keeps its records in.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case memory

    var testDescription: String { rawValue }
}

/// A ledger over a store (a real SQLite file in its own folder by default, or memory), with
/// the desks over it.
final class StoreHarness {
    let directory: TemporaryDirectory
    let kind: StoreKind
    private(set) var store: any CaseStore
    private(set) var ledger: CaseLedger
    let time = FixedTimeSource()
    let random = SeededRandomSource()
    let hasher = SecretHasher(dataKey: Fixtures.dataKey)
    let rules: CaseRules
    let sealer: Sealer

    init(
        _ kind: StoreKind = .sqlite, entities: [Entity] = [Fixtures.norway, Fixtures.sweden],
        clockwork: Clockwork = Clockwork()
    ) async throws {
        directory = try TemporaryDirectory()
        self.kind = kind
        rules = CaseRules(
            entities: entities, clockwork: clockwork,
            letters: ReporterLetters(catalogue: try FormsFolder.definition().catalogue))
        sealer = Sealer(dataKey: Fixtures.dataKey, random: random)
        store =
            switch kind {
            case .sqlite:
                try SQLiteCaseStore(path: directory.file("trustcenter.db"), keyFingerprint: sealer.keyFingerprint)
            case .memory: MemoryCaseStore()
            }
        ledger = CaseLedger(store: store, sealer: sealer, rules: rules, logger: Logger(label: "test"))
        try await ledger.syncEntities(entities)
    }

    var databasePath: String { directory.file("trustcenter.db") }

    /// Closes the store and opens the same file again, as a restarted trustd would.
    func restart() async throws {
        guard kind == .sqlite else { return }
        await store.close()
        store = try SQLiteCaseStore(path: databasePath, keyFingerprint: sealer.keyFingerprint)
        ledger = CaseLedger(store: store, sealer: sealer, rules: rules, logger: Logger(label: "test"))
    }

    /// A ledger with this harness's rules and key over another store (one opened again).
    func ledger(over store: any CaseStore) -> CaseLedger {
        CaseLedger(store: store, sealer: sealer, rules: rules, logger: Logger(label: "test"))
    }

    func intake() throws -> ReportIntake {
        ReportIntake(
            ledger: ledger, rules: rules, questionnaire: try FormsFolder.definition().questionnaire, time: time,
            random: random, hasher: hasher)
    }

    var desk: CaseDesk { CaseDesk(ledger: ledger, time: time, rules: rules, logger: Logger(label: "test")) }
    var sweeper: StageSweeper { StageSweeper(ledger: ledger, time: time) }
    var officers: OfficerRegistry {
        OfficerRegistry(ledger: ledger, time: time, random: random, hasher: hasher, logger: Logger(label: "test"))
    }
}
