import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl describe REF --what-happened T --consequences T --measures T …`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the account of what happened: cause, consequences, immediate measures.",
            discussion: """
                For the breach register, the authority's draft and every deviation (seed 004). Only the options \
                given change. Never name people: texts with an email address, a phone number or an identity \
                number are refused.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "What happened, and how.") var whatHappened: String?
        @Option(help: "The main cause.") var cause: String?
        @Option(help: "The consequences, observed or likely.") var consequences: String?
        @Option(name: .customLong("measures"), help: "The immediate measures taken to stop it and limit the harm.")
        var immediateMeasures: String?
        @Option(help: "The measures in place before it happened.") var measuresBefore: String?
        @Option(help: "The groups of people affected, such as \"customers\".") var subjectGroups: String?
        @Option(help: "When it began (ISO 8601; local time of the case's entity without an offset).")
        var from: String?
        @Option(help: "When it ended.") var until: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let given = [
                    ("what happened", whatHappened), ("cause", cause), ("consequences", consequences),
                    ("measures", immediateMeasures), ("measures before", measuresBefore),
                    ("subject groups", subjectGroups), ("from", from), ("until", until),
                ].filter { $0.1 != nil }.map(\.0)
                let caseFile = try await global.change(
                    reference, "account", method: "PATCH",
                    json: AccountRequest(
                        whatHappened: whatHappened, cause: cause, consequences: consequences,
                        immediateMeasures: immediateMeasures, measuresBefore: measuresBefore,
                        subjectGroups: subjectGroups, occurredFrom: from, occurredUntil: until))
                Output.text(
                    "\(caseFile.reference): account recorded (\(given.joined(separator: ", ")))\n"
                )
            }
        }
    }
}
