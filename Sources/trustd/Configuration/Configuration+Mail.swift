import Foundation
import TrustCenter

/// The `mail` section: the SMTP relay that delivers the outbox, and how hard to try.
struct MailSettings: Sendable {
    var relay: RelaySettings
    var policy: NoticeDispatcher.Policy
}

extension Configuration {
    static func mail(_ parent: inout ConfigReader) throws(ConfigurationError) -> MailSettings? {
        guard var reader = try parent.object("mail") else { return nil }
        let url = try reader.requiredString("relay")
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["smtp", "smtps"].contains(scheme), let host = components.host, !host.isEmpty,
            components.path.isEmpty || components.path == "/"
        else {
            throw reader.error("relay", "is not smtp://host[:port] or smtps://host[:port]")
        }
        guard components.user == nil, components.password == nil else {
            throw reader.error("relay", "must not hold a user or password; use mail.username and TRUSTD_MAIL_PASSWORD")
        }
        let fromAddress = try reader.requiredString("from")
        guard MailAddress.isPlain(fromAddress) else {
            throw reader.error("from", "'\(fromAddress)' is not a plain email address")
        }
        let securityText = try reader.string("security") ?? (scheme == "smtps" ? "tls" : "starttls")
        guard let security = RelaySettings.Security(rawValue: securityText) else {
            throw reader.error("security", "must be one of starttls, tls, none")
        }
        if (scheme == "smtps") != (security == .tls) {
            throw reader.error(
                "security",
                "\(security.rawValue) does not go with \(scheme)://; use smtps:// with tls, smtp:// otherwise")
        }
        let allowPlainText = try reader.bool("allowPlainText") ?? false
        if security == .none, !allowPlainText, !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) {
            throw reader.error(
                "security",
                "none sends mail (and any password) in clear: allowed only for a relay on loopback, or with allowPlainText: true"
            )
        }
        let fromName = try reader.string("fromName")
        if let fromName, fromName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw reader.error("fromName", "must be one line without control characters: it goes into a header")
        }
        let settings = RelaySettings(
            url: url, from: MailAddress(fromAddress, name: fromName), security: security,
            username: try reader.string("username"), password: try reader.string("password"),
            caFile: try reader.string("caFile"),
            connectTimeoutSeconds: try reader.integer("connectTimeoutSeconds", in: 1...300) ?? 10,
            timeoutSeconds: try reader.integer("timeoutSeconds", in: 1...3600) ?? 60)
        let policy = NoticeDispatcher.Policy(
            maximumAttempts: try reader.integer("maxAttempts", in: 1...100) ?? 8,
            firstDelay: TimeInterval(try reader.integer("retrySeconds", in: 1...86_400) ?? 60),
            lease: TimeInterval(settings.connectTimeoutSeconds + settings.timeoutSeconds + 60))
        try reader.rejectUnknownKeys()
        if let caFile = settings.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ConfigurationError(source: reader.source, key: reader.key("caFile"), problem: "cannot read \(caFile)")
        }
        return MailSettings(relay: settings, policy: policy)
    }
}
