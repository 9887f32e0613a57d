import Foundation

/// An internal note on a case. Officers see it; the reporter never does. Stored sealed.
public struct CaseNote: Codable, Sendable, Hashable {
    public var author: OfficerSummary
    public var at: Date
    public var text: String

    public init(author: OfficerSummary, at: Date, text: String) {
        self.author = author
        self.at = at
        self.text = text
    }
}

/// An officer as shown on a case: enough to know who, nothing more.
public struct OfficerSummary: Codable, Sendable, Hashable {
    public var id: Officer.ID
    public var name: String
    public var email: String

    public init(id: Officer.ID, name: String, email: String) {
        self.id = id
        self.name = name
        self.email = email
    }
}
