import ArgumentParser
import Foundation
import TrustCenter

extension Trustctl {
    /// `trustctl register [--from DATE] [--to DATE] [--format csv|json]`.
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the breach register (Art. 33(5)), free of personal data.",
            discussion: """
                Every breach of your cases that the organisation became aware of in the period, notified or not. \
                Dates are whole UTC days, --to included; ISO 8601 times are taken as they are.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

        @Option(help: "The first day.") var from: String?
        @Option(help: "The last day.") var to: String?
        @Option(help: "csv or json.") var format: Format = .csv
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let query = [("from", from), ("to", to)].compactMap { name, value in
                    value.map { URLQueryItem(name: name, value: $0) }
                }
                let entries: [BreachRegisterEntry] = try await global.client().get("register", query: query)
                switch format {
                case .csv: Output.text(BreachRegisterCSV.render(entries))
                case .json: Output.json(entries)
                }
            }
        }
    }

    /// `trustctl draft REF [--stage initial|supplement] [--format text|json]`.
    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the draft of a notification to the entity's data protection authority.",
            discussion: """
                In the authority's fields, in its language and in English, free of personal data. Missing facts \
                are listed as to follow, with a date. See docs/drafts.md.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "initial, supplement or final.") var stage: String = "initial"
        @Option(help: "text or json.") var format: Format = .text
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let draft: RegulatorDraft = try await global.client().get(
                    "cases/\(reference)/draft", query: [URLQueryItem(name: "stage", value: stage)])
                switch format {
                case .text: Output.text(TerminalText.block(draft.text) + "\n")
                case .json: Output.json(draft)
                }
            }
        }
    }
}
