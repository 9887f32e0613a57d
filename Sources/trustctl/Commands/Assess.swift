import ArgumentParser
import Foundation
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl assess REF --facts FILE` records a breach's facts; without REF it only evaluates them.
    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assess a breach from its facts (ENISA severity, see docs/assessment.md).",
            discussion: """
                With a case reference, the facts are recorded on the case and the recommendation is shown. \
                Without one, the facts are only evaluated, here, with no server: a "what if".
                """)

        @Argument(help: "The case reference; leave out to evaluate without a server.") var reference: String?
        @Option(help: "A JSON file with the facts; - reads standard input.") var facts: String
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let data: Data
                do {
                    data =
                        facts == "-"
                        ? FileHandle.standardInput.readDataToEndOfFile()
                        : try Data(contentsOf: URL(fileURLWithPath: facts))
                } catch {
                    throw ClientFailure("cannot read \(facts): \(error.localizedDescription)", exitCode: 66)
                }
                let parsed = try BreachFacts.parse(data)
                guard let reference else {
                    let assessment = BreachAssessment.evaluate(parsed)
                    if json { Output.json(assessment) } else { Output.text(text(assessment)) }
                    return
                }
                let caseFile: CaseFile = try await global.client().send(
                    "POST", "cases/\(try CaseReference(parsing: reference))/assessment", json: parsed)
                guard let assessment = caseFile.handling.assessment?.result else {
                    throw ClientFailure("trustd recorded no assessment; is trustctl the same version?", exitCode: 1)
                }
                if json {
                    Output.json(assessment)
                } else {
                    Output.text("\(caseFile.reference): assessed\n" + text(assessment))
                }
            }
        }

        func text(_ assessment: BreachAssessment) -> String {
            AssessmentText.lines(assessment).joined(separator: "\n") + "\n"
        }
    }

    /// `trustctl decide REF --authority yes|no --subjects … --reason T`.
    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide whether to notify the authority and the data subjects of a breach.",
            discussion: """
                A reason is required when the decision differs from the assessment's recommendation, \
                and for an Art. 34(3) exception: exception-a (unintelligible data), exception-b (the high \
                risk was removed), exception-c (disproportionate effort; a public communication instead).
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "Notify the data protection authority: yes or no.") var authority: String
        @Option(help: "Tell the data subjects: yes, no, exception-a, exception-b or exception-c.") var subjects: String
        @Option(help: "Why; recorded in the breach register.") var reason: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "decision",
                    json: DecisionRequest(authority: authority, subjects: subjects, reason: reason))
                let decision = caseFile.handling.decision
                Output.text(
                    "\(caseFile.reference): decided"
                        + (decision.map {
                            ": authority \($0.notifyAuthority ? "yes" : "no"), subjects \($0.subjects.rawValue)"
                                + ($0.differsFromRecommendation ? " (differs from the recommendation)" : "")
                        } ?? "") + "\n")
            }
        }
    }

    /// `trustctl inform REF --how T [--at TIME]`: the data subjects were told (Art. 34).
    struct Inform: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record when and how the data subjects were told of a breach (Art. 34).")

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "How they were told, without names: \"letter to each customer\".") var how: String
        @Option(help: "When; ISO 8601, local time of the case's entity without an offset. Default: now.") var at:
            String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "subjects-told", json: SubjectsToldRequest(at: at, how: how))
                Output.text("\(caseFile.reference): the data subjects' information is recorded\n")
            }
        }
    }
}
