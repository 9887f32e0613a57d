import Foundation
import Synchronization

/// A running `trustd serve` on 127.0.0.1 and a free port, with its log collected.
final class TrustdProcess: Sendable {
    private let process: Process
    private let log: LogBuffer
    let port: Int

    /// Starts trustd with `config` and waits (up to 30 s) until it says where it listens.
    init(config: String, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.trustd)
        process.arguments = ["serve", "--config", config]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let log = LogBuffer()
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            // At end of file the handler keeps firing with nothing: stop listening then.
            if chunk.isEmpty { handle.readabilityHandler = nil } else { log.append(chunk) }
        }
        try process.run()
        self.process = process
        self.log = log
        var port: Int?
        for _ in 0..<600 where port == nil && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            port = Self.listeningPort(in: log.text)
        }
        guard let port else {
            process.terminate()
            throw EndToEndError.notListening(log.text)
        }
        self.port = port
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var processIdentifier: Int32 { process.processIdentifier }
    var logText: String { log.text }

    /// Sends SIGTERM and waits (up to 30 s) for the exit status.
    func stop() throws -> Int32 {
        process.terminate()
        for _ in 0..<600 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw EndToEndError.timedOut("trustd did not stop on SIGTERM")
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private static func listeningPort(in log: String) -> Int? {
        guard let range = log.range(of: "trustd listening on http://127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }
}

/// A process's output, collected from its reader thread.
final class LogBuffer: Sendable {
    private let data = Mutex(Data())

    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }

    var text: String { String(decoding: data.withLock { $0 }, as: UTF8.self) }
}
