import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl acknowledge REF [TEXT]`: acknowledge a whistleblowing report to its reporter.
    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge a whistleblowing report: a message to the reporter's follow-up page.",
            discussion: """
                Meets the 7-day clock; feedback is then due within 3 months of now. Without TEXT, the standard \
                acknowledgement goes out in the reporter's language, with the feedback date.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The acknowledgement, in the reporter's language; leave out for the standard one.")
        var text: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "acknowledgement", json: OptionalTextRequest(text: text))
                let due = caseFile.clocks.running(.whistleblowingFeedback)?.due
                Output.text(
                    "\(caseFile.reference): acknowledged"
                        + (due.map { "; feedback due \(ClockText.local($0, caseFile.summary.timeZone))" } ?? "") + "\n")
            }
        }
    }
}
