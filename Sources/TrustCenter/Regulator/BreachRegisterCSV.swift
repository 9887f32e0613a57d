import Foundation

/// The breach register as CSV (RFC 4180): one row per breach, a header row first, fields
/// quoted when they need it, CRLF line ends. Lists inside a field are separated by " | ", and
/// times are UTC ISO 8601 so that a spreadsheet sorts them.
public enum BreachRegisterCSV {
    public static let columns = [
        "reference", "entity", "country", "status", "received", "aware", "notification_due", "occurred_from",
        "occurred_until", "what_happened", "cause", "subject_groups", "consequences", "immediate_measures",
        "measures_before", "corrective_actions", "breach_types", "data_categories", "data_subjects", "records",
        "severity", "level", "recommend_authority", "recommend_subjects", "assessment_reasons", "assessed",
        "decisions", "notifications", "late_reasons", "subjects_told", "closed",
    ]

    public static func render(_ entries: [BreachRegisterEntry]) -> String {
        ([columns] + entries.map(row)).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    static func row(_ entry: BreachRegisterEntry) -> [String] {
        let facts = entry.facts
        let assessment = entry.assessment
        return [
            entry.reference.description, entry.entity, entry.country.rawValue, entry.status.rawValue,
            time(entry.receivedAt), time(entry.awareAt), time(entry.notificationDue), time(entry.occurredFrom),
            time(entry.occurredUntil), entry.whatHappened ?? "", entry.cause ?? "", entry.subjectGroups ?? "",
            entry.consequences ?? "", entry.immediateMeasures ?? "", entry.measuresBefore ?? "",
            list(
                entry.actions.map {
                    "\($0.what) (due \($0.dueDate); \($0.doneAt.map { "done \(time($0))" } ?? "open"))"
                }),
            list(facts?.breachTypes.map(\.rawValue) ?? []), list(facts?.dataCategories.map(\.rawValue) ?? []),
            facts.map { String($0.dataSubjects) } ?? "", facts?.records.map(String.init) ?? "",
            assessment.map { String($0.severity) } ?? "", assessment?.level.rawValue ?? "",
            assessment.map { $0.notifyAuthority ? "yes" : "no" } ?? "",
            assessment.map { $0.notifySubjects ? "yes" : "no" } ?? "", list(assessment?.reasons ?? []),
            time(entry.assessedAt),
            list(
                entry.decisions.map {
                    "\(time($0.decidedAt)): authority \($0.notifyAuthority ? "yes" : "no"), subjects \($0.subjects.rawValue)"
                        + ($0.differsFromRecommendation ? " (differs from the recommendation)" : "")
                        + ($0.reason.map { "; reason: \($0)" } ?? "")
                }),
            list(
                entry.notifications.map {
                    "\($0.stage.rawValue) \(time($0.notifiedAt)) to \($0.authority), reference \($0.authorityReference)"
                        + ($0.late ? " (late)" : "")
                }),
            list(entry.notifications.compactMap(\.lateReason)),
            list(entry.subjectsTold.map { "\(time($0.at)): \($0.how)" }), time(entry.closedAt),
        ]
    }

    static func list(_ items: [String]) -> String { items.joined(separator: " | ") }

    static func time(_ date: Date?) -> String { date.map { ISOTime.format($0, in: .gmt) } ?? "" }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field
    /// starting with = + - or @ gets a leading apostrophe, so that a spreadsheet shows it as
    /// text instead of running it as a formula.
    static func quoted(_ field: String) -> String {
        var field = field
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
