import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl status REF STATUS`: move a case along.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a case's status.",
            discussion: "Statuses: \(CaseStatus.settable.map(\.rawValue).joined(separator: ", ")).")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The new status.") var status: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let status = try CaseStatus.parse(status, among: CaseStatus.settable)
                let caseFile: CaseFile = try await global.client().send(
                    "PUT", "cases/\(reference)/status", json: StatusChange(status: status.rawValue))
                Output.text("\(caseFile.reference) is now \(caseFile.summary.status.rawValue)\n")
            }
        }
    }
}
