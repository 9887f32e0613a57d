import Foundation

/// Where the built trustd and trustctl are: next to the test executable (scripts/test builds every
/// product first), or in TRUSTCENTER_BIN_DIR.
enum Binaries {
    static var directory: String {
        if let folder = ProcessInfo.processInfo.environment["TRUSTCENTER_BIN_DIR"] { return folder }
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On some platforms the test executable sits inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("trustd").path), folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.path
    }

    static var trustd: String { directory + "/trustd" }

    /// The project's own forms folder.
    static let formsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("forms").path
    static var trustctl: String { directory + "/trustctl" }
}

/// What a finished command printed, and how it exited.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a command to its end, bounded by `timeout` seconds.
func runCommand(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
    timeout: TimeInterval = 60
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
    }
    let deadline = Date().addingTimeInterval(timeout)
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
        process.terminate()
        throw EndToEndError.timedOut("\(executable) \(arguments.joined(separator: " "))")
    }
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: err, as: UTF8.self))
}

enum EndToEndError: Error, CustomStringConvertible {
    case timedOut(String)
    case notListening(String)
    case badAnswer(String)

    var description: String {
        switch self {
        case .timedOut(let what): "timed out: \(what)"
        case .notListening(let log): "trustd did not start listening; its log:\n\(log)"
        case .badAnswer(let what): "unexpected answer: \(what)"
        }
    }
}
