import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl verify REF --requested T` or `trustctl verify REF --done`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rights requester's identity (Art. 12(6)).",
            discussion: """
                --requested T asks the requester, on their follow-up page, for what confirms who they are; \
                the one-month clock stands still until --done records the identity as verified.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "What the requester is asked for; written to them in their language's letter.")
        var requested: String?
        @Flag(help: "The identity is verified; a paused clock runs again.") var done = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard (requested != nil) != done else {
                throw ValidationError("give either --requested TEXT or --done")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let client = try global.client()
                let caseFile: CaseFile =
                    if let requested {
                        try await client.send(
                            "POST", "cases/\(reference)/identity/request", json: NoteRequest(text: requested))
                    } else {
                        try await client.send("POST", "cases/\(reference)/identity/verified", json: EmptyRequest())
                    }
                let clock = caseFile.clocks.running(.rightsRequest)
                Output.text(
                    "\(caseFile.reference): identity \((caseFile.handling.identity ?? .unverified).rawValue)"
                        + (clock.map {
                            $0.state == .paused
                                ? "; the clock is paused"
                                : "; due \(ClockText.local($0.due, caseFile.summary.timeZone))"
                        } ?? "") + "\n")
            }
        }
    }

    /// `trustctl answer REF --outcome fulfilled|partially|refused --reason T`.
    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a rights request; the requester gets the letter on their follow-up page.",
            discussion: """
                A refusal, whole or partial, tells the requester the reasons and their right to complain to the \
                authority and to go to court (Art. 12(4)), in their language.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "fulfilled, partially or refused.") var outcome: String
        @Option(help: "What was done, or why not; written to the requester.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "answer", json: AnswerRequest(outcome: outcome, reason: reason))
                Output.text(
                    "\(caseFile.reference): answered (\(caseFile.handling.answer?.outcome.rawValue ?? outcome))\n")
            }
        }
    }
}
