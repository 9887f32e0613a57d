import ArgumentParser
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl mail test ADDRESS`: is the relay working?
    struct Mail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check trustd's mail relay.", subcommands: [MailTest.self])
    }

    struct MailTest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Send a test message through the configured relay and print the relay's answer.")

        @Argument(help: "Where to send it.") var address: String
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let answer: MailTestAnswer = try await global.client().send(
                    "POST", "mail/test", json: MailTestRequest(address: address))
                Output.text("relay answered: \(TerminalText.line(answer.reply))\n")
            }
        }
    }
}
