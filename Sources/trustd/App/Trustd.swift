import ArgumentParser

/// The Trust Center daemon: serves the report form and the admin API, and manages officers.
@main
struct Trustd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustd",
        abstract: "The Trust Center daemon.",
        subcommands: [Serve.self, OfficerCommand.self, FormsCommand.self],
        defaultSubcommand: Serve.self)
}
