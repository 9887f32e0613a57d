import Foundation

/// The languages of the forms and mails. Every text exists in all four.
public enum Language: String, Codable, CaseIterable, Sendable {
    /// Norwegian bokmål.
    case nb
    case sv
    case da
    case en

    /// The language's own name, for the switcher.
    public var nativeName: String {
        switch self {
        case .nb: "Norsk bokmål"
        case .sv: "Svenska"
        case .da: "Dansk"
        case .en: "English"
        }
    }

    /// The best language for an `Accept-Language` header (RFC 9110 §12.5.4), by quality; `no`
    /// and `nn` count as bokmål. English when nothing matches.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .en }
        var best: (language: Language, quality: Double)?
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            let quality = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let language: Language? =
                switch primary {
                case "nb", "no", "nn": .nb
                case "sv": .sv
                case "da": .da
                case "en": .en
                default: nil
                }
            if let language, quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }
}
