import Foundation
import Testing
import TrustCenter

/// Deadline arithmetic against dates worked out by hand.
@Suite struct DeadlineCalculatorTests {
    static let oslo = TimeZone(identifier: "Europe/Oslo") ?? .gmt

    func calculator(_ country: Country) -> DeadlineCalculator {
        DeadlineCalculator(country: country, timeZone: country.timeZone)
    }

    func instant(_ text: String, _ zone: TimeZone = DeadlineCalculatorTests.oslo) throws -> Date {
        try ISOTime.parse(text, field: "test", timeZone: zone)
    }

    func dueDay(
        _ start: String, _ span: ClockSpan, in country: Country = .norway, moves: Bool = true, pausedDays: Int = 0
    ) throws -> String? {
        let deadline = calculator(country).deadline(
            from: try instant(start, country.timeZone), span: span, movesToWorkingDay: moves, pausedDays: pausedDays)
        return deadline.dueDate?.description
    }

    @Test func aBreachIsDueSeventyTwoHoursLaterWhateverTheDaylightSavingChange() throws {
        // Spring: clocks go forward on 2026-03-29; the local time shown moves from 10:00 to 11:00.
        let spring = calculator(.norway).deadline(
            from: try instant("2026-03-27T10:00:00+01:00"), span: .hours(72), movesToWorkingDay: false)
        #expect(ISOTime.format(spring.due, in: Self.oslo) == "2026-03-30T11:00:00+02:00")
        #expect(spring.due == (try instant("2026-03-30T09:00:00Z")))
        #expect(spring.dueDate == nil)
        // Autumn: clocks go back on 2026-10-25; 10:00 becomes 09:00.
        let autumn = calculator(.norway).deadline(
            from: try instant("2026-10-23T10:00:00+02:00"), span: .hours(72), movesToWorkingDay: false)
        #expect(ISOTime.format(autumn.due, in: Self.oslo) == "2026-10-26T09:00:00+01:00")
        // Weekends and holidays count: received on Maundy Thursday, due on Easter Sunday.
        let easter = calculator(.norway).deadline(
            from: try instant("2026-04-02T12:00"), span: .hours(72), movesToWorkingDay: false)
        #expect(ISOTime.format(easter.due, in: Self.oslo) == "2026-04-05T12:00:00+02:00")
    }

    @Test(arguments: [
        ("2026-01-31T10:00", "2026-03-02"),  // 28 Feb 2026 is a Saturday
        ("2028-01-31T10:00", "2028-02-29"),  // leap year, a Tuesday
        ("2026-03-31T10:00", "2026-04-30"),  // no 31 April
        ("2026-12-31T10:00", "2027-02-01"),  // 31 Jan 2027 is a Sunday
        ("2026-03-02T10:00", "2026-04-07"),  // 2 Apr is Maundy Thursday; then Easter until Monday 6 Apr
        ("2026-04-14T10:00", "2026-05-15"),  // 14 May is Ascension Day
        ("2026-04-17T23:30", "2026-05-18"),  // 17 May (Constitution Day) is a Sunday too
    ])
    func aRightsRequestIsDueTheSameDateNextMonthOrTheNextWorkingDay(received: String, due: String) throws {
        #expect(try dueDay(received, .months(1)) == due)
    }

    @Test func dayClocksEndAtOneSecondToMidnightLocalTime() throws {
        let deadline = calculator(.norway).deadline(
            from: try instant("2026-03-02T10:00"), span: .months(1), movesToWorkingDay: true)
        #expect(ISOTime.format(deadline.due, in: Self.oslo) == "2026-04-07T23:59:59+02:00")
        let winter = calculator(.norway).deadline(
            from: try instant("2026-01-05T10:00"), span: .days(7), movesToWorkingDay: true)
        #expect(ISOTime.format(winter.due, in: Self.oslo) == "2026-01-12T23:59:59+01:00")
    }

    @Test func theSwedishEvesStopADeadlineButNotInNorwayOrDenmark() throws {
        // 24 Dec 2026 is a Thursday: Christmas Eve, Christmas, Boxing Day (Saturday), Sunday.
        #expect(try dueDay("2026-11-24T10:00", .months(1), in: .sweden) == "2026-12-28")
        #expect(try dueDay("2026-11-24T10:00", .months(1), in: .norway) == "2026-12-24")
        #expect(try dueDay("2026-11-24T10:00", .months(1), in: .denmark) == "2026-12-24")
        // Midsummer Eve 2026 is Friday 19 June, Midsummer Day the Saturday.
        #expect(try dueDay("2026-05-19T10:00", .months(1), in: .sweden) == "2026-06-22")
        #expect(try dueDay("2026-05-19T10:00", .months(1), in: .norway) == "2026-06-19")
        // New Year's Eve 2025 is a Wednesday, New Year's Day a Thursday.
        #expect(try dueDay("2025-12-01T10:00", .days(30), in: .sweden) == "2026-01-02")
        #expect(try dueDay("2025-12-01T10:00", .days(30), in: .denmark) == "2025-12-31")
    }

    /// Every holiday of the hand tables, in both years and all three countries: a clock due that
    /// day moves to the first day after it that is neither a weekend day nor a holiday.
    @Test(arguments: Country.allCases)
    func everyHolidayMovesADueDay(country: Country) throws {
        let table = HolidayTables.table(country)
        // New Year's Day 2027 (a Friday) is where Sweden's New Year's Eve 2026 leads.
        let holidays = table.values.reduce(Set<String>()) { $0.union($1) }.union(["2027-01-01"])
        for holiday in holidays.sorted() {
            let day = try #require(LocalDate(holiday))
            let start = day.adding(days: -10).instant(hour: 12, minute: 0, second: 0, in: country.timeZone)
            let due = try #require(
                calculator(country).deadline(from: start, span: .days(10), movesToWorkingDay: true).dueDate)
            #expect(due > day, "\(country) \(holiday)")
            #expect(!due.isWeekend && !holidays.contains(due.description), "\(country) \(holiday) → \(due)")
            var skipped = day
            while skipped < due {
                #expect(skipped.isWeekend || holidays.contains(skipped.description), "\(country) \(skipped)")
                skipped = skipped.adding(days: 1)
            }
        }
    }

    @Test func anExtensionAddsTwoMonthsToTheSameStart() throws {
        #expect(try dueDay("2026-01-31T10:00", .months(3)) == "2026-04-30")
        #expect(try dueDay("2026-11-30T10:00", .months(3)) == "2027-03-01")  // 28 Feb 2027 is a Sunday
    }

    @Test func pausedDaysMoveTheDueDayBeforeItMovesOffHolidays() throws {
        // Due 2 April without the pause; 10 days later is Sunday 12 April, so Monday 13 April.
        #expect(try dueDay("2026-03-02T10:00", .months(1), pausedDays: 10) == "2026-04-13")
        #expect(try dueDay("2026-03-02T10:00", .months(1), pausedDays: 0) == "2026-04-07")
    }

    @Test func whistleblowingFeedbackRunsFromTheEndOfDaySevenWithoutAnAcknowledgement() throws {
        let clockwork = Clockwork()
        let received = try instant("2026-03-02T10:00")
        let plans = clockwork.plans(
            for: .whistleblowing, receivedAt: received, awarenessAt: nil, urgent: false, entity: Fixtures.norway)
        #expect(plans.map(\.clock) == [.whistleblowingAck, .whistleblowingFeedback])
        #expect(plans[0].deadline.dueDate?.description == "2026-03-09")
        #expect(ISOTime.format(plans[1].startedAt, in: Self.oslo) == "2026-03-09T23:59:59+01:00")
        #expect(plans[1].deadline.dueDate?.description == "2026-06-09")
    }

    @Test func aBreachRunsFromAwarenessWhenThatIsEarlier() throws {
        let received = try instant("2026-03-10T10:00")
        let earlier = try instant("2026-03-09T08:30")
        let plan = try #require(
            Clockwork().plans(
                for: .breach, receivedAt: received, awarenessAt: earlier, urgent: false, entity: Fixtures.norway
            ).first)
        #expect(plan.startedAt == earlier)
        #expect(plan.deadline.due == earlier.addingTimeInterval(72 * 3600))
        #expect(
            plan.stages.map(\.label) == [
                "received, at start", "reminder, 24 hours after start", "reminder, 48 hours after start",
                "final-warning, 66 hours after start", "overdue, at the deadline",
            ])
    }

    @Test(arguments: [
        ("2026-03-27T10:00:00+01:00", "2026-03-27T09:00:00Z"), ("2026-03-27T09:00Z", "2026-03-27T09:00:00Z"),
        ("2026-03-27T10:00", "2026-03-27T09:00:00Z"), ("2026-03-27 10:00", "2026-03-27T09:00:00Z"),
        ("2026-03-27", "2026-03-26T23:00:00Z"), ("2026-07-01T10:00:30-02:30", "2026-07-01T12:30:30Z"),
    ])
    func readsIsoTimesWithAndWithoutOffsets(text: String, utc: String) throws {
        #expect(ISOTime.format(try instant(text), in: .gmt) == utc.replacingOccurrences(of: "Z", with: "+00:00"))
    }

    @Test(arguments: ["", "tomorrow", "2026-13-01", "2026-03-27T25:00", "2026-03-27T10:00+99:00", "27.03.2026"])
    func refusesWhatIsNotAnIsoTime(text: String) {
        #expect(throws: InputError.self) { try ISOTime.parse(text, field: "at", timeZone: .gmt) }
    }

    @Test func saysTheTimeLeftInWords() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(ISOTime.timeLeft(from: now, to: now.addingTimeInterval(2 * 86_400 + 3 * 3600)) == "2 days 3 hours left")
        #expect(ISOTime.timeLeft(from: now, to: now.addingTimeInterval(-5 * 3600)) == "overdue by 5 hours")
        #expect(ISOTime.timeLeft(from: now, to: now.addingTimeInterval(42 * 60)) == "42 minutes left")
        #expect(ISOTime.timeLeft(from: now, to: now.addingTimeInterval(20)) == "due now")
    }
}
