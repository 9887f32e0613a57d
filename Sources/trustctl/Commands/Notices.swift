import ArgumentParser
import Foundation
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl notices [list|retry]`: the outbox as an officer sees it.
    struct Notices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The notices addressed to you, and retrying a failed one.",
            subcommands: [NoticeList.self, NoticeRetry.self], defaultSubcommand: NoticeList.self)
    }

    /// `trustctl notices [--pending|--failed]`: newest first.
    struct NoticeList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the notices addressed to you: new cases, reminders, warnings and overdue clocks.",
            discussion: "With --failed, also the failed notices of the cases you may see: a failed notice is an alert.")

        @Flag(help: "Only notices not yet delivered.") var pending = false
        @Flag(help: "Only notices whose delivery failed.") var failed = false
        @Option(help: "How many (1–\(NoticeQuery.maximumLimit)).") var limit = 100
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard !(pending && failed) else { throw ValidationError("give --pending or --failed, not both") }
            guard (1...NoticeQuery.maximumLimit).contains(limit) else {
                throw ValidationError("--limit must be from 1 to \(NoticeQuery.maximumLimit)")
            }
        }

        func run() async throws {
            try await reportingFailures {
                var query = [URLQueryItem(name: "limit", value: String(limit))]
                if pending { query.append(URLQueryItem(name: "delivery", value: NoticeDelivery.pending.rawValue)) }
                if failed { query.append(URLQueryItem(name: "delivery", value: NoticeDelivery.failed.rawValue)) }
                let notices: [Notice] = try await global.client().get("notices", query: query)
                if json { Output.json(notices) } else { Output.text(ClockText.notices(notices)) }
            }
        }
    }
}

extension Trustctl {
    /// `trustctl notices retry ID`: a failed notice goes back into the outbox.
    struct NoticeRetry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Put a failed notice back in the outbox for another attempt now.")

        @Argument(help: "The notice's id, as `trustctl notices --failed` shows it.") var id: Int64
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let notice: Notice = try await global.client().send("POST", "notices/\(id)/retry", json: EmptyRequest())
                Output.text("notice \(notice.id) (\(notice.reference)) is pending again\n")
            }
        }
    }
}
