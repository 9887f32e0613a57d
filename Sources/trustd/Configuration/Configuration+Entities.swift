import Foundation
import TrustCenter

extension Configuration {
    /// Reads and checks the `entities` list: at least one, unique ids, known countries and time zones.
    static func entities(_ items: [ConfigValue], source: String) throws(ConfigurationError) -> [Entity] {
        guard !items.isEmpty else {
            throw ConfigurationError(source: source, key: "entities", problem: "must list at least one company")
        }
        var entities: [Entity] = []
        for (index, item) in items.enumerated() {
            var reader = try ConfigReader(source: source, path: "entities[\(index)]", value: item)
            let id = try reader.requiredString("id")
            guard id.count <= 40, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw reader.error("id", "must be up to 40 lowercase letters, digits and dashes, such as amesto-no")
            }
            guard !entities.contains(where: { $0.id == id }) else {
                throw reader.error("id", "'\(id)' is used by an earlier entity")
            }
            let name = try reader.requiredString("name")
            let countryText = try reader.requiredString("country")
            let country = try reader.parse(Country.self, countryText, key: "country")
            let timeZone = try reader.requiredString("timeZone")
            guard TimeZone(identifier: timeZone) != nil else {
                throw reader.error(
                    "timeZone", "'\(timeZone)' is not a known time zone; use an IANA name such as Europe/Oslo")
            }
            let ceo = try contact(&reader, "ceo")
            let privacyOfficer = try contact(&reader, "privacyOfficer")
            let handlers = try contacts(&reader, "whistleblowingHandlers")
            let alternate = try contact(&reader, "alternate")
            let management = try contacts(&reader, "management")
            let authority = try reader.string("authority")
            let conflicted = [ceo, privacyOfficer] + handlers
            if conflicted.contains(where: { $0.emailKey == alternate.emailKey }) {
                throw reader.error(
                    "alternate",
                    "must be someone other than the CEO, the privacy officer and the whistleblowing handlers: "
                        + "the alternate receives the reports that concern them")
            }
            try reader.rejectUnknownKeys()
            entities.append(
                Entity(
                    id: id, name: name, country: country, timeZone: timeZone, ceo: ceo, privacyOfficer: privacyOfficer,
                    whistleblowingHandlers: handlers, alternate: alternate, management: management,
                    authority: authority))
        }
        return entities
    }

    /// A required, non-empty list of people.
    private static func contacts(_ parent: inout ConfigReader, _ name: String) throws(ConfigurationError) -> [Contact] {
        guard let items = try parent.list(name), !items.isEmpty else {
            throw parent.error(name, "must list at least one person ({ name, email })")
        }
        var people: [Contact] = []
        for (index, item) in items.enumerated() {
            let reader = try ConfigReader(source: parent.source, path: parent.key("\(name)[\(index)]"), value: item)
            people.append(try contact(reader))
        }
        return people
    }

    private static func contact(_ parent: inout ConfigReader, _ name: String) throws(ConfigurationError) -> Contact {
        guard let reader = try parent.object(name) else { throw parent.error(name, "is required") }
        return try contact(reader)
    }

    private static func contact(_ object: ConfigReader) throws(ConfigurationError) -> Contact {
        var reader = object
        let contactName = try reader.requiredString("name")
        let email = try reader.requiredString("email")
        guard TextCheck.isPlausibleEmail(email) else {
            throw reader.error("email", "'\(email)' is not an email address")
        }
        try reader.rejectUnknownKeys()
        return Contact(name: contactName, email: email)
    }
}
