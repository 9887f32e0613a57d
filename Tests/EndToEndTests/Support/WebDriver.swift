import Foundation

/// A headless Chromium driven through chromedriver's W3C WebDriver API (JSON over HTTP on
/// 127.0.0.1), with JavaScript switched off, as Tor Browser at "Safest" would run the pages.
final class Browser: @unchecked Sendable {
    // @unchecked Sendable, reviewed: the test uses one browser from one task; the process handle
    // and session id are set in init and only read afterwards.
    private let driver: Process
    private let base: String
    private let session: String

    static let chromedriver = "/usr/bin/chromedriver"
    static let chromium = "/usr/bin/chromium"

    init() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.chromedriver),
            FileManager.default.isExecutableFile(atPath: Self.chromium)
        else {
            throw EndToEndError.badAnswer("chromium and chromium-driver are needed: scripts/test installs them")
        }
        let port = try FreePort.find()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await Self.request("GET", base + "/status", body: nil)) != nil
        }
        guard ready else {
            driver.terminate()
            throw EndToEndError.timedOut("chromedriver did not start")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": Self.chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=900,1300", "--lang=en",
                        ],
                        // JavaScript off for every site: every step must work as a plain HTML form.
                        "prefs": ["profile.managed_default_content_settings.javascript": 2],
                    ],
                ]
            ]
        ]
        let created = try await Self.request("POST", base + "/session", body: capabilities)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            driver.terminate()
            throw EndToEndError.badAnswer("chromedriver made no session: \(created)")
        }
        session = id
    }

    func close() async {
        _ = try? await Self.request("DELETE", "\(base)/session/\(session)", body: nil)
        driver.terminate()
        // Bounded: waitUntilExit needs a run loop, which a test task does not have.
        for _ in 0..<100 where driver.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    func open(_ url: String) async throws {
        _ = try await command("POST", "url", ["url": url])
    }

    /// The element found by CSS selector.
    func element(_ selector: String) async throws -> String {
        let found = try await command("POST", "element", ["using": "css selector", "value": selector])
        guard let value = found["value"] as? [String: Any], let id = value.values.first as? String else {
            throw EndToEndError.badAnswer("no element \(selector) on \(try await title())")
        }
        return id
    }

    func click(_ selector: String) async throws {
        _ = try await command("POST", "element/\(try await element(selector))/click", [:])
    }

    /// Clicks a submit button and waits (up to 15 s) until the next page has replaced this one:
    /// every page trustd serves carries a fresh token, so the source always changes.
    func submit(_ selector: String) async throws {
        let before = try await source()
        try await click(selector)
        for _ in 0..<150 {
            if try await source() != before { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EndToEndError.timedOut("no new page after clicking \(selector)")
    }

    func type(_ text: String, into selector: String) async throws {
        _ = try await command("POST", "element/\(try await element(selector))/value", ["text": text])
    }

    func text(_ selector: String) async throws -> String {
        let answer = try await command("GET", "element/\(try await element(selector))/text", nil)
        return answer["value"] as? String ?? ""
    }

    func title() async throws -> String { (try await command("GET", "title", nil))["value"] as? String ?? "" }

    func source() async throws -> String { (try await command("GET", "source", nil))["value"] as? String ?? "" }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        let answer = try await command("GET", "screenshot", nil)
        guard let base64 = answer["value"] as? String, let data = Data(base64Encoded: base64) else {
            throw EndToEndError.badAnswer("no screenshot")
        }
        return data
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> [String: Any] {
        try await Self.request(method, "\(base)/session/\(session)/\(path)", body: body)
    }

    /// One WebDriver call. Sent with the curl command line: FoundationNetworking's URLSession
    /// fails on chromedriver's responses ("Failed writing header").
    private static func request(_ method: String, _ url: String, body: [String: Any]?) async throws -> [String: Any] {
        var arguments = ["-s", "-X", method, "--max-time", "60", "-w", "\n%{http_code}"]
        var input: Data?
        if let body {
            input = try JSONSerialization.data(withJSONObject: body)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@-"]
        }
        let result = try runCommand("/usr/bin/curl", arguments + [url], input: input, timeout: 90)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard result.status == 0, let last = lines.last, let status = Int(last), status < 300 else {
            throw EndToEndError.badAnswer("WebDriver \(method) \(url): \(result.stdout.prefix(300))")
        }
        let json = lines.dropLast().joined(separator: "\n")
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }
}

/// A port on 127.0.0.1 that nothing listens on right now.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EndToEndError.badAnswer("no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw EndToEndError.badAnswer("cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
