import ArgumentParser
import Foundation
import TrustCenter

extension Trustctl {
    /// `trustctl notices`: the notices addressed to the officer, newest first.
    struct Notices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the notices addressed to you: new cases, reminders, warnings and overdue clocks.")

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
