import Logging
import TrustCenter

/// trustd's settings: one JSON5 file (comments allowed) with environment overrides. Every key is
/// documented in docs/configuration.md.
struct Configuration: Sendable {
    var listenHost = "127.0.0.1"
    var listenPort = 8080
    var databasePath = "data/trustcenter.db"
    var keyFile = "data/trustcenter.key"
    /// The questionnaire and its translations (`questionnaire.json`, `translations/*.json`).
    var formsDirectory = "forms"
    /// Room for the form's longest answers: 20,000 characters of up to 4 UTF-8 bytes each,
    /// percent-encoded, come to 240 KB.
    var maxBodyBytes = 256 * 1024
    /// Time limits for each part of a request, the cap on open connections, and the shutdown grace.
    var connections = ConnectionLimits()
    var logLevel: Logger.Level = .info
    var entities: [Entity] = [Configuration.demoEntity]
    /// Changes to the default clock policies (DOMAIN.md), per clock and optionally per country.
    var clocks = ClockPolicies()
    /// The SMTP relay that delivers the outbox; without it, notices wait in the outbox.
    var mail: MailSettings?

    /// The rules cases are handled by.
    /// The case rules of this configuration, with the letters of the loaded forms.
    func rules(letters: ReporterLetters) -> CaseRules {
        CaseRules(entities: entities, clockwork: Clockwork(policies: clocks), letters: letters)
    }

    /// The embedded default's one company, so that a fresh start has somewhere to file reports.
    static let demoEntity = Entity(
        id: "demo", name: "Demo Group AS", country: .norway, timeZone: "Europe/Oslo",
        ceo: Contact(name: "Demo CEO", email: "ceo@demo.example"),
        privacyOfficer: Contact(name: "Demo Privacy Officer", email: "privacy@demo.example"),
        whistleblowingHandlers: [Contact(name: "Demo Whistleblowing Handler", email: "varsling@demo.example")],
        alternate: Contact(name: "Demo Board Chair", email: "chair@demo.example"),
        management: [Contact(name: "Demo CEO", email: "ceo@demo.example")])

    /// Environment variables that override single keys, with the key each one sets.
    static let environmentOverrides: [(variable: String, key: String)] = [
        ("TRUSTD_LISTEN_HOST", "listen.host"),
        ("TRUSTD_LISTEN_PORT", "listen.port"),
        ("TRUSTD_DATABASE_PATH", "database.path"),
        ("TRUSTD_KEY_FILE", "keyFile"),
        ("TRUSTD_FORMS_DIRECTORY", "forms.directory"),
        ("TRUSTD_MAX_BODY_BYTES", "limits.maxBodyBytes"),
        ("TRUSTD_LOG_LEVEL", "log.level"),
        ("TRUSTD_MAIL_USERNAME", "mail.username"),
        ("TRUSTD_MAIL_PASSWORD", "mail.password"),
    ]
}

/// A configuration that cannot be used. The message names the key and the problem.
struct ConfigurationError: Error, CustomStringConvertible {
    var source: String
    var key: String?
    var problem: String

    var description: String {
        if let key { return "\(source): key \(key): \(problem)" }
        return "\(source): \(problem)"
    }
}
