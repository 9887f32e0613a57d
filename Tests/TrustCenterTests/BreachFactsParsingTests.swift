import Foundation
import Testing
import TrustCenter

@Suite struct BreachFactsParsingTests {
    static let valid: [String: JSON] = [
        "breachTypes": ["confidentiality", "availability"],
        "dataCategories": ["basic", "special-category"],
        "dataSubjects": 120,
        "records": 3000,
        "vulnerableSubjects": true,
        "identifiability": "full",
        "unintelligible": false,
        "recipient": "unknown",
        "exfiltration": "ruled-out",
        "availability": "days",
        "integrity": "none",
        "malicious": true,
        "seriousConsequences": false,
    ]

    static func parse(_ object: [String: JSON]) throws -> BreachFacts {
        try BreachFacts.parse(JSON.object(object).data)
    }

    static func changed(_ key: String, to value: JSON?) -> [String: JSON] {
        var object = valid
        object[key] = value
        return object
    }

    /// The error for `json`, which must fail.
    static func error(_ json: JSON) throws -> InputError {
        try #require(throws: InputError.self) { try BreachFacts.parse(json.data) }
    }

    static func error(_ object: [String: JSON]) throws -> InputError { try error(.object(object)) }

    @Test func readsEveryKey() throws {
        let facts = try Self.parse(Self.valid)
        #expect(
            facts
                == BreachFacts(
                    breachTypes: [.confidentiality, .availability], dataCategories: [.basic, .specialCategory],
                    dataSubjects: 120, records: 3000, vulnerableSubjects: true, identifiability: .full,
                    unintelligible: false, recipient: .unknown, exfiltration: .ruledOut, availability: .days,
                    integrity: .none, malicious: true, seriousConsequences: false))
    }

    @Test func recordsAreOptionalAndValuesForgiveCase() throws {
        var object = Self.changed("records", to: nil)
        object["exfiltration"] = "ruledOut"
        object["dataCategories"] = ["Special-Category"]
        let facts = try Self.parse(object)
        #expect(facts.records == nil && facts.exfiltration == .ruledOut && facts.dataCategories == [.specialCategory])
        #expect(try Self.parse(Self.changed("records", to: .null)).records == nil)
    }

    @Test func refusesWhatIsNotAnObject() throws {
        #expect(try Self.error(JSON.array([1, 2])).message.contains("must be a JSON object, not an array"))
        #expect(try Self.error(JSON.string("facts")).message.contains("must be a JSON object, not a string"))
        let notJSON = try #require(throws: InputError.self) { try BreachFacts.parse(Data("{nope".utf8)) }
        #expect(notJSON.message == "the breach facts are not valid JSON")
    }

    @Test func unknownKeyListsTheValidKeys() throws {
        let error = try Self.error(Self.changed("colour", to: "red"))
        #expect(error.message.hasPrefix("unknown key 'colour'; valid keys: "))
        for key in BreachFacts.keys { #expect(error.message.contains(key)) }
    }

    @Test(arguments: BreachFacts.keys.filter { $0 != "records" })
    func missingKeyIsNamed(_ key: String) throws {
        let error = try Self.error(Self.changed(key, to: nil))
        #expect(error.field == key)
        #expect(error.message.hasPrefix("missing key \(key): it is required"))
    }

    @Test func unknownValueListsTheValidValues() throws {
        let error = try Self.error(Self.changed("recipient", to: "everyone"))
        #expect(error.field == "recipient")
        #expect(
            error.message
                == "unknown value 'everyone' for recipient; valid values: none, trusted, known, unknown, public")
        let category = try Self.error(Self.changed("dataCategories", to: ["basic", "health"]))
        #expect(category.field == "dataCategories")
        #expect(
            category.message.hasPrefix(
                "unknown value 'health' for dataCategories; valid values: basic, identity-number"))
    }

    @Test(
        arguments: [
            ("dataSubjects", "12", "wrong type for dataSubjects: expected a whole number of 0 or more, not a string"),
            ("malicious", 1, "wrong type for malicious: expected true or false, not a number"),
            (
                "identifiability", true,
                "wrong type for identifiability: expected one of negligible, limited, significant, full, not a boolean"
            ),
            (
                "breachTypes", "confidentiality",
                "wrong type for breachTypes: expected an array of confidentiality, integrity, availability, not a string"
            ),
            (
                "dataCategories", ["basic", 3],
                "wrong type for dataCategories: expected an array of basic, identity-number, financial, credentials, location, communication, special-category, criminal; item 2 is a number"
            ),
            ("unintelligible", .null, "wrong type for unintelligible: expected true or false, not null"),
            ("records", "many", "wrong type for records: expected a whole number of 0 or more, not a string"),
        ] as [(String, JSON, String)])
    func wrongTypeIsNamed(key: String, value: JSON, message: String) throws {
        let error = try Self.error(Self.changed(key, to: value))
        #expect(error.field == key)
        #expect(error.message == message)
    }

    @Test(
        arguments: [
            ("dataSubjects", -1, "dataSubjects must not be negative"),
            ("records", -5, "records must not be negative"),
            ("dataSubjects", 1.5, "dataSubjects must be a whole number"),
            (
                "breachTypes", [],
                "breachTypes must not be empty; give at least one of: confidentiality, integrity, availability"
            ),
            ("dataCategories", ["basic", "Basic"], "dataCategories lists basic more than once"),
        ] as [(String, JSON, String)])
    func refusesImpossibleNumbersAndLists(key: String, value: JSON, message: String) throws {
        let error = try Self.error(Self.changed(key, to: value))
        #expect(error.field == key)
        #expect(error.message == message)
    }

    @Test(
        arguments: [
            (["availability": "none"], "availability"),
            (["breachTypes": ["confidentiality"]], "availability"),
            (["integrity": "recoverable"], "integrity"),
            (["breachTypes": ["availability"]], "recipient"),
            (["breachTypes": ["availability"], "recipient": "none", "exfiltration": "possible"], "exfiltration"),
            (["recipient": "none", "exfiltration": "possible"], "recipient"),
        ] as [([String: JSON], String)])
    func refusesFactsThatContradictEachOther(changes: [String: JSON], field: String) throws {
        var object = Self.valid
        for (key, value) in changes { object[key] = value }
        let error = try Self.error(object)
        #expect(error.field == field)
        #expect(error.message.contains(field))
    }

    @Test(arguments: BreachScenario.all)
    func storedFactsRoundTrip(_ scenario: BreachScenario) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(scenario.facts)
        #expect(try BreachFacts.parse(data) == scenario.facts)
        #expect(try JSONDecoder().decode(BreachFacts.self, from: data) == scenario.facts)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(BreachFacts.keys).subtracting(scenario.facts.records == nil ? ["records"] : []))
    }

    @Test func encodesKebabCaseValues() throws {
        let facts = try Self.parse(Self.changed("dataCategories", to: ["identityNumber", "special-category"]))
        let text = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        #expect(text.contains(#""dataCategories":["identity-number","special-category"]"#))
        #expect(text.contains(#""exfiltration":"ruled-out""#))
    }
}
