import Foundation
import Testing
import TrustCenter

/// The tables below were worked out by hand from calendars, not by calling the code under test.
@Suite struct PublicHolidaysTests {
    func date(_ text: String) throws -> LocalDate {
        try #require(LocalDate(text))
    }

    func dates(_ year: Int, _ country: Country) -> Set<String> {
        Set(PublicHolidays.holidays(year: year, country: country).map(\.date.description))
    }

    @Test(arguments: [
        (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
        (2023, "2023-04-09"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
        (2027, "2027-03-28"), (2038, "2038-04-25"),
    ])
    func easterSundayFollowsTheGregorianComputus(year: Int, expected: String) {
        #expect(PublicHolidays.easterSunday(year: year).description == expected)
    }

    @Test func norwayHasItsTwelveHolidays() {
        #expect(
            dates(2025, .norway) == HolidayTables.norway[2025])
        #expect(
            dates(2026, .norway) == HolidayTables.norway[2026])
    }

    @Test func swedenCountsTheEvesAndHasNoWhitMonday() {
        #expect(
            dates(2025, .sweden) == HolidayTables.sweden[2025])
        #expect(
            dates(2026, .sweden) == HolidayTables.sweden[2026])
    }

    @Test func denmarkHasNeitherLabourDayNorConstitutionDayNorTheEves() throws {
        #expect(
            dates(2025, .denmark) == HolidayTables.denmark[2025])
        #expect(
            dates(2026, .denmark) == HolidayTables.denmark[2026])
        for text in ["2026-06-05", "2026-12-24", "2026-12-31", "2026-05-01"] {
            #expect(!PublicHolidays.isHoliday(try date(text), in: .denmark), "\(text)")
        }
    }

    @Test func greatPrayerDayEndsAfter2023() throws {
        #expect(PublicHolidays.isHoliday(try date("2023-05-05"), in: .denmark))
        #expect(PublicHolidays.holidays(year: 2023, country: .denmark).contains { $0.name == "Great Prayer Day" })
        #expect(!PublicHolidays.isHoliday(try date("2024-04-26"), in: .denmark))
        #expect(!PublicHolidays.holidays(year: 2024, country: .denmark).contains { $0.name == "Great Prayer Day" })
    }

    @Test(arguments: [
        (2020, "2020-06-19", "2020-06-20", "2020-10-31"),
        (2024, "2024-06-21", "2024-06-22", "2024-11-02"),
        (2025, "2025-06-20", "2025-06-21", "2025-11-01"),
        (2027, "2027-06-25", "2027-06-26", "2027-11-06"),
    ])
    func swedishMidsummerAndAllSaintsMoveToTheirWeekday(year: Int, eve: String, day: String, allSaints: String) {
        let named = Dictionary(
            PublicHolidays.holidays(year: year, country: .sweden).map { ($0.name, $0.date.description) },
            uniquingKeysWith: { first, _ in first })
        #expect(named["Midsummer Eve"] == eve)
        #expect(named["Midsummer Day"] == day)
        #expect(named["All Saints' Day"] == allSaints)
    }

    @Test func holidaysComeSortedByDateWithEnglishNames() {
        for country in Country.allCases {
            let holidays = PublicHolidays.holidays(year: 2026, country: country)
            #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
        }
        let norway = PublicHolidays.holidays(year: 2026, country: .norway)
        #expect(norway.first { $0.name == "Maundy Thursday" }?.date.description == "2026-04-02")
        #expect(norway.first { $0.name == "Whit Monday" }?.date.description == "2026-05-25")
    }

    @Test func ordinaryDaysAndWeekendsAreNotHolidays() throws {
        #expect(!PublicHolidays.isHoliday(try date("2026-11-22"), in: .norway))  // a Sunday
        #expect(!PublicHolidays.isHoliday(try date("2026-05-25"), in: .sweden))  // Whit Monday
        #expect(!PublicHolidays.isHoliday(try date("2026-01-06"), in: .norway))
        #expect(PublicHolidays.isHoliday(try date("2026-01-06"), in: .sweden))
    }
}

@Suite struct LocalDateTests {
    func date(_ text: String) throws -> LocalDate {
        try #require(LocalDate(text))
    }

    func utc(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-03-31", 1, "2026-04-30"),
        ("2026-12-31", 1, "2027-01-31"), ("2026-11-30", 3, "2027-02-28"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"), ("2028-02-29", 12, "2029-02-28"), ("2026-05-17", 0, "2026-05-17"),
        ("2026-01-31", -13, "2024-12-31"),
    ])
    func addingMonthsKeepsTheDayOrClampsToTheMonthsEnd(start: String, months: Int, expected: String) throws {
        #expect(try date(start).adding(months: months).description == expected)
    }

    @Test(arguments: [
        ("2025-12-31", 1, "2026-01-01"), ("2026-01-01", -1, "2025-12-31"), ("2028-02-28", 1, "2028-02-29"),
        ("2028-02-29", 1, "2028-03-01"), ("2026-02-28", 1, "2026-03-01"), ("2000-02-28", 1, "2000-02-29"),
        ("2100-02-28", 1, "2100-03-01"), ("2026-01-01", 365, "2027-01-01"), ("2028-01-01", 366, "2029-01-01"),
        ("2026-03-01", -1, "2026-02-28"), ("2024-03-01", -1, "2024-02-29"), ("2026-11-22", 72, "2027-02-02"),
    ])
    func addingDaysCrossesMonthsYearsAndLeapDays(start: String, days: Int, expected: String) throws {
        #expect(try date(start).adding(days: days).description == expected)
    }

    @Test func daysUntilIsSigned() throws {
        #expect(try date("2026-01-01").days(until: date("2027-01-01")) == 365)
        #expect(try date("2028-01-01").days(until: date("2029-01-01")) == 366)
        #expect(try date("2026-03-01").days(until: date("2026-02-01")) == -28)
        #expect(try date("2026-11-22").days(until: date("2026-11-22")) == 0)
        #expect(try date("1970-01-01").days(until: date("2000-01-01")) == 10_957)
    }

    @Test(arguments: [
        ("2026-11-22", Weekday.sunday), ("2000-01-01", .saturday), ("1970-01-01", .thursday),
        ("2026-01-01", .thursday), ("2024-02-29", .thursday), ("2026-03-29", .sunday), ("1900-01-01", .monday),
        ("2200-12-31", .wednesday),
    ])
    func weekdayMatchesTheCalendar(text: String, weekday: Weekday) throws {
        #expect(try date(text).weekday == weekday)
        #expect(try date(text).isWeekend == (weekday == .saturday || weekday == .sunday))
    }

    @Test(arguments: [
        "2026-2-1", "2026-02-30", "x", "", "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "1899-12-31",
        "2201-01-01", " 2026-01-01", "2026-01-01T00:00", "2026/01/01", "+026-01-01", "２０２６-01-01",
    ])
    func parsingRefusesAnythingButAnExistingIsoDate(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func parsingAndPrintingRoundTrip() throws {
        for text in ["1900-01-01", "2028-02-29", "2026-03-05", "2200-12-31"] {
            #expect(try date(text).description == text)
        }
        let made = try #require(LocalDate(year: 2026, month: 3, day: 5))
        #expect(made.description == "2026-03-05")
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2201, month: 1, day: 1) == nil)
        #expect(try date("2025-12-31") < date("2026-01-01"))
        #expect(try date("2026-01-31") < date("2026-02-01"))
        #expect(LocalDate.daysInMonth(year: 2028, month: 2) == 29)
        #expect(LocalDate.daysInMonth(year: 2100, month: 2) == 28)
    }

    @Test func codesAsASingleString() throws {
        let encoded = try JSONEncoder().encode([try date("2026-03-05")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-03-05"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: encoded) == [try date("2026-03-05")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test func osloWallTimesMapToInstantsAcrossDaylightSaving() throws {
        let oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        let springForward = try date("2026-03-29")
        let fallBack = try date("2026-10-25")
        #expect(springForward.instant(hour: 0, minute: 0, second: 0, in: oslo) == (try utc("2026-03-28T23:00:00Z")))
        #expect(springForward.instant(hour: 23, minute: 59, second: 59, in: oslo) == (try utc("2026-03-29T21:59:59Z")))
        #expect(fallBack.instant(hour: 0, minute: 0, second: 0, in: oslo) == (try utc("2026-10-24T22:00:00Z")))
        #expect(fallBack.instant(hour: 23, minute: 59, second: 59, in: oslo) == (try utc("2026-10-25T22:59:59Z")))
    }

    @Test func instantsMapToOsloDatesAcrossDaylightSaving() throws {
        let oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        let gmt = try #require(TimeZone(identifier: "UTC"))
        #expect(LocalDate(try utc("2026-03-29T21:59:59Z"), in: oslo) == (try date("2026-03-29")))
        #expect(LocalDate(try utc("2026-03-29T22:00:00Z"), in: oslo) == (try date("2026-03-30")))
        #expect(LocalDate(try utc("2026-03-29T22:00:00Z"), in: gmt) == (try date("2026-03-29")))
        #expect(LocalDate(try utc("2026-10-25T22:59:59Z"), in: oslo) == (try date("2026-10-25")))
        #expect(LocalDate(try utc("2026-10-25T23:00:00Z"), in: oslo) == (try date("2026-10-26")))
        #expect(LocalDate(try utc("2026-03-28T23:00:00Z"), in: oslo) == (try date("2026-03-29")))
    }

    @Test func everyDayOfTheYearRoundTripsThroughOsloInstants() throws {
        let oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        var day = try date("2026-01-01")
        while day.year == 2026 {
            #expect(LocalDate(day.instant(hour: 0, minute: 0, second: 0, in: oslo), in: oslo) == day)
            #expect(LocalDate(day.instant(hour: 23, minute: 59, second: 59, in: oslo), in: oslo) == day)
            day = day.adding(days: 1)
        }
    }
}
