import Foundation
import Testing

/// The built trustd against clients that hold connections: each is cut off at its limit, the
/// cap holds new connections back, and SIGTERM ends trustd even while a body is half sent. The
/// clients are bounded in bytes and seconds; every limit here is a second or two, so that a
/// connection that is never cut off shows as a failure, not as a slow test.
@Suite(.serialized) struct SlowClientEndToEndTests {
    func server(_ limits: String) throws -> (TrustdFixture, TrustdProcess) {
        let fixture = try TrustdFixture(limits: limits)
        return (fixture, try TrustdProcess(config: fixture.config))
    }

    @Test func aTrickledHeadIsCutOffAtTheHeaderTimeout() async throws {
        let (fixture, server) = try server("headerTimeoutSeconds: 1, idleTimeoutSeconds: 30, bodyTimeoutSeconds: 30")
        defer { fixture.remove() }
        let client = try RawConnection(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        // One byte every 0.25 s, at most 40 of them (10 s): far past the one-second limit.
        var answer: (text: String, closed: Bool)?
        var trickled = 0
        while trickled < 40, answer?.closed != true {
            client.send("a")
            trickled += 1
            answer = client.receive(timeout: 0.25)
        }
        #expect(answer?.closed == true, "the connection was never cut off")
        #expect(answer?.text.hasPrefix("HTTP/1.1 408 Request Timeout") == true)
        #expect(trickled < 40)
        // Everyone else is served as before.
        #expect(try await get(server.baseURL + "/healthz").status == 200)
        #expect(try server.stop() == 0)
    }

    @Test func anIdleConnectionIsClosed() throws {
        let (fixture, server) = try server("idleTimeoutSeconds: 1")
        defer { fixture.remove() }
        let client = try RawConnection(port: server.port)
        let answer = client.receive(timeout: 15)
        #expect(answer?.closed == true && answer?.text == "")
        #expect(try server.stop() == 0)
    }

    @Test func aStalledBodyIsCutOffWithoutAnErrorInTheLog() throws {
        let (fixture, server) = try server("bodyTimeoutSeconds: 1")
        defer { fixture.remove() }
        let client = try RawConnection(port: server.port)
        client.send(
            "POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
        )
        let answer = client.receive(timeout: 15)
        #expect(answer?.closed == true)
        #expect(try server.stop() == 0)
        #expect(!server.logText.contains(" error "), "\(server.logText)")
    }

    /// An answer written before its request's body was read (here the health check, which reads
    /// none) once left the connection with no timer at all.
    @Test func aBodyFinishedAfterItsAnswerLeavesTheConnectionToTheIdleTimeout() throws {
        let (fixture, server) = try server("idleTimeoutSeconds: 1, bodyTimeoutSeconds: 1")
        defer { fixture.remove() }
        let client = try RawConnection(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n\r\n")
        #expect(client.receive(timeout: 2)?.text.hasPrefix("HTTP/1.1 200") == true)
        client.send("x")
        #expect(client.receive(timeout: 15)?.closed == true, "the connection was never closed")
        #expect(try server.stop() == 0)
    }

    @Test func connectionsPastTheCapWaitUntilOneCloses() throws {
        let (fixture, server) = try server("maxConnections: 2, idleTimeoutSeconds: 60")
        defer { fixture.remove() }
        var held: [RawConnection] = [try RawConnection(port: server.port), try RawConnection(port: server.port)]
        Thread.sleep(forTimeInterval: 0.3)
        let third = try RawConnection(port: server.port)
        third.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(third.receive(timeout: 1.5) == nil, "a third connection was served past the cap of two")
        held.removeFirst()
        #expect(third.status() == 200)
        #expect(held.count == 1)
        #expect(try server.stop() == 0)
    }

    /// A client holding a half-sent body once kept SIGTERM from ever finishing.
    @Test func sigtermEndsTrustdAfterTheGracePeriodEvenWithABodyHalfSent() throws {
        let (fixture, server) = try server("shutdownGraceSeconds: 1, bodyTimeoutSeconds: 3600")
        defer { fixture.remove() }
        let client = try RawConnection(port: server.port)
        client.send(
            "POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
        )
        Thread.sleep(forTimeInterval: 0.3)
        // stop() waits up to 30 s for the exit; without the grace period trustd waits for an hour.
        #expect(try server.stop() == 0)
        #expect(server.logText.contains("trustd stopped; database closed"))
        #expect(client.receive(timeout: 5)?.closed == true)
    }
}
