/// The steps of the guided form for a reporter's answers so far: the questionnaire's visible
/// pages, then the identity step, then the review. Which pages show can change as answers
/// change, so the flow is worked out anew from the answers at every step.
public struct FormFlow: Sendable {
    public static let identityStep = "identity"
    public static let reviewStep = "review"

    public let steps: [String]

    public init(questionnaire: Questionnaire, answers: AnswerSet) {
        steps = questionnaire.visiblePages(for: answers).map(\.id) + [Self.identityStep, Self.reviewStep]
    }

    public var first: String { steps[0] }

    /// The step after `step`; the first step when `step` is not (or no longer) in the flow.
    public func next(after step: String) -> String {
        guard let index = steps.firstIndex(of: step) else { return first }
        return steps[min(index + 1, steps.count - 1)]
    }

    /// The step before `step`; the first step at the start.
    public func previous(before step: String) -> String {
        guard let index = steps.firstIndex(of: step) else { return first }
        return steps[max(index - 1, 0)]
    }

    /// The step's number, from 1, for "Step 2 of 5".
    public func number(of step: String) -> Int { (steps.firstIndex(of: step) ?? 0) + 1 }
}
