import Foundation

/// A company of the group. Cases belong to exactly one entity, and its people handle them.
public struct Entity: Codable, Sendable, Hashable, Identifiable {
    /// A short, stable identifier such as `amesto-no`, used in URLs, the CLI and the database.
    public var id: String
    public var name: String
    public var country: Country
    /// An IANA time zone identifier, such as `Europe/Oslo`. Deadlines are shown in it.
    public var timeZone: String
    /// The CEO ("daglig leder", "vd", "direktør").
    public var ceo: Contact
    public var privacyOfficer: Contact
    /// The designated, impartial people who handle whistleblowing reports.
    public var whistleblowingHandlers: [Contact]
    /// Who gets a case when the report concerns the person who would otherwise get it (for
    /// example the chair of the board).
    public var alternate: Contact
    /// Who is told when a deadline is about to pass or has passed.
    public var management: [Contact]
    /// The data protection authority that breaches are notified to.
    public var authority: String

    public init(
        id: String, name: String, country: Country, timeZone: String, ceo: Contact, privacyOfficer: Contact,
        whistleblowingHandlers: [Contact], alternate: Contact, management: [Contact], authority: String? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.timeZone = timeZone
        self.ceo = ceo
        self.privacyOfficer = privacyOfficer
        self.whistleblowingHandlers = whistleblowingHandlers
        self.alternate = alternate
        self.management = management
        self.authority = authority ?? country.authority
    }
}

/// A named person of the organisation with an email address.
public struct Contact: Codable, Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// The address compared without regard to case: `Per@Acme.example` is `per@acme.example`.
    public var emailKey: String { email.lowercased() }

    /// "Per Vern <privacy@acme.example>".
    public var description: String { "\(name) <\(email)>" }
}

extension Country {
    /// The data protection authority of the country.
    public var authority: String {
        switch self {
        case .norway: "Datatilsynet (NO)"
        case .sweden: "Integritetsskyddsmyndigheten (IMY)"
        case .denmark: "Datatilsynet (DK)"
        }
    }
}
