import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl show REF`: the whole case.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case: report, reporter, notes and history.")

        @Argument(help: "The case reference, such as TC-2026-00042.") var reference: String
        @Flag(help: "Print JSON for scripts.") var json = false
        @Flag(help: "Show a whistleblower's identity; recorded in the case's history.") var revealIdentity = false
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let caseFile: CaseFile =
                    revealIdentity
                    ? try await global.client().send("POST", "cases/\(reference)/identity/reveal", json: EmptyRequest())
                    : try await global.client().get("cases/\(reference)")
                if json { Output.json(caseFile) } else { Output.text(CaseText.detail(caseFile)) }
            }
        }
    }
}
