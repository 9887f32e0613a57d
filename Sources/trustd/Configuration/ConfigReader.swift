import Foundation
import TrustCenter

/// Reads typed values out of a `ConfigValue` object, naming the full key on every problem and
/// remembering which keys were read, so that the unknown ones can be refused.
struct ConfigReader {
    let source: String
    let path: String
    private let fields: [String: ConfigValue]
    private var read: Set<String> = []

    init(source: String, path: String, value: ConfigValue) throws(ConfigurationError) {
        guard case .object(let fields) = value else {
            throw ConfigurationError(
                source: source, key: path.isEmpty ? nil : path, problem: "must be an object, not \(value.kind)")
        }
        self.source = source
        self.path = path
        self.fields = fields
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func error(_ name: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(source: source, key: key(name), problem: problem)
    }

    mutating func value(_ name: String) -> ConfigValue? {
        read.insert(name)
        if case .null = fields[name] { return nil }
        return fields[name]
    }

    mutating func string(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(name, "must be non-empty text, not \(value.kind)")
        }
        return text
    }

    mutating func requiredString(_ name: String) throws(ConfigurationError) -> String {
        guard let text = try string(name) else { throw error(name, "is required") }
        return text
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value, number.rounded() == number, let whole = Int(exactly: number),
            range.contains(whole)
        else {
            throw error(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return whole
    }

    mutating func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw error(name, "must be true or false, not \(value.kind)") }
        return flag
    }

    mutating func object(_ name: String) throws(ConfigurationError) -> ConfigReader? {
        guard let value = value(name) else { return nil }
        return try ConfigReader(source: source, path: key(name), value: value)
    }

    mutating func list(_ name: String) throws(ConfigurationError) -> [ConfigValue]? {
        guard let value = value(name) else { return nil }
        guard case .array(let items) = value else { throw error(name, "must be a list, not \(value.kind)") }
        return items
    }

    /// Reads `text` as one of a fixed set of values; the error names the key and lists them.
    func parse<T: ParsableValue>(_ type: T.Type, _ text: String, key: String) throws(ConfigurationError) -> T {
        do {
            return try T.parse(text, field: key)
        } catch {
            throw self.error(key, error.message)
        }
    }

    /// Fails on the first key that was never read: a typo must not pass as a default.
    func rejectUnknownKeys() throws(ConfigurationError) {
        if let unknown = fields.keys.sorted().first(where: { !read.contains($0) }) {
            let known = read.sorted().joined(separator: ", ")
            throw error(unknown, "is not a known key (known here: \(known))")
        }
    }
}
