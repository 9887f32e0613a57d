import Foundation

/// An email as Trust Center sends it: plain text in UTF-8, one recipient, nothing from a
/// reporter in any header. `rendered()` gives the RFC 5322 bytes that go to the relay.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var body: String
    /// Stable per notice, so that a notice sent twice (at-least-once delivery) is recognisable.
    public var messageID: String
    public var date: Date

    public init(from: MailAddress, to: MailAddress, subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The message as RFC 5322 text with CRLF line ends: Date, Message-ID, From, To, Subject
    /// (RFC 2047 encoded when not ASCII), MIME headers, and the body in base64, so that no line
    /// comes near 998 octets and any UTF-8 travels unchanged. Throws when a header value holds a
    /// line break or another control character.
    public func rendered() throws(MailError) -> Data {
        for (name, value) in [("Subject", subject), ("Message-ID", messageID)] {
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw MailError.badHeader(name)
            }
        }
        let headers = [
            "Date: \(Self.dateText(date))",
            "Message-ID: <\(messageID)>",
            "From: \(try from.header())",
            "To: \(try to.header())",
            "Subject: \(MailHeaderText.encoded(subject, nameLength: "Subject: ".count))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalized.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return Data((headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n").utf8)
    }

    /// RFC 5322 date: `Sun, 22 Nov 2026 07:41:17 +0000`.
    static func dateText(_ date: Date) -> String {
        TimeText.format(date, "EEE, dd MMM yyyy HH:mm:ss xx")
    }
}

/// A mailbox: an address, with an optional display name.
public struct MailAddress: Sendable, Hashable {
    public var name: String?
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// `"Name" <address>`, the name RFC 2047 encoded when it is not ASCII. Refuses an address that
    /// is not a plain `local@domain` without spaces, quotes, brackets or control characters.
    func header() throws(MailError) -> String {
        guard Self.isPlain(address) else { throw MailError.badAddress(address) }
        guard let name, !name.isEmpty else { return "<\(address)>" }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw MailError.badHeader("display name")
        }
        return "\(MailHeaderText.phrase(name)) <\(address)>"
    }

    /// Whether `address` can go into a header and an SMTP command as it is.
    public static func isPlain(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && address.count <= 254
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && address.unicodeScalars.allSatisfy {
                $0.value > 32 && $0.value < 127 && !"<>()[]\\,;:\"".unicodeScalars.contains($0)
            }
    }
}

/// Why a message could not be built or sent.
public enum MailError: Error, Sendable, Hashable, CustomStringConvertible {
    case badHeader(String)
    case badAddress(String)
    /// The relay refused this message: its recipient (RCPT) or its content (after DATA). A 5xx
    /// is for good; a 4xx may pass. `reply` is the relay's own answer.
    case refused(reply: String, permanent: Bool)
    /// The relay could not be used at all: unreachable, silent, refusing the login, the sender or
    /// TLS. Nothing is wrong with this message; every notice waits until the relay works again.
    case relayUnavailable(reply: String)
    /// The send was abandoned because trustd is stopping; it did not count as an attempt.
    case interrupted

    public var description: String {
        switch self {
        case .badHeader(let name): "the \(name) header holds a line break or control character"
        case .badAddress(let address): "\(PlainText.quoted(address, limit: 80)) is not a plain email address"
        case .refused(let reply, _): reply
        case .relayUnavailable(let reply): reply
        case .interrupted: "the send was interrupted because trustd is stopping"
        }
    }
}
