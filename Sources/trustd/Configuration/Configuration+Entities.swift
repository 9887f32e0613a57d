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
            let country: Country
            do {
                country = try Country.parse(countryText)
            } catch {
                throw reader.error("country", error.message)
            }
            let timeZone = try reader.requiredString("timeZone")
            guard TimeZone(identifier: timeZone) != nil else {
                throw reader.error(
                    "timeZone", "'\(timeZone)' is not a known time zone; use an IANA name such as Europe/Oslo")
            }
            let ceo = try contact(&reader, "ceo")
            let privacyOfficer = try contact(&reader, "privacyOfficer")
            try reader.rejectUnknownKeys()
            entities.append(
                Entity(
                    id: id, name: name, country: country, timeZone: timeZone, ceo: ceo, privacyOfficer: privacyOfficer))
        }
        return entities
    }

    private static func contact(_ parent: inout ConfigReader, _ name: String) throws(ConfigurationError) -> Contact {
        guard var reader = try parent.object(name) else { throw parent.error(name, "is required") }
        let contactName = try reader.requiredString("name")
        let email = try reader.requiredString("email")
        guard TextCheck.isPlausibleEmail(email) else {
            throw reader.error("email", "'\(email)' is not an email address")
        }
        try reader.rejectUnknownKeys()
        return Contact(name: contactName, email: email)
    }
}
