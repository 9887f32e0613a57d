import ArgumentParser
import Foundation
import Logging
import TrustCenter

/// `trustd officer …`: manage officers directly on the database, so that the first officer can
/// be created before anyone can sign in. Safe while the daemon runs (SQLite WAL, busy timeout).
struct OfficerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer",
        abstract: "Add, list and revoke officers.",
        subcommands: [Add.self, List.self, Revoke.self, Rotate.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an officer and print their token once, on stdout.",
            discussion:
                "The token is not stored and cannot be shown again: export TRUSTCTL_TOKEN=$(trustd officer add …)")

        @Option(help: "The officer's name.") var name: String
        @Option(help: "The officer's email; it names them in trustctl assign.") var email: String
        @Option(help: "One of: \(OfficerRole.validValues.joined(separator: ", ")).") var role: String
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await reportingFailures {
                let role = try OfficerRole.parse(role)
                try await withRuntime(options) { runtime in
                    let (officer, token) = try await runtime.officers.add(name: name, email: email, role: role)
                    printToken(
                        token, about: "Added officer \(officer.id): \(officer.email) (\(officer.role.rawValue)).")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List officers.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await reportingFailures {
                try await withRuntime(options) { runtime in
                    let rows = try await runtime.officers.list().map { officer in
                        [
                            String(officer.id), officer.name, officer.email, officer.role.rawValue,
                            officer.isActive ? "active" : "revoked",
                        ]
                    }
                    FileHandle.standardOutput.write(
                        Data(TextTable.render(header: ["ID", "NAME", "EMAIL", "ROLE", "STATE"], rows: rows).utf8))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an officer's token; they can no longer sign in.")
        @Argument(help: "The officer's email.") var email: String
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await reportingFailures {
                try await withRuntime(options) { runtime in
                    let (officer, wasActive) = try await runtime.officers.revoke(email: email)
                    let message =
                        wasActive
                        ? "Revoked officer \(officer.id): \(officer.email).\n"
                        : "Officer \(officer.id): \(officer.email) was already revoked.\n"
                    FileHandle.standardError.write(Data(message.utf8))
                }
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an officer a new token, printed once on stdout; the old one stops working.")
        @Argument(help: "The officer's email.") var email: String
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await reportingFailures {
                try await withRuntime(options) { runtime in
                    let (officer, token) = try await runtime.officers.rotateToken(email: email)
                    printToken(token, about: "New token for officer \(officer.id): \(officer.email).")
                }
            }
        }
    }
}

/// Prints a new token alone on stdout, so that `$(trustd officer …)` captures it, with what it is
/// on stderr. It is never shown again.
private func printToken(_ token: String, about description: String) {
    FileHandle.standardError.write(Data("\(description) The token below is shown once.\n".utf8))
    FileHandle.standardOutput.write(Data("\(token)\n".utf8))
}

/// Opens the runtime for one command and closes it afterwards, whatever happens.
private func withRuntime(_ options: ConfigOption, _ body: (TrustCenterRuntime) async throws -> Void) async throws {
    let configuration = try options.load()
    let runtime = try await TrustCenterRuntime.open(
        configuration, creatingDatabase: false, logger: Logger(label: "trustd.officer"))
    do {
        try await body(runtime)
    } catch {
        await runtime.close()
        throw error
    }
    await runtime.close()
}
