/// Answers by question id, as they travel between the steps of the form: each question has zero
/// or more values (several for multiple choice).
public struct AnswerSet: Sendable, Hashable {
    private(set) var storage: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.storage = values.filter { !$0.value.isEmpty }
    }

    public func values(_ question: String) -> [String] { storage[question] ?? [] }

    public func value(_ question: String) -> String? { storage[question]?.first }

    public mutating func set(_ question: String, _ values: [String]) {
        storage[question] = values.isEmpty ? nil : values
    }

    public var questionIDs: [String] { storage.keys.sorted() }
}
