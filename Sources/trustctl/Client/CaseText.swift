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
                time(summary.receivedAt), summary.assignee?.email ?? "-",
            ]
        }
        var text = TextTable.render(
            header: ["REFERENCE", "CATEGORY", "STATUS", "ENTITY", "RECEIVED", "ASSIGNEE"], rows: rows)
        let last = page.offset + page.cases.count
        if page.total > page.cases.count {
            text +=
                "Cases \(page.offset + 1)–\(last) of \(page.total).\(last < page.total ? " Next page: --offset \(last)" : "")\n"
        }
        return text
    }

    static func detail(_ caseFile: CaseFile) -> String {
        let summary = caseFile.summary
        var lines = [
            "\(summary.reference)  \(summary.category.rawValue)  \(summary.status.rawValue)",
            "Entity:    \(TerminalText.line(summary.entityID))",
            "Received:  \(time(summary.receivedAt))",
            "Assignee:  \(summary.assignee.map { TerminalText.line("\($0.name) <\($0.email)>") } ?? "-")",
            "Reporter:  \(reporter(caseFile.reporter))",
            "",
            "Report",
        ]
        for answer in caseFile.report.answers {
            lines.append("  \(TerminalText.line(answer.question)):")
            lines += indented(answer.value, by: 4)
        }
        if !caseFile.messages.isEmpty {
            lines += ["", "Messages"]
            lines += messages(caseFile.messages).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { "  " + $0 }
        }
        if !caseFile.notes.isEmpty {
            lines += ["", "Notes"]
            for note in caseFile.notes {
                lines.append("  \(time(note.at))  \(TerminalText.line(note.author.name))")
                lines += indented(note.text, by: 4)
            }
        }
        lines += ["", "History"]
        for event in caseFile.events {
            lines.append("  \(time(event.at))  \(actor(event.actor))  \(change(event.change))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dialogue, oldest first; the reporter is never named.
    static func messages(_ messages: [CaseMessage]) -> String {
        guard !messages.isEmpty else { return "No messages.\n" }
        var lines: [String] = []
        for message in messages {
            let from =
                message.direction == .fromReporter ? "reporter" : TerminalText.line(message.author?.email ?? "officer")
            lines.append("\(time(message.at))  \(from)")
            lines += indented(message.text, by: 2)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func reporter(_ reporter: Reporter) -> String {
        switch reporter {
        case .anonymous: return "anonymous"
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

    static func change(_ change: CaseEvent.Change) -> String {
        switch change {
        case .received(let category): "received as \(category.rawValue)"
        case .classified(let from, let to, let reason):
            "classified \(from.rawValue) → \(to.rawValue)" + (reason.map { ": " + TerminalText.line($0) } ?? "")
        case .assigned(_, let to): "assigned to \(TerminalText.line(to.email))"
        case .statusChanged(let from, let to): "status \(from.rawValue) → \(to.rawValue)"
        case .noteAdded: "note added"
        case .messageSent: "message sent to the reporter"
        case .messageReceived: "message from the reporter"
        }
    }

    static func indented(_ text: String, by spaces: Int) -> [String] {
        let pad = String(repeating: " ", count: spaces)
        return TerminalText.block(text).split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }

    static func time(_ date: Date) -> String { TimeText.minute(date) }
}
