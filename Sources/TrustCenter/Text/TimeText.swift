import Foundation

/// Times as people read them in Trust Center: to the minute, in UTC, marked as such.
public enum TimeText {
    /// `2026-03-10 09:41 UTC`.
    public static func minute(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm 'UTC'") }

    /// `2026-03-10T09:41Z`, for a `<time datetime>` attribute.
    public static func isoMinute(_ date: Date) -> String { format(date, "yyyy-MM-dd'T'HH:mm'Z'") }

    /// `date` by a fixed `DateFormatter` pattern, in `timeZone` (UTC by default).
    static func format(_ date: Date, _ pattern: String, in timeZone: TimeZone = .gmt) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
