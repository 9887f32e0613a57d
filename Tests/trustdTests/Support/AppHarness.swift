import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import TrustCenter

@testable import trustd

/// A trustd runtime on a real SQLite file in a temporary folder, with a fixed clock and
/// repeatable randomness, and the HTTP application built over it the way `serve` builds it.
final class AppHarness: Sendable {
    let folder: String
    let configuration: Configuration
    let runtime: TrustCenterRuntime

    init(entities: [Entity] = [Configuration.demoEntity], maxBodyBytes: Int = 64 * 1024) async throws {
        folder = NSTemporaryDirectory() + "trustd-test-" + UUID().uuidString
        var configuration = Configuration()
        configuration.databasePath = folder + "/trustcenter.db"
        configuration.keyFile = folder + "/trustcenter.key"
        configuration.entities = entities
        configuration.maxBodyBytes = maxBodyBytes
        configuration.listenPort = 0
        configuration.formsDirectory = Self.formsDirectory
        self.configuration = configuration
        runtime = try await TrustCenterRuntime.open(
            configuration, time: FixedTime(), random: SystemRandomSource(), followUpPenalty: .milliseconds(10),
            logger: Logger(label: "test"))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The project's own forms folder.
    static let formsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("forms").path

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = buildApplication(runtime: runtime, logger: Logger(label: "test"))
        try await app.test(.router) { client in try await body(client) }
    }

    /// A new officer's bearer header.
    func officer(role: OfficerRole = .privacyOfficer, email: String = "privacy@demo.example") async throws -> HTTPFields
    {
        let (_, token) = try await runtime.officers.add(name: "Kari Nordmann", email: email, role: role)
        return [.authorization: "Bearer \(token)"]
    }

    /// Files a report through the core and returns its reference: a question, or with `about`
    /// "hse" a health-and-safety report.
    func fileReport(_ text: String = "How long do you keep CVs?", about: String = "question") async throws
        -> CaseReference
    {
        let answers: [String: [String]] =
            about == "hse"
            ? ["about": ["hse"], "hseKind": ["nearMiss"], "seriousInjury": ["no"], "hseWhatHappened": [text]]
            : ["about": ["question"], "question": [text]]
        return try await runtime.intake.submit(
            ReportSubmission(entityID: nil, answers: AnswerSet(answers), contact: nil)
        )
        .reference
    }

    func caseCount() async throws -> Int {
        try await runtime.ledger.cases(matching: CaseQuery(viewer: .system)).total
    }
}

/// 2026-03-10T09:41:27Z.
struct FixedTime: TimeSource {
    func now() -> Date { Date(timeIntervalSince1970: 1_773_135_687) }
}

extension HTTPFields {
    static let json: HTTPFields = [.contentType: "application/json"]
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged.append(field) }
        return merged
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The decoded `{"error": {"message", "field"}}` body.
    func apiError() throws -> (message: String, field: String?) {
        struct Body: Decodable {
            struct Detail: Decodable { var message: String; var field: String? }
            var error: Detail
        }
        let body = try JSONDecoder().decode(Body.self, from: Data(buffer: self.body))
        return (body.error.message, body.error.field)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.decoder.decode(type, from: Data(buffer: body))
    }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
