import ArgumentParser
import Foundation
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl notify REF --stage … --authority … --reference …`: record a notification to the authority.
    struct Notify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a breach notification to the data protection authority (Art. 33).",
            discussion: """
                The initial notification stops the 72-hour clock; after 72 hours it needs --late-reason. \
                In Sweden it starts the 4-week clock for supplements (IMY). A final notification ends that clock.
                """)

        @Argument(help: "The case reference.") var reference: String
        @Option(help: "initial, supplement or final.") var stage: String
        @Option(help: "The authority notified; default: the entity's.") var authority: String?
        @Option(name: .customLong("reference"), help: "The authority's reference for the notification.")
        var authorityReference: String
        @Option(help: "When it was notified (ISO 8601); default: now.") var at: String?
        @Option(help: "Why the initial notification comes after 72 hours (Art. 33(1)).") var lateReason: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                // The server reads the time in the entity's zone; the form is checked here first.
                if let at { _ = try ISOTime.parse(at, field: "at", timeZone: .gmt) }
                let stage = try NotificationStage.parse(stage, field: "stage")
                let caseFile: CaseFile = try await global.client().send(
                    "POST", "cases/\(reference)/notifications",
                    json: NotificationRequest(
                        stage: stage.rawValue, at: at, authority: authority, reference: authorityReference,
                        lateReason: lateReason))
                Output.text("\(caseFile.reference): \(stage.rawValue) notification recorded\n")
            }
        }
    }
}
