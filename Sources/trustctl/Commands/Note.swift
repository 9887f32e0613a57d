import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl note REF TEXT`: add an internal note, which the reporter never sees.
    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an internal note to a case.")

        @Argument(help: "The case reference.") var reference: String
        @Argument(help: "The note's text.") var text: String
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard !text.allSatisfy(\.isWhitespace) else { throw ValidationError("the note is empty") }
        }

        func run() async throws {
            try await reportingFailures {
                let caseFile = try await global.change(
                    reference, "notes", json: NoteRequest(text: text))
                Output.text("Note added to \(caseFile.reference) (\(caseFile.notes.count) in all)\n")
            }
        }
    }
}
