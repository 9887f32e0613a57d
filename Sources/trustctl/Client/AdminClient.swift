import Foundation
import NIOHTTP1
import TrustCenter

/// A typed client of trustd's admin API (`/api/v1`).
struct AdminClient: Sendable {
    let baseURL: URL
    let token: String

    func get<T: Decodable>(_ path: String, query: [URLQueryItem] = []) async throws -> T {
        try await send("GET", path, query: query, body: nil)
    }

    func send<T: Decodable>(_ method: String, _ path: String, json: some Encodable) async throws -> T {
        try await send(method, path, query: [], body: try JSONEncoder().encode(json))
    }

    private func send<T: Decodable>(_ method: String, _ path: String, query: [URLQueryItem], body: Data?) async throws
        -> T
    {
        var components = URLComponents(
            url: baseURL.appendingPathComponent("api/v1/" + path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw ClientFailure("cannot build a URL from \(baseURL)", exitCode: 64) }
        var headers = [("Authorization", "Bearer \(token)"), ("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let answer: HTTPExchange.Answer
        do {
            answer = try await HTTPExchange.send(HTTPMethod(rawValue: method), to: url, headers: headers, body: body)
        } catch {
            throw ClientFailure("cannot reach trustd at \(baseURL.absoluteString) (\(error))", exitCode: 3)
        }
        let (status, data) = (answer.status, answer.body)
        guard (200..<300).contains(status) else { throw failure(status: status, body: data) }
        do {
            return try JSONInput.decode(T.self, from: data)
        } catch {
            throw ClientFailure(
                "trustd's answer could not be read (\(error)); is trustctl the same version?", exitCode: 1)
        }
    }

    /// The server's error message, with an exit code by kind.
    private func failure(status: Int, body: Data) -> ClientFailure {
        struct ErrorBody: Decodable {
            struct Detail: Decodable { var message: String }
            var error: Detail
        }
        let message = (try? JSONInput.decode(ErrorBody.self, from: body))?.error.message ?? "HTTP status \(status)"
        switch status {
        case 401: return ClientFailure("the token was refused: check TRUSTCTL_TOKEN or --token", exitCode: 4)
        case 403: return ClientFailure(message, exitCode: 4)
        case 404: return ClientFailure(message, exitCode: 5)
        case 400, 409, 413, 415, 422: return ClientFailure(message, exitCode: 6)
        default: return ClientFailure("trustd answered \(status): \(message)", exitCode: 1)
        }
    }
}
