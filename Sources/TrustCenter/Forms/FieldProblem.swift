/// What is wrong with one answer, as a catalogue key and the values for its placeholders, so
/// that each page can say it in the reporter's language.
public struct FieldProblem: Error, Sendable, Hashable {
    public var question: String
    public var key: String
    public var values: [String: String]

    public init(question: String, key: String, values: [String: String] = [:]) {
        self.question = question
        self.key = key
        self.values = values
    }

    /// The catalogue keys of all problems, which the form check requires in every language.
    public static let keys = [
        "error.required", "error.tooLong", "error.controlCharacters", "error.singleLine", "error.unknownOption",
        "error.number", "error.range", "error.dateTime", "error.dateTimeFuture", "error.consent",
        "error.unknownQuestion",
    ]
}
