import Foundation

/// The letters Trust Center writes to a reporter on the follow-up page when the law requires
/// one: the acknowledgement of a whistleblowing report, the extension of a rights request with
/// its reasons (Art. 12(3)), a request for identity information (Art. 12(6)), and the answer,
/// with the reasons and the remedies when anything is refused (Art. 12(4)). Written in the
/// reporter's language, from the catalogue's `letter.*` texts.
public struct ReporterLetters: Sendable {
    /// The catalogue keys of the letters, which the form check requires in every language.
    public static let keys: [String] =
        ["letter.acknowledgement", "letter.extension", "letter.identity", "letter.remedies"]
        + RightsOutcome.allCases.map { "letter.answer.\($0.rawValue)" }

    let catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// The whistleblowing acknowledgement, saying when feedback is due at the latest.
    public func acknowledgement(_ reference: CaseReference, feedbackDue: Date, entity: Entity, language: Language)
        -> String
    {
        catalogue.text(
            "letter.acknowledgement", language,
            ["reference": reference.description, "due": Self.day(feedbackDue, entity: entity)])
    }

    /// Art. 12(3): the time to answer is extended, to `due`, for `reason`.
    public func extensionLetter(due: Date, reason: String, entity: Entity, language: Language) -> String {
        catalogue.text("letter.extension", language, ["due": Self.day(due, entity: entity), "reason": reason])
    }

    /// Art. 12(6): what the officer needs to confirm the requester's identity.
    public func identityRequest(_ request: String, language: Language) -> String {
        catalogue.text("letter.identity", language, ["request": request])
    }

    /// Art. 12(3)–(4): the answer; a refusal, whole or partial, names the remedies.
    public func answer(_ outcome: RightsOutcome, reason: String, entity: Entity, language: Language) -> String {
        var text = catalogue.text("letter.answer.\(outcome.rawValue)", language, ["reason": reason])
        if outcome.needsRemedies {
            text += "\n\n" + catalogue.text("letter.remedies", language, ["authority": Self.authority(of: entity)])
        }
        return text
    }

    /// The authority as a requester can find it: its name and website, unless the configuration
    /// names another authority.
    static func authority(of entity: Entity) -> String {
        guard entity.authority == entity.country.authority else { return entity.authority }
        return switch entity.country {
        case .norway: "Datatilsynet, www.datatilsynet.no"
        case .sweden: "Integritetsskyddsmyndigheten (IMY), www.imy.se"
        case .denmark: "Datatilsynet, www.datatilsynet.dk"
        }
    }

    /// A due day as the reporter reads it: the local date, "2026-12-22".
    static func day(_ date: Date, entity: Entity) -> String {
        LocalDate(date, in: entity.zone).description
    }
}
