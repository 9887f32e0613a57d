import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl messages REF`: the dialogue with the reporter.
    struct Messages: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the messages between the officers and the reporter of a case.")

        @Argument(help: "The case reference.") var reference: String
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let reference = try CaseReference(parsing: reference)
                let caseFile: CaseFile = try await global.client().get("cases/\(reference)")
                if json {
                    Output.json(caseFile.messages)
                } else {
                    Output.text(CaseText.messages(caseFile.messages, caseFile.summary.timeZone))
                }
            }
        }
    }

    /// `trustctl reply REF TEXT`: write to the reporter, who reads it on the follow-up page.
    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a message to the reporter; they read it on the follow-up page with their key.",
            discussion: "Email is never used: the reporter sees the message only when they come back with the key.")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The message.") var text: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "messages", json: NoteRequest(text: text))
                Output.text("Message sent on \(caseFile.reference) (\(caseFile.messages.count) in the dialogue)\n")
            }
        }
    }
}
