import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import TrustCenter
@testable import TrustCenterSQLite
@testable import trustd

/// A store that cannot write (here: SQLite's page limit, which fails a write exactly as a full
/// disk does, with SQLITE_FULL) is answered 503 in the reporter's language with their answers
/// kept, the health check says so, and everything works again once there is room, without a
/// restart.
@Suite struct StoreOutageTests {
    /// Caps the database at the pages it has, so that anything needing a new page fails.
    func fill(_ harness: AppHarness) async throws {
        let store = try #require(harness.runtime.store as? SQLiteCaseStore)
        try await store.database.perform { connection in
            let free = try connection.query("PRAGMA freelist_count", operation: "test").first?.integer("freelist_count")
            precondition(free == 0, "a free page would take the next write")
            let pages = try connection.query("PRAGMA page_count", operation: "test").first?.integer("page_count") ?? 0
            try connection.executeScript("PRAGMA max_page_count = \(pages)", operation: "test")
        }
    }

    func makeRoom(_ harness: AppHarness) async throws {
        let store = try #require(harness.runtime.store as? SQLiteCaseStore)
        try await store.database.perform {
            try $0.executeScript("PRAGMA max_page_count = 1073741823", operation: "test")
        }
    }

    /// Long enough to need new pages: a sealed report of this size does not fit in a page.
    static let longQuestion = String(repeating: "How long do you keep applications? ", count: 300)

    @Test func aJSONReportGets503InItsLanguageAndGoesInOnceThereIsRoom() async throws {
        let harness = try await AppHarness()
        _ = try await harness.fileReport()
        try await fill(harness)
        let body = #"{"answers":{"about":"question","question":"\#(Self.longQuestion)"},"language":"sv"}"#
        try await harness.test { client in
            let refused = try await client.execute(uri: "/reports", method: .post, headers: .json, body: .json(body))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(
                try refused.apiError().message
                    == "Vi kan inte ta emot detta just nu. Inget du har skrivit har gått förlorat: försök igen om några minuter."
            )
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .serviceUnavailable)
            #expect(health.text.contains("cannot write: the disk is full"))

            // The health check sees the room come back by itself, before anything else writes.
            try await makeRoom(harness)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let filed = try await client.execute(uri: "/reports", method: .post, headers: .json, body: .json(body))
            #expect(filed.status == .created)
        }
        #expect(try await harness.caseCount() == 2)
    }

    @Test func theFormsReviewPageComesBackWithEveryAnswer() async throws {
        let harness = try await AppHarness()
        _ = try await harness.fileReport()
        try await fill(harness)
        try await harness.test { client in
            let review = try await WizardRoutesTests().reviewQuestion(client, language: "da", text: Self.longQuestion)
            let refused = try await client.submit(review, to: "/da/report", [("action", "send")])
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.html.contains("Vi kan ikke modtage dette lige nu."))
            #expect(refused.hidden("a.question") == Self.longQuestion.trimmingCharacters(in: .whitespaces))
            try await makeRoom(harness)
            let receipt = try await client.submit(refused, to: "/da/report", [("action", "send")])
            #expect(receipt.status == .ok)
            #expect(receipt.element("case-reference") == "TC-2026-00002")
        }
    }

    @Test func theConditionIsLoggedOnceThenAtABoundedRate() {
        let lines = LogCapture()
        let logger = Logger(label: "test") { _ in lines }
        let log = StoreOutageLog(interval: .seconds(3600))
        for _ in 0..<1_000 { log.refused(StoreUnavailable(reason: "the disk is full"), logger: logger) }
        #expect(
            lines.messages == [
                "the store cannot write; requests that write are answered 503, and background work waits, until it can"
            ])
    }
}
