import ArgumentParser
import Foundation
import TrustCenter

/// A failure shown as one line on stderr, with the exit code that says what kind it was.
struct ClientFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    init(_ description: String, exitCode: Int32) {
        self.description = description
        self.exitCode = exitCode
    }
}

extension AsyncParsableCommand {
    /// Runs `body`; a failure becomes one line on stderr and its exit code.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as ClientFailure {
            FileHandle.standardError.write(Data("trustctl: \(TerminalText.block(failure.description))\n".utf8))
            throw ExitCode(failure.exitCode)
        } catch let error as InputError {
            FileHandle.standardError.write(Data("trustctl: \(TerminalText.line(error.message))\n".utf8))
            throw ExitCode(64)
        }
    }
}
