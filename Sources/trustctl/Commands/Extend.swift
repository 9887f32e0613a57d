import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl extend REF --reason T`: extend a rights request by two further months.
    struct Extend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extend a rights request's deadline by two further months (Art. 12(3)).",
            discussion: "Only before the first due date, and only once.")

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "Why the request is complex or numerous; recorded.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "extension", json: ReasonRequest(reason: reason))
                let due = caseFile.clocks.running(.rightsRequest)?.due
                Output.text(
                    "\(caseFile.reference): extended"
                        + (due.map { ", now due \(ClockText.local($0, caseFile.summary.timeZone))" } ?? "") + "\n")
            }
        }
    }
}
