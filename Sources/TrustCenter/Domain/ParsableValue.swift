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

    /// Parses user input; `field` names the input in the error.
    public static func parse(_ text: String, field: String? = nil) throws(InputError) -> Self {
        let wanted = Self.normalized(text)
        if let match = allCases.first(where: { Self.normalized($0.rawValue) == wanted }) {
            return match
        }
        let shown = PlainText.quoted(text, limit: 40)
        throw InputError(
            field: field ?? valueKind,
            message: "unknown \(valueKind) \(shown); valid values: \(validValues.joined(separator: ", "))"
        )
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && !$0.isWhitespace })
    }
}
