import ArgumentParser
import Foundation
import TrustCenter

extension Trustctl {
    /// `trustctl deadlines`: every running clock of the officer's cases, soonest first.
    struct Deadlines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List running clocks, soonest due first, with the time left.")

        @Flag(help: "Only clocks past due.") var overdue = false
        @Option(help: "How many per page (1–\(DeadlineQuery.maximumLimit)).") var limit = DeadlineQuery.defaultLimit
        @Option(help: "How many to skip.") var offset = 0
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard (1...DeadlineQuery.maximumLimit).contains(limit) else {
                throw ValidationError("--limit must be from 1 to \(DeadlineQuery.maximumLimit)")
            }
            guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        }

        func run() async throws {
            try await reportingFailures {
                let page: DeadlinePage = try await global.client().get(
                    "deadlines",
                    query: [
                        URLQueryItem(name: "overdue", value: String(overdue)),
                        URLQueryItem(name: "limit", value: String(limit)),
                        URLQueryItem(name: "offset", value: String(offset)),
                    ])
                if json { Output.json(page) } else { Output.text(ClockText.deadlines(page)) }
            }
        }
    }
}
