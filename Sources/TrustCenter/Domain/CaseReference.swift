import Foundation

/// The short, readable name of a case, such as `TC-2026-00042`: the year of receipt and a serial
/// number within that year. It is not a secret; the follow-up key is.
public struct CaseReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let serial: Int

    public init(year: Int, serial: Int) {
        self.year = year
        self.serial = serial
    }

    public var description: String {
        let digits = String(serial)
        let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        return "TC-\(year)-\(padded)"
    }

    /// Parses `TC-2026-00042`, forgiving case and surrounding space.
    public init(parsing text: String) throws(InputError) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "TC",
            parts[1].count == 4, let year = Int(parts[1]), year >= 1970,
            (1...9).contains(parts[2].count), parts[2].allSatisfy(\.isASCII), let serial = Int(parts[2]), serial > 0
        else {
            throw InputError(
                field: "reference",
                message: "\(PlainText.quoted(text, limit: 40)) is not a case reference; it looks like TC-2026-00042"
            )
        }
        self.init(year: year, serial: serial)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.serial) < (rhs.year, rhs.serial)
    }
}

extension CaseReference: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
