import Foundation

/// Times as officers type them and as the API and `--json` print them: ISO 8601.
public enum ISOTime {
    /// Reads `2026-03-27T10:00:00+01:00`, `2026-03-27T09:00Z`, or a local time without an offset
    /// (`2026-03-27T10:00`, `2026-03-27 10:00`, `2026-03-27`), which is read in `timeZone`.
    public static func parse(_ text: String, field: String, timeZone: TimeZone) throws(InputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let bad = InputError(
            field: field,
            message: "\(PlainText.quoted(text, limit: 40)) is not an ISO 8601 time; write it like "
                + "2026-03-27T10:00:00+01:00, 2026-03-27T10:00 (local) or 2026-03-27")
        let (local, offset) = split(trimmed)
        let halves = local.split(separator: "T", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count), let day = LocalDate(String(halves[0])) else { throw bad }
        var clock = [0, 0, 0]
        if halves.count == 2 {
            let parts = halves[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { throw bad }
            for (index, part) in parts.enumerated() { clock[index] = part ?? 0 }
            guard (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...59).contains(clock[2]) else {
                throw bad
            }
        }
        guard let offset else {
            return day.instant(hour: clock[0], minute: clock[1], second: clock[2], in: timeZone)
        }
        guard let zone = offset else { throw bad }
        return day.instant(hour: clock[0], minute: clock[1], second: clock[2], in: zone)
    }

    /// Separates a trailing `Z` or `±HH:MM` offset. The outer optional is nil when there is no
    /// offset; the inner is nil when there is one that cannot be read.
    private static func split(_ text: String) -> (String, TimeZone??) {
        if text.hasSuffix("Z") || text.hasSuffix("z") { return (String(text.dropLast()), .some(.gmt)) }
        guard let tee = text.firstIndex(of: "T"),
            let sign = text[tee...].lastIndex(where: { $0 == "+" || $0 == "-" })
        else { return (text, nil) }
        let parts = text[text.index(after: sign)...].split(separator: ":").map { Int($0) }
        guard parts.count == 2, let hours = parts[0], let minutes = parts[1], hours <= 14, minutes < 60 else {
            return (String(text[..<sign]), .some(nil))
        }
        let seconds = (hours * 3600 + minutes * 60) * (text[sign] == "-" ? -1 : 1)
        return (String(text[..<sign]), .some(TimeZone(secondsFromGMT: seconds)))
    }

    /// `2026-03-30T11:00:00+02:00`: the instant with the zone's offset at that instant.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        TimeText.format(date, "yyyy-MM-dd'T'HH:mm:ssxxxxx", in: timeZone)
    }

    /// `2026-03-30 11:00 +02:00`, for people: the local time and its offset.
    public static func local(_ date: Date, in timeZone: TimeZone) -> String {
        TimeText.format(date, "yyyy-MM-dd HH:mm xxx", in: timeZone)
    }

    /// "2 days 3 hours left", "overdue by 5 hours", "due now".
    public static func timeLeft(from now: Date, to due: Date) -> String {
        let seconds = Int(due.timeIntervalSince(now))
        let span = duration(abs(seconds))
        if abs(seconds) < 60 { return "due now" }
        return seconds > 0 ? "\(span) left" : "overdue by \(span)"
    }

    /// The two largest units of a duration: "2 days 3 hours", "5 hours 10 minutes", "42 minutes".
    static func duration(_ seconds: Int) -> String {
        duration(seconds) { unit, count in
            "\(count) \(unit.rawValue.dropLast())\(count == 1 ? "" : "s")"
        }
    }

    /// The two largest units of a duration (at least a minute), each named by `name`.
    static func duration(_ seconds: Int, name: (DurationUnit, Int) -> String) -> String {
        let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60)
        let parts: [(DurationUnit, Int)] =
            days > 0
            ? [(.days, days), (.hours, hours)]
            : hours > 0 ? [(.hours, hours), (.minutes, minutes)] : [(.minutes, max(minutes, 1))]
        return parts.enumerated().filter { $0.offset == 0 || $0.element.1 > 0 }.map { name($0.element.0, $0.element.1) }
            .joined(separator: " ")
    }
}

/// The units a duration is said in.
enum DurationUnit: String {
    case days, hours, minutes
}

extension Country {
    /// The country's time zone, for a deadline computed without an entity.
    public var timeZone: TimeZone {
        let name =
            switch self {
            case .norway: "Europe/Oslo"
            case .sweden: "Europe/Stockholm"
            case .denmark: "Europe/Copenhagen"
            }
        return TimeZone(identifier: name) ?? .gmt
    }
}

extension Entity {
    /// `2026-03-30 11:00 +02:00`: a time as people of this entity read it.
    public func localMinute(_ date: Date) -> String {
        ISOTime.local(date, in: zone)
    }

    /// The entity's time zone (validated when the configuration is read).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
}
