import Foundation
import Testing
import TrustCenter
import TrustCenterMail

/// libcurl's SMTP client against a real SMTP server on loopback.
@Suite(.serialized) struct CurlMailerTests {
    func mailer(_ url: String, security: RelaySettings.Security = .none, timeout: Int = 10) -> CurlMailer {
        CurlMailer(
            settings: RelaySettings(
                url: url, from: MailAddress("trust@acme.example", name: "Acme Tillitssenter"), security: security,
                connectTimeoutSeconds: 3, timeoutSeconds: timeout))
    }

    func message(to: String = "per@acme.example", subject: String, body: String) -> MailMessage {
        MailMessage(
            from: MailAddress("trust@acme.example", name: "Acme Tillitssenter"), to: MailAddress(to, name: "Per Vern"),
            subject: subject, body: body, messageID: "notice-7-1773135660@acme.example",
            date: Date(timeIntervalSince1970: 1_773_135_660))
    }

    @Test func nonAsciiSubjectAndBodyRoundTripInAWellFormedMessage() async throws {
        let relay = try SMTPRelay()
        defer { relay.stop() }
        let subject =
            "TC-2026-00042: påminnelse om frist – ærlig, ødelagt, åpen, är, öl; " + String(repeating: "æøå", count: 20)
        let body =
            "Hei Per,\n\nSak TC-2026-00042 trenger din oppmerksomhet: æ ø å ä ö ü.\n"
            + String(repeating: "x", count: 1500)
        let reply = try await mailer(relay.url).send(message(subject: subject, body: body))
        #expect(reply == "250 2.0.0 queued as 0001")  // the relay's own words
        let received = relay.waitForMessages(1)
        let mail = ParsedMail(try #require(received.first).raw)
        #expect(received.first?.recipients == ["per@acme.example"])
        #expect(mail.header("Subject") == subject)
        #expect(mail.body == body.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(mail.header("Message-ID") == "<notice-7-1773135660@acme.example>")
        #expect(mail.header("Date") == "Tue, 10 Mar 2026 09:41:00 +0000")
        #expect(mail.header("From")?.contains("<trust@acme.example>") == true)
        #expect(mail.header("To")?.hasSuffix("<per@acme.example>") == true)
        #expect(mail.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.lines.allSatisfy { $0.utf8.count < 998 && $0.allSatisfy(\.isASCII) })
        // RFC 2047 §2: a header line that holds an encoded word is at most 76 characters.
        let headerLines = mail.lines.prefix { !$0.isEmpty }
        #expect(headerLines.filter { $0.contains("=?utf-8?B?") }.allSatisfy { $0.count <= 76 })
    }

    @Test func aRefusedRecipientIsAPermanentFailureWithTheRelaysReply() async throws {
        let relay = try SMTPRelay(rejecting: "reject")
        defer { relay.stop() }
        await #expect {
            try await mailer(relay.url).send(message(to: "reject-me@acme.example", subject: "x", body: "y"))
        } throws: { error in
            guard case MailError.refused(let reply, let permanent) = error else { return false }
            return permanent && reply == "550 5.1.1 mailbox unavailable"
        }
    }

    @Test func aRelayThatIsDownIsUnavailableNotARefusal() async throws {
        let port = try SMTPRelay.freePort()
        await #expect {
            try await mailer("smtp://127.0.0.1:\(port)").send(message(subject: "x", body: "y"))
        } throws: { error in
            guard case MailError.relayUnavailable(let reply) = error else { return false }
            return reply.contains("onnect")
        }
    }

    @Test func aRelayThatNeverAnswersTimesOut() async throws {
        let relay = try SMTPRelay(hang: true)
        defer { relay.stop() }
        await #expect {
            try await mailer(relay.url, timeout: 2).send(message(subject: "x", body: "y"))
        } throws: { error in
            guard case MailError.relayUnavailable(let reply) = error else { return false }
            return reply.contains("timed out")
        }
    }

    @Test func aCancelledSendIsAbandonedAndDoesNotCountAsAnAttempt() async throws {
        let relay = try SMTPRelay(hang: true)
        defer { relay.stop() }
        let sending = Task { try await mailer(relay.url, timeout: 300).send(message(subject: "x", body: "y")) }
        for _ in 0..<100 where relay.connections == 0 { try await Task.sleep(for: .milliseconds(50)) }
        sending.cancel()
        await #expect(throws: MailError.interrupted) { try await sending.value }
    }

    @Test func starttlsIsRequiredUnlessTheSettingsSayOtherwise() async throws {
        // aiosmtpd here offers no STARTTLS: a mailer that requires it must not send in clear.
        let relay = try SMTPRelay()
        defer { relay.stop() }
        await #expect {
            try await mailer(relay.url, security: .startTLS).send(message(subject: "x", body: "y"))
        } throws: { error in
            guard case MailError.relayUnavailable(let reply) = error else { return false }
            return reply.hasPrefix("the relay does not offer STARTTLS")
        }
        #expect(relay.messages().isEmpty)
    }

    @Test func aHeaderWithALineBreakIsNeverSent() throws {
        #expect(throws: MailError.self) {
            try message(subject: "Hello\r\nBcc: everyone@example.com", body: "x").rendered()
        }
        #expect(throws: MailError.self) {
            try message(to: "a@b.example>\r\nRCPT TO:<x@y.example", subject: "x", body: "y").rendered()
        }
    }
}

extension SMTPRelay {
    /// A port nothing listens on (bound, then closed).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw EndToEndError.badAnswer("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
