import ArgumentParser
import Foundation
import TrustCenter

extension Trustctl {
    /// `trustctl cases`: list cases, newest first.
    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases, newest first.")

        @Option(help: "Only this status: \(CaseStatus.validValues.joined(separator: ", ")).") var status: String?
        @Option(help: "Only this category: \(Category.validValues.joined(separator: ", ")).") var category: String?
        @Option(help: "Only this entity (company id).") var entity: String?
        @Option(help: "How many cases per page (1–\(CaseQuery.maximumLimit)).") var limit: Int = CaseQuery.defaultLimit
        @Option(help: "How many cases to skip.") var offset: Int = 0
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard (1...CaseQuery.maximumLimit).contains(limit) else {
                throw ValidationError("--limit must be from 1 to \(CaseQuery.maximumLimit)")
            }
            guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        }

        func run() async throws {
            try await reportingFailures {
                var query = [
                    URLQueryItem(name: "limit", value: String(limit)),
                    URLQueryItem(name: "offset", value: String(offset)),
                ]
                if let status {
                    query.append(URLQueryItem(name: "status", value: try CaseStatus.parse(status).rawValue))
                }
                if let category {
                    query.append(URLQueryItem(name: "category", value: try Category.parse(category).rawValue))
                }
                if let entity { query.append(URLQueryItem(name: "entity", value: entity)) }
                let page: CasePage = try await global.client().get("cases", query: query)
                if json {
                    Output.json(page)
                } else {
                    Output.text(CaseText.table(page))
                }
            }
        }
    }
}
