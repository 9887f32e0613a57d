import ArgumentParser
import TrustCenter

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
                struct Body: Encodable { var address: String }
                struct Answer: Decodable { var sent: Bool; var reply: String }
                let answer: Answer = try await global.client().send("POST", "mail/test", json: Body(address: address))
                Output.text("relay answered: \(TerminalText.line(answer.reply))\n")
            }
        }
    }
}
