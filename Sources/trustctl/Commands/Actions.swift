import ArgumentParser
import Foundation
import TrustCenter
import TrustCenterAPI

extension Trustctl {
    /// `trustctl action add|done`: corrective and preventive actions.
    struct Action: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set or complete a corrective or preventive action.", subcommands: [Add.self, Done.self])

        /// `trustctl action add REF --what T --owner EMAIL --due DATE`.
        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set an action; its owner is reminded before the due day and it escalates when overdue.")

            @Argument(help: "The case reference.") var reference: String
            @Option(help: "What is to be done, without naming people affected.") var what: String
            @Option(help: "The email address of who does it.") var owner: String
            @Option(help: "The due day, such as 2026-12-31 (the end of that day, the entity's time).") var due: String
            @OptionGroup var global: GlobalOptions

            func run() async throws {
                try await reportingFailures {
                    let caseFile = try await global.change(
                        reference, "actions", json: ActionRequest(what: what, owner: owner, due: due))
                    let action = caseFile.actions.last
                    Output.text(
                        "\(caseFile.reference): action \(action.map { String($0.id) } ?? "?") set, due "
                            + "\(action?.dueDate.description ?? due)\n")
                }
            }
        }

        /// `trustctl action done ID --note T`.
        struct Done: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mark an action done, with what was done.")

            @Argument(help: "The action id, as trustctl actions shows it.") var id: Int64
            @Option(help: "What was done.") var note: String
            @OptionGroup var global: GlobalOptions

            func run() async throws {
                try await reportingFailures {
                    let caseFile: CaseFile = try await global.client().send(
                        "POST", "actions/\(id)/done", json: ActionDoneRequest(note: note))
                    Output.text("\(caseFile.reference): action \(id) done\n")
                }
            }
        }
    }

    /// `trustctl actions [--overdue]`.
    struct Actions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the open corrective actions of your cases, soonest due first.")

        @Flag(help: "Only the overdue ones.") var overdue = false
        @Option(help: "At most this many.") var limit = 200
        @Flag(help: "Print JSON for scripts.") var json = false
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reportingFailures {
                let actions: [CorrectiveAction] = try await global.client().get(
                    "actions",
                    query: [URLQueryItem(name: "limit", value: String(limit))]
                        + (overdue ? [URLQueryItem(name: "overdue", value: "true")] : []))
                if json { Output.json(actions) } else { Output.text(HandlingText.actionTable(actions)) }
            }
        }
    }
}
