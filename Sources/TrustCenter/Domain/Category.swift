/// What a case is about. It decides who handles the case and which legal clocks run.
///
/// The raw value is the spelling used on the wire, in the CLI and in the database.
public enum Category: String, Codable, CaseIterable, Sendable {
    /// A personal-data breach (GDPR Art. 4(12), Art. 33–34).
    case breach
    /// An information-security or other deviation that is not (yet) known to involve personal data.
    case deviation
    /// A complaint about how personal data is handled.
    case complaint
    /// A data subject exercising a right (GDPR Art. 15–22, Art. 7(3)).
    case rightsRequest = "rights-request"
    /// Wrongdoing reported under the whistleblowing rules (Directive 2019/1937).
    case whistleblowing
    /// Health, safety or environment.
    case hse
    /// A general question.
    case question
    /// Not yet classified.
    case unclassified
}

extension Category: ParsableValue {
    public static var valueKind: String { "category" }

    /// What an officer can classify a case as: every category but `unclassified`. The same
    /// categories are the ones a reporter can choose.
    public static let assignable: [Category] = allCases.filter { $0 != .unclassified }
}
