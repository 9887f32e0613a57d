import Foundation
import Testing

/// Requests no HTTP client would send, on a real socket to the built trustd: each gets a 4xx,
/// none logs an error, and trustd keeps serving.
@Suite(.serialized) struct HostileRequestEndToEndTests {
    static let head =
        "POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"

    /// Each request, whether the client then stops sending, and the status it must get.
    static let requests: [(name: String, request: String, finish: Bool, status: Int)] = [
        ("a bad chunk size", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n", false, 400),
        ("a negative chunk size", head + "Transfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n", false, 400),
        (
            "an overflowing chunk size", head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n",
            false, 400
        ),
        ("no last chunk", head + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", true, 400),
        ("an unknown transfer coding", head + "Transfer-Encoding: xchunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", false, 400),
        ("a body shorter than Content-Length", head + "Content-Length: 50\r\n\r\n{}", true, 400),
        ("HTTP/1.1 without Host", "GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n", false, 400),
        ("a compressed body", head + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", false, 415),
        ("JSON nested 513 deep", head + "Content-Length: 513\r\n\r\n" + String(repeating: "[", count: 513), false, 400),
        ("HTTP/1.0 without Host", "GET /healthz HTTP/1.0\r\n\r\n", false, 200),
    ]

    @Test func brokenRequestsGet4xxAndNoErrorInTheLog() async throws {
        let fixture = try TrustdFixture()
        defer { fixture.remove() }
        let server = try TrustdProcess(config: fixture.config)
        for (name, request, finish, status) in Self.requests {
            let client = try RawConnection(port: server.port)
            client.send(request)
            if finish { client.finishSending() }
            #expect(client.status() == status, "\(name)")
        }
        #expect(try await get(server.baseURL + "/healthz").status == 200)
        #expect(try server.stop() == 0)
        #expect(!server.logText.contains(" error "), "\(server.logText)")
    }
}
