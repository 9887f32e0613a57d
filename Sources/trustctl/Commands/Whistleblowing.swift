import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl feedback REF TEXT`: feedback to a whistleblower.
    struct Feedback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a whistleblower feedback on their follow-up page; meets the 3-month clock.")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The feedback: what was done or is planned, and why.") var text: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "feedback", json: NoteRequest(text: text))
                Output.text("\(caseFile.reference): feedback given\n")
            }
        }
    }
}
