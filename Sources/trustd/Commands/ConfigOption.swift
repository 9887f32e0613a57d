import ArgumentParser
import Foundation
import Logging
import TrustCenter

/// `--config FILE`, shared by every trustd command.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The configuration file (JSON5). Without it, trustd runs on its embedded default.")
    var config: String?

    /// Loads the configuration and sets up logging, or exits with a line that names the problem.
    func load() throws -> Configuration {
        do {
            let configuration = try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment)
            LogSetup.bootstrap(level: configuration.logLevel)
            return configuration
        } catch {
            throw CommandFailure("configuration error: \(error)", exitCode: 78)
        }
    }
}

/// A failure reported as one line on stderr with an exit code (78 is EX_CONFIG).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning any error into one line on stderr and a non-zero exit.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("trustd: \(failure.description)\n".utf8))
            throw ExitCode(failure.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch let error as InputError {
            FileHandle.standardError.write(Data("trustd: \(error)\n".utf8))
            throw ExitCode(64)
        } catch {
            FileHandle.standardError.write(Data("trustd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
