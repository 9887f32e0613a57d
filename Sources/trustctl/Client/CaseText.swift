import Foundation
import TrustCenter

/// Cases as text for people at a terminal. Every stored string goes through `TerminalText`.
enum CaseText {
    static func table(_ page: CasePage) -> String {
        guard !page.cases.isEmpty else {
            return page.total == 0 ? "No cases.\n" : "No cases on this page (\(page.total) in all).\n"
        }
        let rows = page.cases.map { summary in
            [
                summary.reference.description, summary.category.rawValue, summary.status.rawValue, summary.entityID,
                time(summary.receivedAt, summary.timeZone), TerminalText.line(summary.owner?.email ?? "-"),
            ] + (summary.urgent ? ["URGENT"] : [])
        }
        var text = TextTable.render(
            header: ["REFERENCE", "CATEGORY", "STATUS", "ENTITY", "RECEIVED", "OWNER"], rows: rows)
        let last = page.offset + page.cases.count
        if page.total > page.cases.count {
            text +=
                "Cases \(page.offset + 1)–\(last) of \(page.total).\(last < page.total ? " Next page: --offset \(last)" : "")\n"
        }
        return text
    }

    static func detail(_ caseFile: CaseFile) -> String {
        let summary = caseFile.summary
        let zone = summary.timeZone
        var lines = [
            "\(summary.reference)  \(summary.category.rawValue)  \(summary.status.rawValue)",
            "Entity:    \(TerminalText.line(summary.entityID))",
            "Received:  \(ClockText.local(summary.receivedAt, summary.timeZone))",
            "Owner:     \(summary.owner.map { TerminalText.line($0.description) } ?? "-")",
            "Routing:   \(TerminalText.line(caseFile.routing?.reason ?? "-"))",
            "Reporter:  \(reporter(caseFile.reporter))",
        ]
        if summary.urgent { lines.append("Urgent:    yes (a death or serious injury)") }
        if let awareness = caseFile.awarenessAt {
            lines.append("Aware:     \(ClockText.local(awareness, summary.timeZone))")
        }
        lines += ClockText.clocks(caseFile)
        lines += HandlingText.lines(caseFile)
        lines += ["", "Report"]
        for answer in caseFile.report.answers {
            lines.append("  \(TerminalText.line(answer.question)):")
            lines += indented(answer.value, by: 4)
        }
        if !caseFile.messages.isEmpty {
            lines += ["", "Messages"]
            lines += messages(caseFile.messages, zone).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast()
                .map { "  " + $0 }
        }
        if !caseFile.notes.isEmpty {
            lines += ["", "Notes"]
            for note in caseFile.notes {
                lines.append("  \(time(note.at, zone))  \(TerminalText.line(note.author.name))")
                lines += indented(note.text, by: 4)
            }
        }
        lines += ["", "History"]
        for event in caseFile.events {
            lines.append("  \(time(event.at, zone))  \(actor(event.actor))  \(change(event.change, zone))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dialogue, oldest first; the reporter is never named.
    static func messages(_ messages: [CaseMessage], _ zone: String) -> String {
        guard !messages.isEmpty else { return "No messages.\n" }
        var lines: [String] = []
        for message in messages {
            let from =
                message.direction == .fromReporter ? "reporter" : TerminalText.line(message.author?.email ?? "officer")
            lines.append("\(time(message.at, zone))  \(from)")
            lines += indented(message.text, by: 2)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func reporter(_ reporter: Reporter) -> String {
        switch reporter {
        case .anonymous: return "anonymous"
        case .withheld: return "named, identity withheld (trustctl show REF --reveal-identity, which is recorded)"
        case .named(let contact):
            let details = [contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
            return TerminalText.line(details.isEmpty ? contact.name : "\(contact.name) (\(details))")
        }
    }

    static func actor(_ actor: CaseEvent.Actor) -> String {
        switch actor {
        case .reporter: "reporter"
        case .system: "system"
        case .officer(let officer): TerminalText.line(officer.email)
        }
    }

    static func change(_ change: CaseEvent.Change, _ zone: String) -> String {
        switch change {
        case .received(let category): "received as \(category.rawValue)"
        case .classified(let from, let to, let reason):
            "classified \(from.rawValue) → \(to.rawValue)" + (reason.map { ": " + TerminalText.line($0) } ?? "")
        case .routed(let owner, _): "routed to \(TerminalText.line(owner.email))"
        case .assigned(_, let to, let reason):
            "assigned to \(TerminalText.line(to.email))" + (reason.map { ": " + TerminalText.line($0) } ?? "")
        case .awarenessSet(let at, let reason): "awareness set to \(time(at, zone)): \(TerminalText.line(reason))"
        case .clockExtended(let clock, let due, let reason):
            "\(clock.rawValue) extended to \(time(due, zone)): \(TerminalText.line(reason))"
        case .clockPaused(let clock, let reason): "\(clock.rawValue) paused: \(TerminalText.line(reason))"
        case .clockResumed(let clock, let due): "\(clock.rawValue) resumed, due \(time(due, zone))"
        case .clockEnded(let clock, let state): "\(clock.rawValue) clock \(state.rawValue)"
        case .authorityNotified(let stage): "\(stage.rawValue) notification to the authority recorded"
        case .noticesQueued(let clock, let kind, let recipients):
            "\(clock.rawValue) \(kind.rawValue): \(recipients) notice\(recipients == 1 ? "" : "s") queued"
        case .statusChanged(let from, let to): "status \(from.rawValue) → \(to.rawValue)"
        case .noteAdded: "note added"
        case .messageSent: "message sent to the reporter"
        case .messageReceived: "message from the reporter"
        case .assessed(let level, let severity): "assessed: \(level.rawValue) (severity \(severity))"
        case .decided(let authority, let subjects, let reason):
            "decided: authority \(authority ? "yes" : "no"), subjects \(subjects.rawValue)"
                + (reason.map { ": " + TerminalText.line($0) } ?? "")
        case .subjectsTold(let at): "data subjects told \(time(at, zone))"
        case .accountUpdated(let fields): "account updated: \(fields.joined(separator: ", "))"
        case .identityChanged(let status): "identity \(status.rawValue)"
        case .answered(let outcome): "answered: \(outcome.rawValue)"
        case .feedbackGiven: "feedback given to the reporter"
        case .identityRevealed: "reporter's identity revealed"
        case .actionAdded(let id, let due): "action \(id) set, due \(time(due, zone))"
        case .actionDone(let id): "action \(id) done"
        case .closed(let outcome): "closed: \(TerminalText.line(outcome))"
        case .reopened(let reason): "reopened: \(TerminalText.line(reason))"
        }
    }

    static func indented(_ text: String, by spaces: Int) -> [String] {
        let pad = String(repeating: " ", count: spaces)
        return TerminalText.block(text).split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }

    /// A time in the case's entity time zone, with its offset.
    static func time(_ date: Date, _ zone: String) -> String { ClockText.local(date, zone) }
}
