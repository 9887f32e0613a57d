/// A named day that stops a deadline.
public struct Holiday: Hashable, Sendable {
    public let date: LocalDate
    public let name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The days besides Saturday and Sunday on which a deadline does not end, by country: the public holidays of
/// Regulation 1182/71 Art. 3(4) and the national rules that treat some eves as non-working days.
public enum PublicHolidays {
    /// Easter Sunday in the Gregorian calendar, by the anonymous algorithm (Meeus, Astronomical Algorithms).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30
        let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let monthAndDay = h + l - 7 * m + 114
        return LocalDate(uncheckedYear: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)
    }

    /// The year's holidays in `country`, sorted by date. Two holidays may share a date (Ascension Day on 1 May).
    public static func holidays(year: Int, country: Country) -> [Holiday] {
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> Holiday {
            Holiday(date: LocalDate(uncheckedYear: year, month: month, day: day), name: name)
        }
        func movable(_ offset: Int, _ name: String) -> Holiday {
            Holiday(date: easter.adding(days: offset), name: name)
        }
        func first(_ weekday: Weekday, from month: Int, _ day: Int, _ name: String) -> Holiday {
            let start = LocalDate(uncheckedYear: year, month: month, day: day)
            let offset = (weekday.rawValue - start.weekday.rawValue + 7) % 7
            return Holiday(date: start.adding(days: offset), name: name)
        }

        let shared = [
            fixed(1, 1, "New Year's Day"),
            movable(-2, "Good Friday"),
            movable(0, "Easter Sunday"),
            movable(1, "Easter Monday"),
            movable(39, "Ascension Day"),
            movable(49, "Whit Sunday"),
            fixed(12, 25, "Christmas Day"),
            fixed(12, 26, "Boxing Day"),
        ]
        let national: [Holiday]
        switch country {
        case .norway:
            national = [
                movable(-3, "Maundy Thursday"),
                fixed(5, 1, "Labour Day"),
                fixed(5, 17, "Constitution Day"),
                movable(50, "Whit Monday"),
            ]
        case .sweden:
            // Whit Monday gave way to National Day in 2005. The eves count as holidays for deadlines under
            // lag (1930:173) om beräkning av lagstadgad tid.
            national = [
                fixed(1, 6, "Epiphany"),
                fixed(5, 1, "Labour Day"),
                fixed(6, 6, "National Day"),
                first(.friday, from: 6, 19, "Midsummer Eve"),
                first(.saturday, from: 6, 20, "Midsummer Day"),
                first(.saturday, from: 10, 31, "All Saints' Day"),
                fixed(12, 24, "Christmas Eve"),
                fixed(12, 31, "New Year's Eve"),
            ]
        case .denmark:
            // The Folketing abolished Great Prayer Day in 2023, with effect from 2024.
            national =
                [movable(-3, "Maundy Thursday"), movable(50, "Whit Monday")]
                + (year <= 2023 ? [movable(26, "Great Prayer Day")] : [])
        }
        return (shared + national).sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    public static func isHoliday(_ date: LocalDate, in country: Country) -> Bool {
        holidays(year: date.year, country: country).contains { $0.date == date }
    }
}
