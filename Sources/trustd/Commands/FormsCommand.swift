import ArgumentParser
import Foundation
import TrustCenter

/// `trustd forms check [DIR]`: the check trustd runs on the form definitions at start-up, alone.
struct FormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms", abstract: "Work with the questionnaire and its translations.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the questionnaire and every translation, as trustd does when it starts.")

        @Argument(help: "The forms folder (default: the configured one, else ./forms).") var directory: String?
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await reportingFailures {
                let folder = try directory ?? options.load().formsDirectory
                do {
                    let form = try FormDefinition.load(from: folder)
                    let questions = form.questionnaire.questions.count
                    FileHandle.standardOutput.write(
                        Data(
                            ("\(folder): \(form.questionnaire.pages.count) pages, \(questions) questions, "
                                + "\(Language.allCases.count) languages: all complete\n").utf8))
                } catch {
                    throw CommandFailure("form definitions: \(error)", exitCode: 65)
                }
            }
        }
    }
}
