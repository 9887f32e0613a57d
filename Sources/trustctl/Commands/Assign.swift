import ArgumentParser
import TrustCenter

extension Trustctl {
    /// `trustctl assign REF OFFICER-EMAIL`: make an officer the case's owner.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a case to an officer.")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The officer's email.") var officer: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                struct Body: Encodable { var officer: String }
                let reference = try CaseReference(parsing: reference)
                let caseFile: CaseFile = try await global.client().send(
                    "PUT", "cases/\(reference)/assignee", json: Body(officer: officer))
                Output.text(
                    "\(caseFile.reference) is now assigned to \(TerminalText.line(caseFile.summary.assignee?.email ?? officer))\n"
                )
            }
        }
    }
}
