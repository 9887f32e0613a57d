import Foundation
import TrustCenter

/// A value bound to a statement or read from a row.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

extension SQLiteValue {
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    init(_ value: Data?) { self = value.map { .blob($0) } ?? .null }
    /// Dates are stored as whole seconds since 1970 in UTC.
    init(_ value: Date?) { self = value.map { .integer(Self.seconds($0)) } ?? .null }

    /// A date as it is stored: whole seconds since 1970, UTC.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// One row of a result, read by column name.
public struct SQLiteRow: Sendable {
    let columns: [String: SQLiteValue]

    func value(_ name: String) throws -> SQLiteValue {
        guard let value = columns[name] else { throw RowError(column: name, problem: "is not in the result") }
        return value
    }

    func text(_ name: String) throws -> String {
        guard case .text(let text) = try value(name) else { throw RowError(column: name, problem: "is not text") }
        return text
    }

    func optionalText(_ name: String) throws -> String? {
        if case .null = try value(name) { return nil }
        return try text(name)
    }

    func integer(_ name: String) throws -> Int64 {
        guard case .integer(let number) = try value(name) else {
            throw RowError(column: name, problem: "is not an integer")
        }
        return number
    }

    func optionalInteger(_ name: String) throws -> Int64? {
        if case .null = try value(name) { return nil }
        return try integer(name)
    }

    func blob(_ name: String) throws -> Data {
        switch try value(name) {
        case .blob(let data): return data
        // SQLite returns a zero-length blob as NULL.
        case .null: return Data()
        default: throw RowError(column: name, problem: "is not a blob")
        }
    }

    func optionalBlob(_ name: String) throws -> Data? {
        if case .null = try value(name) { return nil }
        return try blob(name)
    }

    func date(_ name: String) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try integer(name)))
    }

    func optionalDate(_ name: String) throws -> Date? {
        try optionalInteger(name).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
