import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 request to trustd and its answer, over swift-nio: NIOHTTP1 frames the messages
/// and NIOSSL speaks TLS. Not URLSession: on Linux, FoundationNetworking is built on libcurl,
/// and trustctl links neither libcurl nor libsqlite3 (`ldd` shows it; docs/architecture.md).
enum HTTPExchange {
    struct Answer: Sendable {
        var status: Int
        var body: Data
    }

    /// The connection closed before a whole answer came.
    struct Incomplete: Error, CustomStringConvertible {
        var description: String { "the connection closed before the whole answer came" }
    }

    /// No answer within the time allowed.
    struct TimedOut: Error, CustomStringConvertible {
        var seconds: Int64
        var description: String { "no answer within \(seconds) seconds" }
    }

    /// Sends the request and reads the whole answer; at most `timeout` in all.
    static func send(
        _ method: HTTPMethod, to url: URL, headers: [(String, String)], body: Data?, timeout: Int64 = 30
    ) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask { try await exchange(method, url: url, headers: headers, body: body) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw TimedOut(seconds: timeout)
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() else { throw Incomplete() }
            return answer
        }
    }

    private static func exchange(_ method: HTTPMethod, url: URL, headers: [(String, String)], body: Data?)
        async throws -> Answer
    {
        guard let host = url.host, let scheme = url.scheme else { throw Incomplete() }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let tls = secure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        // A name is checked against the certificate and sent as SNI; an address literal is not a name.
        let serverName = host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var path = url.path.isEmpty ? "/" : url.path
            if let query = url.query { path += "?" + query }
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
            head.headers.add(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
            head.headers.add(name: "Connection", value: "close")
            head.headers.add(name: "Content-Length", value: String(body?.count ?? 0))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            try await outbound.write(.head(head))
            if let body { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var status: Int?
            var received = Data()
            for try await part in inbound {
                switch part {
                case .head(let response): status = Int(response.status.code)
                case .body(let buffer): received.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let status else { throw Incomplete() }
                    return Answer(status: status, body: received)
                }
            }
            throw Incomplete()
        }
    }
}
