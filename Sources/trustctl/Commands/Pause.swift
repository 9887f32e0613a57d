import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl pause REF --reason T`: the rights-request clock waits for identity information.
    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a rights request's clock while waiting for identity information (Art. 12(6)).",
            discussion:
                "Its stages wait too. `trustctl resume` lets it run again, due later by the days it stood still.")

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "What was asked of the requester; recorded.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "pause", json: ReasonRequest(reason: reason))
                Output.text("\(caseFile.reference): the rights-request clock is paused\n")
            }
        }
    }

    /// `trustctl resume REF`: the rights-request clock runs again.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a paused rights-request clock run again.")

        @Argument(help: "The case reference.") var reference: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "resume", json: EmptyRequest())
                let due = caseFile.clocks.running(.rightsRequest)?.due
                Output.text(
                    "\(caseFile.reference): running again"
                        + (due.map { ", due \(ClockText.local($0, caseFile.summary.timeZone))" } ?? "") + "\n")
            }
        }
    }
}
