/// A closed set of named values that users type: categories, statuses, roles, countries.
///
/// Parsing forgives case, and camelCase for kebab-case, so `rightsRequest`, `Rights-Request` and
/// `rights-request` all mean the same. An unknown value fails with a message listing the valid ones.
public protocol ParsableValue: RawRepresentable<String>, CaseIterable, Sendable {
    /// The word used for this kind of value in messages, such as "category".
    static var valueKind: String { get }
}

extension ParsableValue {
    /// The valid spellings, in declaration order.
    public static var validValues: [String] { allCases.map(\.rawValue) }

    /// Parses user input among `allowed` (every value by default); `field` names the input in the
    /// error, which lists only the allowed values.
    public static func parse(_ text: String, field: String? = nil, among allowed: [Self]? = nil) throws(InputError)
        -> Self
    {
        let allowed = allowed ?? Array(allCases)
        let valid = allowed.map(\.rawValue).joined(separator: ", ")
        if text.allSatisfy(\.isWhitespace) {
            throw InputError(field: field ?? valueKind, message: "\(valueKind) is required; valid values: \(valid)")
        }
        let wanted = Self.normalized(text)
        if let match = allowed.first(where: { Self.normalized($0.rawValue) == wanted }) {
            return match
        }
        let shown = PlainText.quoted(text, limit: 40)
        let known = allCases.contains { Self.normalized($0.rawValue) == wanted }
        throw InputError(
            field: field ?? valueKind,
            message: known
                ? "\(valueKind) \(shown) cannot be chosen here; valid values: \(valid)"
                : "unknown \(valueKind) \(shown); valid values: \(valid)"
        )
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && !$0.isWhitespace })
    }
}
