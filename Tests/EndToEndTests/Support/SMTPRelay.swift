import Foundation

/// A real SMTP server on 127.0.0.1 (aiosmtpd, `Tests/smtp-relay.py`), started and stopped by a
/// test. It keeps every accepted message, refuses recipients with a given prefix (550), or, with
/// `hang`, accepts connections and never answers.
final class SMTPRelay: Sendable {
    private let process: Process
    private let output: LogBuffer
    let folder: String
    let port: Int

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("smtp-relay.py").path

    init(port: Int = 0, rejecting prefix: String? = nil, hang: Bool = false) throws {
        folder = NSTemporaryDirectory() + "smtp-relay-" + UUID().uuidString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // scripts/test names another Python when it had to take aiosmtpd from Debian.
        let python = ProcessInfo.processInfo.environment["TRUSTCENTER_TEST_PYTHON"] ?? "python3"
        process.arguments =
            [python, Self.script, "--out", folder, "--port", String(port)]
            + (prefix.map { ["--reject", $0] } ?? []) + (hang ? ["--hang"] : [])
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = stdout
        let output = LogBuffer()
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil } else { output.append(chunk) }
        }
        try process.run()
        self.process = process
        self.output = output
        var found: Int?
        for _ in 0..<400 where found == nil && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            if let range = output.text.range(of: "listening ") {
                found = Int(output.text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let found else {
            process.terminate()
            throw EndToEndError.notListening("smtp-relay.py: " + output.text)
        }
        self.port = found
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The accepted messages, oldest first: the envelope recipients and the raw message.
    func messages() -> [(recipients: [String], raw: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".eml")
        }
        return names.sorted().map { name in
            let base = folder + "/" + name.dropLast(4)
            let recipients = (try? String(contentsOfFile: base + ".rcpt", encoding: .utf8)) ?? ""
            let raw = (try? String(contentsOfFile: base + ".eml", encoding: .utf8)) ?? ""
            return (recipients.split(separator: "\n").map(String.init), raw)
        }
    }

    /// Waits (up to `seconds`, polling) until at least `count` messages arrived.
    func waitForMessages(_ count: Int, seconds: Double = 30) -> [(recipients: [String], raw: String)] {
        for _ in 0..<Int(seconds * 10) where messages().count < count { Thread.sleep(forTimeInterval: 0.1) }
        return messages()
    }

    /// Connections a hanging relay has accepted.
    var connections: Int {
        ((try? String(contentsOfFile: folder + "/connections", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func stop() {
        process.terminate()
        for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// A parsed message: headers unfolded, the base64 body decoded, RFC 2047 words decoded.
struct ParsedMail {
    var headers: [(name: String, value: String)]
    var body: String
    var lines: [String]

    init(_ raw: String) {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        lines = raw.components(separatedBy: "\r\n")
        var headers: [(String, String)] = []
        for line in (parts.first ?? "").components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = headers.popLast() {
                headers.append((last.0, last.1 + line.trimmingCharacters(in: .whitespaces)))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(
                    (
                        String(line[..<colon]),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                    ))
            }
        }
        self.headers = headers
        let encoded = parts.dropFirst().joined(separator: "\r\n\r\n").replacingOccurrences(of: "\r\n", with: "")
        body = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }.map { Self.decodeWords($0.value) }
    }

    /// Decodes `=?utf-8?B?…?=` words (adjacent words joined, as RFC 2047 says).
    static func decodeWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        return value.components(separatedBy: "?=").compactMap { piece -> String? in
            guard let start = piece.range(of: "=?utf-8?B?") else { return piece.trimmingCharacters(in: .whitespaces) }
            return Data(base64Encoded: String(piece[start.upperBound...])).map { String(decoding: $0, as: UTF8.self) }
        }.joined()
    }
}
