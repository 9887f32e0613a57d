import Foundation
import TrustCenter

/// The handling record of a case as text: the account (immediate measures, consequences), a
/// breach's assessment and decisions, a rights request's identity check and answer, the
/// corrective actions, and the outcome. Every stored string goes through `TerminalText`.
enum HandlingText {
    static func lines(_ caseFile: CaseFile, now: Date = Date()) -> [String] {
        let handling = caseFile.handling
        let zone = caseFile.summary.timeZone
        var lines: [String] = []
        let account = handling.account
        let texts: [(String, String?)] = [
            ("What happened", account.whatHappened), ("Cause", account.cause),
            ("Consequences", account.consequences), ("Immediate measures", account.immediateMeasures),
            ("Measures before", account.measuresBefore), ("People affected", account.subjectGroups),
        ]
        if !account.setFields.isEmpty {
            lines += ["", "Account"]
            if account.occurredFrom != nil || account.occurredUntil != nil {
                lines.append(
                    "  Occurred: \(account.occurredFrom.map { CaseText.time($0, zone) } ?? "?") – "
                        + "\(account.occurredUntil.map { CaseText.time($0, zone) } ?? "?")")
            }
            for (label, text) in texts {
                guard let text else { continue }
                lines.append("  \(label):")
                lines += CaseText.indented(text, by: 4)
            }
        }
        if let assessment = handling.assessment {
            lines += ["", "Assessment (\(CaseText.time(assessment.assessedAt, zone)))"]
            lines += AssessmentText.lines(assessment.result).map { "  " + $0 }
        }
        for decision in handling.decisions {
            lines.append(
                "Decision:  authority \(decision.notifyAuthority ? "yes" : "no"), subjects \(decision.subjects.rawValue)"
                    + (decision.differsFromRecommendation ? " (differs from the recommendation)" : "")
                    + " — \(TerminalText.line(decision.decidedBy.email)), \(CaseText.time(decision.decidedAt, zone))")
            if let reason = decision.reason { lines += CaseText.indented(reason, by: 11) }
        }
        for told in handling.subjectsTold {
            lines.append("Subjects told: \(CaseText.time(told.at, zone)): \(TerminalText.line(told.how))")
        }
        if caseFile.summary.category == .rightsRequest {
            lines.append("Identity:  \((handling.identity ?? .unverified).rawValue)")
        }
        if let answer = handling.answer {
            lines.append("Answer:    \(answer.outcome.rawValue), \(CaseText.time(answer.answeredAt, zone))")
            lines += CaseText.indented(answer.reason, by: 11)
        }
        if let feedback = handling.feedbackAt {
            lines.append("Feedback:  given \(CaseText.time(feedback, zone))")
        }
        if !caseFile.actions.isEmpty {
            lines += ["", "Actions"]
            lines += actionTable(caseFile.actions, now: now).split(separator: "\n").map { "  " + $0 }
        }
        if let outcome = handling.outcome {
            lines.append("Outcome:   \(TerminalText.line(outcome))")
        }
        return lines
    }

    static func actionTable(_ actions: [CorrectiveAction], now: Date = Date()) -> String {
        guard !actions.isEmpty else { return "No actions.\n" }
        return TextTable.render(
            header: ["ID", "CASE", "DUE", "STATE", "OWNER", "WHAT"],
            rows: actions.map { action in
                [
                    String(action.id), action.reference.description, action.dueDate.description,
                    action.doneAt != nil ? "done" : action.isOverdue(at: now) ? "OVERDUE" : "open",
                    TerminalText.line(action.owner.email), ClockText.shortened(TerminalText.line(action.what)),
                ]
            })
    }
}

/// An assessment as text: the level, what follows, the severity and the reasons.
enum AssessmentText {
    static func lines(_ assessment: BreachAssessment) -> [String] {
        [
            "Level:     \(assessment.level.rawValue) (severity \(assessment.severity))",
            "Notify:    authority \(assessment.notifyAuthority ? "yes" : "no"), "
                + "data subjects \(assessment.notifySubjects ? "yes" : "no")",
            "Reasons:",
        ] + assessment.reasons.map { "  - " + TerminalText.line($0) }
    }
}
