import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a request the way a browser or API client would, over a real socket.
func post(_ url: String, contentType: String, body: String) async throws -> (status: Int, body: String) {
    guard let target = URL(string: url) else { throw EndToEndError.badAnswer("bad URL \(url)") }
    var request = URLRequest(url: target, timeoutInterval: 30)
    request.httpMethod = "POST"
    request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(body.utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

/// Fetches a page over a real socket.
func get(_ url: String) async throws -> (status: Int, body: String) {
    guard let target = URL(string: url) else { throw EndToEndError.badAnswer("bad URL \(url)") }
    let (data, response) = try await URLSession.shared.data(for: URLRequest(url: target, timeoutInterval: 30))
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}
