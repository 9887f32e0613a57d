import Foundation

/// Sends one message through a relay and says what the relay answered. The live mailer is
/// `CurlMailer`; tests may hand in their own.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws(MailError) -> String
}

/// How trustd reaches its SMTP relay.
public struct RelaySettings: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// smtp:// upgraded with STARTTLS, which must succeed (the default).
        case startTLS = "starttls"
        /// smtps://: TLS from the first byte.
        case tls
        /// No TLS: only for a relay on loopback, or when the configuration says so explicitly.
        case none
    }

    /// `smtp://host[:port]` or `smtps://host[:port]`.
    public var url: String
    public var from: MailAddress
    public var security: Security
    public var username: String?
    public var password: String?
    /// A PEM file of CA certificates to verify the relay with, instead of the system's.
    public var caFile: String?
    public var connectTimeoutSeconds: Int
    public var timeoutSeconds: Int

    public init(
        url: String, from: MailAddress, security: Security = .startTLS, username: String? = nil,
        password: String? = nil, caFile: String? = nil, connectTimeoutSeconds: Int = 10, timeoutSeconds: Int = 60
    ) {
        self.url = url
        self.from = from
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
    }
}
