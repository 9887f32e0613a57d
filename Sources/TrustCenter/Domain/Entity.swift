import Foundation

/// A company of the group. Cases belong to exactly one entity.
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

    public init(id: String, name: String, country: Country, timeZone: String, ceo: Contact, privacyOfficer: Contact) {
        self.id = id
        self.name = name
        self.country = country
        self.timeZone = timeZone
        self.ceo = ceo
        self.privacyOfficer = privacyOfficer
    }
}

/// A named person of the organisation with an email address: a CEO or a privacy officer.
public struct Contact: Codable, Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
