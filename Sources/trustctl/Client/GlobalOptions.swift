import ArgumentParser
import Foundation
import TrustCenter

/// Where trustd is and who is asking, shared by every command.
struct GlobalOptions: ParsableArguments {
    @Option(help: "trustd's address, such as http://127.0.0.1:8080.")
    var url: String?

    @Option(help: "An officer token (prefer TRUSTCTL_TOKEN: arguments show in the process list).")
    var token: String?

    @Option(help: "A JSON file with \"url\" and \"token\"; it must not be readable by others.")
    var config: String?

    static let defaultURL = "http://127.0.0.1:8080"

    /// Hosts where plain http never leaves the machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The client, from the flags, then the environment, then the config file.
    /// Sends a change to a case, `METHOD /cases/{reference}/{path}`, and returns the case as it is after it.
    func change(_ reference: String, _ path: String, method: String = "POST", json: some Encodable) async throws
        -> CaseFile
    {
        let reference = try CaseReference(parsing: reference)
        return try await client().send(method, "cases/\(reference)/\(path)", json: json)
    }

    func client() throws -> AdminClient {
        let environment = ProcessInfo.processInfo.environment
        let file = try ClientConfigFile.load(
            explicitPath: config ?? environment["TRUSTCTL_CONFIG"], environment: environment)
        let urlText = url ?? environment["TRUSTCTL_URL"] ?? file?.url ?? Self.defaultURL
        guard let baseURL = URL(string: urlText), let scheme = baseURL.scheme, ["http", "https"].contains(scheme),
            baseURL.host != nil
        else {
            throw ClientFailure("'\(urlText)' is not an http(s) URL of trustd", exitCode: 64)
        }
        guard baseURL.path.isEmpty || baseURL.path == "/", baseURL.query == nil else {
            throw ClientFailure(
                "give trustd's address without a path, such as \(Self.defaultURL), not \(urlText)", exitCode: 64)
        }
        if scheme == "http", !Self.isLoopback(baseURL.host ?? "") {
            throw ClientFailure(
                "refusing to send the token over plain http to \(baseURL.host ?? urlText); use https, or http on 127.0.0.1",
                exitCode: 64)
        }
        guard let token = token ?? environment["TRUSTCTL_TOKEN"] ?? file?.token, !token.isEmpty else {
            throw ClientFailure(
                "no officer token: set TRUSTCTL_TOKEN, pass --token, or put it in the config file "
                    + "(an admin creates one with: trustd officer add)",
                exitCode: 4)
        }
        return AdminClient(baseURL: baseURL, token: token)
    }
}

/// trustctl's optional config file: `{"url": …, "token": …}`.
struct ClientConfigFile: Decodable {
    var url: String?
    var token: String?

    static func load(explicitPath: String?, environment: [String: String]) throws -> ClientConfigFile? {
        let home = environment["XDG_CONFIG_HOME"] ?? (NSHomeDirectory() + "/.config")
        let path = explicitPath ?? home + "/trustctl/config.json"
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath != nil { throw ClientFailure("config file \(path) does not exist", exitCode: 64) }
            return nil
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw ClientFailure(
                "config file \(path) holds a token and is readable by others; run: chmod 600 \(path)", exitCode: 64)
        }
        guard let data = FileManager.default.contents(atPath: path), (try? JSONInput.checkNesting(data)) != nil,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let file = try? JSONInput.decode(ClientConfigFile.self, from: data, using: JSONDecoder())
        else {
            throw ClientFailure("config file \(path) is not JSON with \"url\" and \"token\"", exitCode: 64)
        }
        if let unknown = object.keys.sorted().first(where: { !["url", "token"].contains($0) }) {
            throw ClientFailure("config file \(path): \(unknown) is not a known key (known: url, token)", exitCode: 64)
        }
        return file
    }
}
