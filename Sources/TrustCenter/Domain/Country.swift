/// A country of the group. It decides the data protection authority, public holidays and
/// national rules.
public enum Country: String, Codable, CaseIterable, Sendable {
    case norway = "NO"
    case sweden = "SE"
    case denmark = "DK"
}

extension Country: ParsableValue {
    public static var valueKind: String { "country" }
}
