import Foundation

/// Reading facts from JSON, key by key, with errors that name the key and list the valid choices.
extension BreachFacts {
    /// The JSON keys, in the order they are checked and documented. All are required but `records`.
    public static let keys: [String] = [
        "breachTypes", "dataCategories", "dataSubjects", "records", "vulnerableSubjects", "identifiability",
        "unintelligible", "recipient", "exfiltration", "availability", "integrity", "malicious",
        "seriousConsequences",
    ]

    /// Reads facts from a JSON object, such as a file given to `trustctl assess --facts FILE`.
    ///
    /// Values forgive case and camelCase (`ruledOut` for `ruled-out`). The first problem found
    /// fails with an ``InputError`` whose message names the key: not a JSON object, unknown keys
    /// (listing the valid ones), a missing key, a wrong type, an unknown value (listing the valid
    /// ones), a negative or fractional number, an empty array, a value given twice, or facts that
    /// contradict each other (see ``validate()``).
    public static func parse(_ data: Data) throws(InputError) -> BreachFacts {
        let value: JSONValue
        do {
            value = try JSONInput.decode(JSONValue.self, from: data, using: JSONDecoder())
        } catch let error as InputError {
            throw InputError(field: nil, message: "the breach facts: \(error.message)")
        } catch {
            throw InputError(field: nil, message: "the breach facts are not valid JSON")
        }
        guard case .object(let object) = value else {
            throw InputError(field: nil, message: "the breach facts must be a JSON object, not \(value.kind)")
        }
        let unknown = object.keys.filter { !keys.contains($0) }.sorted()
        if !unknown.isEmpty {
            let shown = unknown.map { PlainText.quoted($0, limit: 40) }.joined(separator: ", ")
            throw InputError(
                field: nil,
                message: "unknown \(unknown.count == 1 ? "key" : "keys") \(shown); valid keys: \(list(keys))")
        }
        let reader = FactsReader(object: object)
        let facts = BreachFacts(
            breachTypes: try reader.values("breachTypes"),
            dataCategories: try reader.values("dataCategories"),
            dataSubjects: try reader.count("dataSubjects"),
            records: try reader.optionalCount("records"),
            vulnerableSubjects: try reader.flag("vulnerableSubjects"),
            identifiability: try reader.value("identifiability"),
            unintelligible: try reader.flag("unintelligible"),
            recipient: try reader.value("recipient"),
            exfiltration: try reader.value("exfiltration"),
            availability: try reader.value("availability"),
            integrity: try reader.value("integrity"),
            malicious: try reader.flag("malicious"),
            seriousConsequences: try reader.flag("seriousConsequences"))
        try facts.validate()
        return facts
    }

    /// Checks what JSON types cannot: numbers not negative, arrays not empty and without repeats,
    /// and the facts consistent with each other:
    ///
    /// - `availability` is `none` exactly when `breachTypes` lacks `availability`; likewise `integrity`;
    /// - a `recipient` other than `none`, or an `exfiltration` other than `ruled-out`, is a loss of
    ///   confidentiality, so `breachTypes` must include `confidentiality`;
    /// - an `exfiltration` other than `ruled-out` means someone may have the data: `recipient` cannot be `none`.
    public func validate() throws(InputError) {
        if dataSubjects < 0 {
            throw InputError(field: "dataSubjects", message: "dataSubjects must not be negative")
        }
        if let records, records < 0 {
            throw InputError(field: "records", message: "records must not be negative")
        }
        try Self.checkList(breachTypes, key: "breachTypes")
        try Self.checkList(dataCategories, key: "dataCategories")
        let types = Set(breachTypes)
        if types.contains(.availability) != (availability != .none) {
            throw InputError(
                field: "availability",
                message: availability == .none
                    ? "breachTypes includes availability but availability is none; say how long the data were "
                        + "unavailable (hours, days, permanent)"
                    : "availability is \(availability.rawValue) but breachTypes does not include availability")
        }
        if types.contains(.integrity) != (integrity != .none) {
            throw InputError(
                field: "integrity",
                message: integrity == .none
                    ? "breachTypes includes integrity but integrity is none; say whether the data can be restored "
                        + "(recoverable, unrecoverable)"
                    : "integrity is \(integrity.rawValue) but breachTypes does not include integrity")
        }
        if !types.contains(.confidentiality) {
            if recipient != .none {
                throw InputError(
                    field: "recipient",
                    message: "recipient is \(recipient.rawValue), which is a loss of confidentiality: "
                        + "add confidentiality to breachTypes, or set recipient to none")
            }
            if exfiltration != .ruledOut {
                throw InputError(
                    field: "exfiltration",
                    message: "exfiltration is \(exfiltration.rawValue), which is a loss of confidentiality: "
                        + "add confidentiality to breachTypes, or set exfiltration to ruled-out")
            }
        }
        if exfiltration != .ruledOut, recipient == .none {
            throw InputError(
                field: "recipient",
                message: "exfiltration is \(exfiltration.rawValue), so someone may have the data: recipient cannot "
                    + "be none (use unknown when nobody knows who)")
        }
    }

    private static func checkList<Value: ParsableValue>(_ values: [Value], key: String) throws(InputError) {
        if values.isEmpty {
            throw InputError(
                field: key, message: "\(key) must not be empty; give at least one of: \(list(Value.validValues))")
        }
        var seen: Set<String> = []
        for value in values where !seen.insert(value.rawValue).inserted {
            throw InputError(field: key, message: "\(key) lists \(value.rawValue) more than once")
        }
    }

    fileprivate static func list(_ words: [String]) -> String { words.joined(separator: ", ") }
}

/// Reads the values of one JSON object, failing with messages that name the key.
private struct FactsReader {
    let object: [String: JSONValue]

    func values<Value: ParsableValue>(_ key: String) throws(InputError) -> [Value] {
        let expected = "an array of \(BreachFacts.list(Value.validValues))"
        guard case .array(let items) = try present(key, expected: expected) else {
            throw wrongType(key, expected: expected)
        }
        var values: [Value] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw InputError(
                    field: key,
                    message: "wrong type for \(key): expected \(expected); item \(index + 1) is \(item.kind)")
            }
            values.append(try parse(text, key: key))
        }
        return values
    }

    func value<Value: ParsableValue>(_ key: String) throws(InputError) -> Value {
        let expected = "one of \(BreachFacts.list(Value.validValues))"
        guard case .string(let text) = try present(key, expected: expected) else {
            throw wrongType(key, expected: expected)
        }
        return try parse(text, key: key)
    }

    func flag(_ key: String) throws(InputError) -> Bool {
        guard case .bool(let flag) = try present(key, expected: "true or false") else {
            throw wrongType(key, expected: "true or false")
        }
        return flag
    }

    func count(_ key: String) throws(InputError) -> Int {
        try number(key, try present(key, expected: Self.countExpected))
    }

    func optionalCount(_ key: String) throws(InputError) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        return try number(key, value)
    }

    private static let countExpected = "a whole number of 0 or more"

    private func number(_ key: String, _ value: JSONValue) throws(InputError) -> Int {
        let number: Int
        switch value {
        case .integer(let integer): number = integer
        case .number(let double):
            guard double.rounded() == double else {
                throw InputError(field: key, message: "\(key) must be a whole number")
            }
            guard let integer = Int(exactly: double) else {
                throw InputError(field: key, message: "\(key) is too large")
            }
            number = integer
        default: throw wrongType(key, expected: Self.countExpected)
        }
        if number < 0 { throw InputError(field: key, message: "\(key) must not be negative") }
        return number
    }

    private func present(_ key: String, expected: String) throws(InputError) -> JSONValue {
        guard let value = object[key] else {
            throw InputError(field: key, message: "missing key \(key): it is required (\(expected))")
        }
        return value
    }

    private func parse<Value: ParsableValue>(_ text: String, key: String) throws(InputError) -> Value {
        do {
            return try Value.parse(text, field: key)
        } catch {
            throw InputError(
                field: key,
                message: "unknown value \(PlainText.quoted(text, limit: 40)) for \(key); valid values: "
                    + BreachFacts.list(Value.validValues))
        }
    }

    private func wrongType(_ key: String, expected: String) -> InputError {
        InputError(
            field: key, message: "wrong type for \(key): expected \(expected), not \(object[key]?.kind ?? "nothing")")
    }
}

/// Any JSON value, to check types by hand: `true` is never taken for 1, nor 1 for `true`.
private enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The JSON type in words, for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
