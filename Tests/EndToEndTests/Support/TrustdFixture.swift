import Foundation

/// A temporary folder with a trustd configuration: port 0 on 127.0.0.1, its own database and
/// key, and the project's forms; `limits` is the body of the configuration's `limits` object.
struct TrustdFixture {
    let folder: String
    let config: String

    var databasePath: String { folder + "/data/tc.db" }
    var keyPath: String { folder + "/data/tc.key" }

    init(limits: String = "") throws {
        folder = NSTemporaryDirectory() + "trustd-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        config = folder + "/trustd.json5"
        try """
        // Port 0: the system picks a free port, and trustd logs it.
        { listen: { host: "127.0.0.1", port: 0 }, database: { path: "data/tc.db" }, keyFile: "data/tc.key",
          forms: { directory: "\(Binaries.formsDirectory)" }, limits: { \(limits) } }
        """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// A new officer's token, made with `trustd officer add`.
    func addOfficer(email: String = "privacy@demo.example", role: String = "privacy-officer") throws -> String {
        let added = try runCommand(
            Binaries.trustd,
            ["officer", "add", "--config", config, "--name", "Kari Nordmann", "--email", email, "--role", role])
        guard added.status == 0 else { throw EndToEndError.badAnswer("officer add: \(added.stderr)") }
        return added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func trustctl(_ arguments: [String], server: TrustdProcess?, token: String) throws -> CommandResult {
        try runCommand(
            Binaries.trustctl, arguments,
            environment: [
                "TRUSTCTL_URL": server?.baseURL ?? "http://127.0.0.1:9", "TRUSTCTL_TOKEN": token,
                "XDG_CONFIG_HOME": folder,
            ])
    }
}
