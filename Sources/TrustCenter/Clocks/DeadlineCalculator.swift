import Foundation

/// When a clock is due. Hour spans are exact instants, so a daylight-saving change moves the
/// local time shown but never the deadline. Day and month spans count calendar days in the
/// entity's time zone and end at 23:59:59 local time on the due day.
public struct DeadlineCalculator: Sendable {
    public let country: Country
    public let timeZone: TimeZone

    public init(country: Country, timeZone: TimeZone) {
        self.country = country
        self.timeZone = timeZone
    }

    /// The deadline of a clock that started at `start` and runs for `span`.
    /// - Parameters:
    ///   - movesToWorkingDay: a day-based due day that is a weekend day or a public holiday of
    ///     the country moves to the next working day (Reg. 1182/71 Art. 3(4)).
    ///   - pausedDays: whole days the clock stood still, added before the move.
    public func deadline(from start: Date, span: ClockSpan, movesToWorkingDay: Bool, pausedDays: Int = 0)
        -> Deadline
    {
        let day: LocalDate
        switch span {
        case .hours(let hours):
            return Deadline(due: start.addingTimeInterval(TimeInterval(hours) * 3600), dueDate: nil)
        case .days(let days):
            day = LocalDate(start, in: timeZone).adding(days: days)
        case .months(let months):
            // Same date in the target month, or its last day when that date does not exist.
            day = LocalDate(start, in: timeZone).adding(months: months)
        }
        var due = day.adding(days: pausedDays)
        if movesToWorkingDay {
            due = nextWorkingDay(onOrAfter: due)
        }
        return Deadline(due: due.instant(hour: 23, minute: 59, second: 59, in: timeZone), dueDate: due)
    }

    public func isWorkingDay(_ day: LocalDate) -> Bool {
        !day.weekday.isWeekend && !PublicHolidays.isHoliday(day, in: country)
    }

    public func nextWorkingDay(onOrAfter day: LocalDate) -> LocalDate {
        var candidate = day
        // At most a long weekend with holidays on either side; 14 is a safe bound.
        for _ in 0..<14 where !isWorkingDay(candidate) {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }

    /// The end of `day`, 23:59:59 local time: where a day-based clock that starts "after day 7" starts.
    public func endOfDay(_ day: LocalDate) -> Date {
        day.instant(hour: 23, minute: 59, second: 59, in: timeZone)
    }

    /// The calendar day of `date` in the entity's time zone.
    public func day(of date: Date) -> LocalDate {
        LocalDate(date, in: timeZone)
    }
}

/// A computed deadline: the instant, and for day-based clocks the local due day.
public struct Deadline: Hashable, Sendable {
    public var due: Date
    public var dueDate: LocalDate?

    public init(due: Date, dueDate: LocalDate?) {
        self.due = due
        self.dueDate = dueDate
    }
}
