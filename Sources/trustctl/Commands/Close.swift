import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl close REF --outcome T`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a case with its outcome.",
            discussion: """
                Refused, with the list of what is missing, while a legal step is open: an unmet legal clock, an \
                open action, a breach without a decision (or whose decision is not carried out), a rights request \
                without an answer.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "The outcome, for the record.") var outcome: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "close", json: CloseRequest(outcome: outcome))
                Output.text("\(caseFile.reference): closed\n")
            }
        }
    }

    /// `trustctl reopen REF --reason T`.
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed or resolved case; recorded.")

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "Why it is reopened.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "reopen", json: ReasonRequest(reason: reason))
                Output.text("\(caseFile.reference): reopened, \(caseFile.summary.status.rawValue)\n")
            }
        }
    }
}
