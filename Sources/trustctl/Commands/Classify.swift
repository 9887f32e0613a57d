import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl classify REF CATEGORY`: set what the case is about.
    struct Classify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify a case.",
            discussion: """
                Categories: \(Category.assignable.map(\.rawValue).joined(separator: ", ")). The case is routed \
                again, the old clocks stop, and the new category's clocks start from the original receipt \
                (or awareness) time.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The new category.") var category: String
        @Option(help: "Why; required and recorded with the change.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let category = try Category.parse(category, among: Category.assignable)
                let caseFile: CaseFile = try await global.client().send(
                    "PUT", "cases/\(reference)/category",
                    json: CategoryChange(category: category.rawValue, reason: reason))
                Output.text("\(caseFile.reference) is now \(caseFile.summary.category.rawValue)\n")
            }
        }
    }
}
