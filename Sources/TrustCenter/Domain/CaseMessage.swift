import Foundation

/// A message between the officers and the reporter, read and answered through the follow-up key.
/// Stored sealed.
public struct CaseMessage: Codable, Sendable, Hashable {
    public enum Direction: String, Codable, Sendable {
        case toReporter = "to-reporter"
        case fromReporter = "from-reporter"
    }

    public var direction: Direction
    /// The officer who wrote it; nil for the reporter's messages.
    public var author: OfficerSummary?
    public var at: Date
    public var text: String

    public init(direction: Direction, author: OfficerSummary?, at: Date, text: String) {
        self.direction = direction
        self.author = author
        self.at = at
        self.text = text
    }
}
