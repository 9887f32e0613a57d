import Foundation
import Testing
@testable import TrustCenter

@Suite struct FollowUpDeskTests {
    func fileReport(_ harness: StoreHarness) async throws -> (Receipt, Officer) {
        let receipt = try await harness.intake().submit(Fixtures.question())
        let (officer, _) = try await harness.officers.add(
            name: "Per Vern", email: "privacy@acme.example", role: .privacyOfficer)
        return (receipt, officer)
    }

    func desk(_ harness: StoreHarness) -> FollowUpDesk {
        FollowUpDesk(ledger: harness.ledger, hasher: harness.hasher, time: harness.time)
    }

    @Test func theKeyOpensItsCaseAndNothingElseDoes() async throws {
        let harness = try await StoreHarness(.memory)
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
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        #expect(
            caseFile.events.suffix(2).map(\.change) == [
                .messageReceived, .statusChanged(from: .awaitingReporter, to: .inProgress),
            ])
        #expect(caseFile.events.suffix(2).map(\.actor) == [.reporter, .system])
        let file = RawDatabase.fileBytes(path: harness.databasePath)
        #expect(file.range(of: Data("Which year".utf8)) == nil && file.range(of: Data("Since spring".utf8)) == nil)
    }

    @Test func aReportersMessageIsRecordedOnlyToTheMinute() async throws {
        let harness = try await StoreHarness(.memory)
        let (receipt, _) = try await fileReport(harness)
        harness.time.advance(by: 37)  // 09:42:04
        _ = try await desk(harness).reply(receipt.reference, text: "Hello")
        let caseFile = try await harness.ledger.caseFile(receipt.reference, for: .system)
        let minute = Date(timeIntervalSince1970: 1_773_135_720)  // 09:42:00
        #expect(caseFile.messages.last?.at == minute)
        #expect(caseFile.events.last?.at == minute)
        #expect(caseFile.summary.updatedAt == minute)
    }

    @Test func aReporterMessageGetsTheTextChecks() async throws {
        let harness = try await StoreHarness(.memory)
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
    @Test func slowsAClientAfterTooManyAttemptsUntilTheWindowPasses() async {
        let time = FixedTimeSource()
        let limiter = AttemptLimiter(maxAttempts: 3, window: 600, time: time, random: SeededRandomSource())
        for _ in 0..<3 { #expect(await !limiter.admit("client-a")) }
        #expect(await limiter.admit("client-a"))
        #expect(await limiter.isWithinLimit("client-b"))
        time.advance(by: 601)
        #expect(await limiter.isWithinLimit("client-a"))
    }

    @Test func aRightKeyDoesNotCount() async {
        let limiter = AttemptLimiter(maxAttempts: 2, window: 600, time: FixedTimeSource(), random: SeededRandomSource())
        for _ in 0..<5 {
            _ = await limiter.admit("reporter")
            await limiter.succeeded("reporter")
        }
        #expect(await limiter.isWithinLimit("reporter"))
    }

    /// Two right keys whose attempts were counted in different windows once took back more than
    /// was counted, and `removeLast` on an empty list stopped trustd.
    @Test func takingBackMoreThanWasCountedIsHarmless() async {
        let time = FixedTimeSource()
        let limiter = AttemptLimiter(maxAttempts: 2, window: 600, time: time, random: SeededRandomSource())
        _ = await limiter.admit("reporter")
        time.advance(by: 601)
        _ = await limiter.admit("reporter")
        await limiter.succeeded("reporter")
        await limiter.succeeded("reporter")
        await limiter.succeeded("never-seen")
        #expect(await limiter.isWithinLimit("reporter"))
    }

    /// Each attempt once copied the client's whole list; only what decides is kept now.
    @Test func keepsOnlyWhatDecidesPerClient() async {
        let limiter = AttemptLimiter(maxAttempts: 5, window: 600, time: FixedTimeSource(), random: SeededRandomSource())
        for _ in 0..<10_000 { _ = await limiter.admit("guesser") }
        #expect(await limiter.rememberedAttempts("guesser") == 6)
        // A right key takes back its own attempt, and a client over the limit stays over it.
        _ = await limiter.admit("guesser")
        await limiter.succeeded("guesser")
        #expect(await !limiter.isWithinLimit("guesser"))
    }

    @Test func remembersABoundedNumberOfClients() async {
        let time = FixedTimeSource()
        let limiter = AttemptLimiter(
            maxAttempts: 1, window: 600, maxClients: 10, time: time, random: SeededRandomSource())
        for index in 0..<50 {
            _ = await limiter.admit("client-\(index)")
            time.advance(by: 1)
        }
        // The newest are remembered; the oldest were forgotten to stay within the bound.
        #expect(await !limiter.isWithinLimit("client-49"))
        #expect(await limiter.isWithinLimit("client-0"))
    }
}

@Suite struct TokenLedgerTests {
    let receipt = Receipt(
        reference: CaseReference(year: 2026, serial: 1), followUpKey: FollowUpKey.generate(using: SeededRandomSource()))

    @Test func aTokenIsUsedOnce() async {
        let ledger = TokenLedger(lifetime: 60, time: FixedTimeSource())
        #expect(await ledger.use("a"))
        #expect(await !ledger.use("a"))
    }

    @Test func aSecondSendGetsTheSameReceiptThenOnlyAnswersAlreadySent() async {
        let time = FixedTimeSource()
        let ledger = TokenLedger(lifetime: 7200, receiptLifetime: 600, time: time)
        #expect(await ledger.claimSend("n") == .proceed)
        #expect(await ledger.claimSend("n") == .inFlight)
        await ledger.finishSend("n", receipt: receipt)
        #expect(await ledger.claimSend("n") == .sent(receipt))
        #expect(await ledger.receipt(for: "n") == receipt)
        time.advance(by: 601)
        #expect(await ledger.claimSend("n") == .alreadySent)
    }

    @Test func aFailedSendCanBeSentAgainAndANavigationTokenCanStillSend() async {
        let ledger = TokenLedger(lifetime: 7200, time: FixedTimeSource())
        #expect(await ledger.claimSend("n") == .proceed)
        await ledger.releaseSend("n")
        #expect(await ledger.claimSend("n") == .proceed)
        #expect(await ledger.use("back"))
        #expect(await ledger.claimSend("back") == .proceed)
    }

    /// Filling the ledger once made a spent token good again.
    @Test func aTokenIssuedBeforeWhatWasForgottenCountsAsUsed() async {
        let time = FixedTimeSource()
        let ledger = TokenLedger(lifetime: 3600, capacity: 2, time: time)
        let issued = time.now()
        #expect(await ledger.use("spent", issuedAt: issued))
        time.advance(by: 1)
        for flood in ["f1", "f2"] { #expect(await ledger.use(flood, issuedAt: time.now())) }
        #expect(await !ledger.use("spent", issuedAt: issued))
        // A token issued after what was forgotten is still good.
        time.advance(by: 1)
        #expect(await ledger.use("new", issuedAt: time.now()))
    }

    @Test func forgetsExpiredTokensAndStaysWithinItsCapacity() async {
        let time = FixedTimeSource()
        let ledger = TokenLedger(lifetime: 60, capacity: 3, time: time)
        for nonce in ["a", "b", "c", "d"] { #expect(await ledger.use(nonce)) }
        // "a" was forgotten to stay within three; "d" is remembered.
        #expect(await ledger.use("a"))
        #expect(await !ledger.use("d"))
        time.advance(by: 61)
        #expect(await ledger.use("d"))
    }
}
