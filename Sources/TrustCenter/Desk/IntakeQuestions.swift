/// The questions of the plain report form, and the limits on their answers.
public struct IntakeQuestion: Sendable, Hashable {
    public var id: String
    public var required: Bool
    public var maximumLength: Int
    public var multiline: Bool

    /// What happened, in the reporter's words.
    public static let description = IntakeQuestion(
        id: "description", required: true, maximumLength: 20_000, multiline: true)
    /// When it happened, as the reporter puts it.
    public static let occurred = IntakeQuestion(id: "occurred", required: false, maximumLength: 200, multiline: false)

    public static let all: [IntakeQuestion] = [.description, .occurred]

    /// The categories a reporter can choose: every one but `unclassified`.
    public static let reportableCategories: [Category] = Category.assignable
}
