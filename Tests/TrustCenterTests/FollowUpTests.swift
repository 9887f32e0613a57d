import Foundation
import Testing
import TrustCenter

@Suite struct FollowUpDeskTests {
    func fileReport(_ harness: StoreHarness) async throws -> (Receipt, Officer) {
        let receipt = try await harness.intake().submit(Fixtures.question())
        let (officer, _) = try await harness.officers.add(name: "Per Vern", email: "per@acme.example", role: .handler)
        return (receipt, officer)
    }

    func desk(_ harness: StoreHarness) -> FollowUpDesk {
        FollowUpDesk(store: harness.store, hasher: harness.hasher, time: harness.time)
    }

    @Test func theKeyOpensItsCaseAndNothingElseDoes() async throws {
        let harness = try await StoreHarness()
        let (receipt, _) = try await fileReport(harness)
        #expect(try await desk(harness).reference(forKey: receipt.followUpKey) == receipt.reference)
        #expect(
            try await desk(harness).reference(forKey: receipt.followUpKey.replacingOccurrences(of: "-", with: " "))
                == receipt.reference)
        var wrong = Array(receipt.followUpKey)
        wrong[0] = wrong[0] == "1" ? "2" : "1"
        #expect(try await desk(harness).reference(forKey: String(wrong)) == nil)
        #expect(try await desk(harness).reference(forKey: "not a key") == nil)
    }

    @Test func theReporterSeesMessagesButNeverNotesOrNames() async throws {
        let harness = try await StoreHarness()
        let (receipt, officer) = try await fileReport(harness)
        _ = try await harness.desk.addNote(receipt.reference, text: "Internal: suspect is the CFO", by: officer)
        _ = try await harness.desk.reply(receipt.reference, text: "Thank you. Which year was this?", by: officer)
        _ = try await harness.desk.setStatus(receipt.reference, to: .awaitingReporter, by: officer)
        let view = try await desk(harness).reply(receipt.reference, text: "It was in 2025.\r\nSince spring.")
        #expect(view.messages.map(\.text) == ["Thank you. Which year was this?", "It was in 2025.\nSince spring."])
        #expect(view.messages.map(\.fromReporter) == [false, true])
        // Answering moves a case that waited for the reporter back to in progress.
        #expect(view.status == .inProgress)
        let caseFile = try await harness.store.caseFile(receipt.reference)
        #expect(
            caseFile.events.suffix(2).map(\.change) == [
                .messageReceived, .statusChanged(from: .awaitingReporter, to: .inProgress),
            ])
        #expect(caseFile.events.suffix(2).map(\.actor) == [.reporter, .system])
        let file = RawDatabase.fileBytes(path: harness.databasePath)
        #expect(file.range(of: Data("Which year".utf8)) == nil && file.range(of: Data("Since spring".utf8)) == nil)
    }

    @Test func aReporterMessageGetsTheTextChecks() async throws {
        let harness = try await StoreHarness()
        let (receipt, _) = try await fileReport(harness)
        await #expect(throws: SubmissionProblems.self) { try await desk(harness).reply(receipt.reference, text: "  ") }
        await #expect(throws: SubmissionProblems.self) {
            try await desk(harness).reply(receipt.reference, text: "esc \u{1B}[2J")
        }
        await #expect(throws: SubmissionProblems.self) {
            try await desk(harness).reply(receipt.reference, text: String(repeating: "x", count: 20_001))
        }
    }
}

@Suite struct PageTokenSignerTests {
    let signer = PageTokenSigner(dataKey: Fixtures.dataKey, random: SeededRandomSource())
    let now = Date(timeIntervalSince1970: 1_773_135_687)

    @Test func verifiesItsOwnTokenForItsPurpose() throws {
        let token = signer.issue(purpose: "report:incident", subject: "TC-2026-00001", at: now)
        let verified = try #require(
            signer.verify(token, purpose: "report:incident", at: now.addingTimeInterval(60), maxAge: 3600))
        #expect(verified.subject == "TC-2026-00001")
        #expect(signer.verify(token, purpose: "report:review", at: now, maxAge: 3600) == nil)
    }

    @Test func refusesExpiredForgedAndForeignTokens() {
        let token = signer.issue(purpose: "follow-up", subject: "TC-2026-00001", at: now)
        #expect(signer.verify(token, purpose: "follow-up", at: now.addingTimeInterval(3601), maxAge: 3600) == nil)
        let forged = token.replacingOccurrences(of: PageTokenSignerTests.subjectPart(token), with: "VEMtMjAyNi0wMDAwMg")
        #expect(signer.verify(forged, purpose: "follow-up", at: now, maxAge: 3600) == nil)
        let other = PageTokenSigner(
            dataKey: DataKey.generate(using: SeededRandomSource(seed: 5)), random: SeededRandomSource())
        #expect(other.verify(token, purpose: "follow-up", at: now, maxAge: 3600) == nil)
        #expect(signer.verify("garbage", purpose: "follow-up", at: now, maxAge: 3600) == nil)
    }

    static func subjectPart(_ token: String) -> String { String(token.split(separator: ".")[2]) }
}

@Suite struct AttemptLimiterTests {
    @Test func blocksAClientAfterTooManyFailuresUntilTheWindowPasses() async {
        let time = FixedTimeSource()
        let limiter = AttemptLimiter(maxFailures: 3, window: 600, time: time, random: SeededRandomSource())
        for _ in 0..<3 {
            #expect(await limiter.allows("client-a"))
            await limiter.recordFailure("client-a")
        }
        #expect(await !limiter.allows("client-a"))
        #expect(await limiter.allows("client-b"))
        time.advance(by: 601)
        #expect(await limiter.allows("client-a"))
    }

    @Test func remembersABoundedNumberOfClients() async {
        let time = FixedTimeSource()
        let limiter = AttemptLimiter(
            maxFailures: 1, window: 600, maxClients: 10, time: time, random: SeededRandomSource())
        for index in 0..<50 {
            await limiter.recordFailure("client-\(index)")
            time.advance(by: 1)
        }
        // The newest are remembered; the oldest were forgotten to stay within the bound.
        #expect(await !limiter.allows("client-49"))
        #expect(await limiter.allows("client-0"))
    }
}
