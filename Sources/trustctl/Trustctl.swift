import ArgumentParser

/// The privacy officer's command line: a client of trustd's admin API. It never opens the
/// database.
@main
struct Trustctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustctl",
        abstract: "Triage and handle Trust Center cases through trustd's admin API.",
        discussion: """
            The server and token come from --url/--token, else TRUSTCTL_URL/TRUSTCTL_TOKEN, else the config file \
            (--config, TRUSTCTL_CONFIG, or ~/.config/trustctl/config.json).
            Exit codes: 0 done, 1 server error, 3 trustd unreachable, 4 token refused or not allowed, \
            5 not found, 6 input refused, 64 bad arguments or input, 66 a file cannot be read.
            """,
        subcommands: [
            Cases.self, Show.self, Classify.self, Assign.self, Status.self, Note.self, Messages.self, Reply.self,
            Deadlines.self, Notices.self, Notify.self, Extend.self, Awareness.self, Pause.self, Resume.self,
            Acknowledge.self, Feedback.self, Assess.self, Decide.self, Inform.self, Describe.self, Verify.self,
            Answer.self, Action.self, Actions.self, Close.self, Reopen.self, Register.self, Draft.self,
            Clock.self, Mail.self,
        ])
}
