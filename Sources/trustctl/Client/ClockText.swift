import Foundation
import TrustCenter

/// Clocks, deadlines and notices as text, in the entity's time zone.
enum ClockText {
    /// `2026-03-30 11:00 +02:00`, in the named zone (UTC when the name is unknown).
    static func local(_ date: Date, _ timeZone: String) -> String {
        ISOTime.local(date, in: TimeZone(identifier: timeZone) ?? .gmt)
    }

    /// The clocks section of `trustctl show`: each clock, its stages, and the notifications.
    static func clocks(_ caseFile: CaseFile, now: Date = Date()) -> [String] {
        let zone = caseFile.summary.timeZone
        var lines: [String] = []
        if !caseFile.clocks.isEmpty { lines += ["", "Clocks"] }
        for clock in caseFile.clocks {
            var head = "  \(clock.clock.rawValue)  \(clock.state.rawValue)  due \(local(clock.due, zone))"
            if clock.state.isRunning { head += "  (\(ISOTime.timeLeft(from: now, to: clock.due)))" }
            if let paused = clock.pausedAt { head += "  paused since \(local(paused, zone))" }
            if clock.extended { head += "  extended" }
            if let ended = clock.endedAt { head += "  ended \(local(ended, zone))" }
            lines.append(head)
            let start = clock.startedAt > now ? "starts" : "started"
            lines.append("    \(clock.clock.duty), \(start) \(local(clock.startedAt, zone))")
            for stage in clock.stages {
                var state = stage.firedAt.map { "fired \(local($0, zone))" } ?? "pending"
                if let error = stage.error { state = "failed: " + TerminalText.line(error) }
                lines.append("    \(local(stage.at, zone))  \(stage.label)  [\(state)]")
            }
        }
        if !caseFile.notifications.isEmpty {
            lines += ["", "Notifications to the authority"]
            for notice in caseFile.notifications {
                var line =
                    "  \(local(notice.notifiedAt, zone))  \(notice.stage.rawValue)  "
                    + TerminalText.line("\(notice.authority), reference \(notice.authorityReference)")
                if let reason = notice.lateReason { line += "  late: " + TerminalText.line(reason) }
                lines.append(line)
            }
        }
        return lines
    }

    static func deadlines(_ page: DeadlinePage, now: Date = Date()) -> String {
        guard !page.deadlines.isEmpty else { return "No running clocks.\n" }
        let rows = page.deadlines.map { entry in
            [
                entry.reference.description, entry.clock.rawValue, entry.entityID,
                local(entry.due, entry.timeZone), ISOTime.timeLeft(from: now, to: entry.due),
                entry.state == .paused ? "paused" : (entry.urgent ? "urgent" : ""),
            ]
        }
        var text = TextTable.render(header: ["REFERENCE", "CLOCK", "ENTITY", "DUE", "TIME LEFT", ""], rows: rows)
        if page.more { text += "More clocks follow; see the next page with --offset.\n" }
        return text
    }

    static func notices(_ notices: [Notice]) -> String {
        guard !notices.isEmpty else { return "No notices.\n" }
        let rows = notices.map { notice in
            [
                String(notice.id), local(notice.createdAt, notice.timeZone), notice.reference.description,
                notice.kind.rawValue, notice.clock?.rawValue ?? "-",
                notice.due.map { local($0, notice.timeZone) } ?? "-", notice.recipient.role.rawValue,
                notice.delivery.rawValue, String(notice.attempts), TerminalText.line(shortened(notice.lastReply ?? "")),
            ]
        }
        return TextTable.render(
            header: ["ID", "CREATED", "REFERENCE", "KIND", "CLOCK", "DUE", "AS", "DELIVERY", "ATTEMPTS", "LAST REPLY"],
            rows: rows)
    }

    /// A relay's answer cut at a word near 70 characters (the whole one is in `--json`).
    static func shortened(_ text: String) -> String {
        guard text.count > 70 else { return text }
        let cut = text.prefix(70)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }
}
