import ArgumentParser
import Foundation
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl awareness REF --at … --reason …`: when the organisation became aware of a breach.
    struct Awareness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set when the organisation became aware of a breach; the 72 hours run from it (Art. 33(1)).",
            discussion: "A time without an offset is read in the case's entity time zone.")

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "When (ISO 8601), such as 2026-03-27T10:00+01:00.") var at: String
        @Option(help: "How the organisation knew; recorded.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                // The server reads the time in the entity's zone; the form is checked here first.
                _ = try ISOTime.parse(at, field: "at", timeZone: .gmt)
                let caseFile: CaseFile = try await global.client().send(
                    "PUT", "cases/\(reference)/awareness", json: AwarenessChange(at: at, reason: reason))
                let zone = caseFile.summary.timeZone
                var line = "\(caseFile.reference): awareness recorded"
                if let due = caseFile.clocks.running(.breach)?.due {
                    line +=
                        due < Date()
                        ? "; the 72 hours ended \(ClockText.local(due, zone)): notify the authority now, with the reasons for the delay"
                        : "; notify the authority by \(ClockText.local(due, zone))"
                }
                Output.text(line + "\n")
            }
        }
    }
}
