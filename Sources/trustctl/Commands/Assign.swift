import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl assign REF OFFICER-EMAIL`: make an officer the case's owner.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a case another accountable owner.")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The officer's email.") var officer: String
        @Option(help: "Why; recorded with the change.") var reason: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let caseFile: CaseFile = try await global.client().send(
                    "PUT", "cases/\(reference)/assignee", json: AssigneeChange(officer: officer, reason: reason))
                Output.text(
                    "\(caseFile.reference) is now owned by \(TerminalText.line(caseFile.summary.owner?.email ?? officer))\n"
                )
            }
        }
    }
}
