/// The guided report form as data (`forms/questionnaire.json`): pages of questions, shown by
/// conditions on earlier answers, and the rules that give a finished form its category.
public struct Questionnaire: Decodable, Sendable {
    public var pages: [Page]
    public var categories: [CategoryRule]
    /// When a report is urgent: an HSE report of a death or serious injury is alerted at once.
    public var urgent: Condition?
    /// The date-time question that says since when someone inside the organisation knew. When
    /// that is before receipt, a breach's 72 hours run from it (awareness, Art. 33(1)).
    public var awareness: String?

    /// Every question, in the order asked.
    public var questions: [Question] { pages.flatMap(\.questions) }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The pages a reporter with these answers sees, in order. Answers to pages further on do
    /// not change whether an earlier page shows.
    public func visiblePages(for answers: AnswerSet) -> [Page] {
        pages.filter { $0.showIf?.holds(for: answers) ?? true }
    }

    /// The questions of `page` a reporter with these answers sees.
    public func visibleQuestions(of page: Page, for answers: AnswerSet) -> [Question] {
        page.questions.filter { $0.showIf?.holds(for: answers) ?? true }
    }

    /// The answers that count: those to questions the reporter can see. Answers left behind on a
    /// path the reporter turned away from are dropped, never stored.
    public func effectiveAnswers(_ answers: AnswerSet) -> AnswerSet {
        var kept = AnswerSet()
        for page in visiblePages(for: answers) {
            for question in visibleQuestions(of: page, for: answers) {
                kept.set(question.id, answers.values(question.id))
            }
        }
        return kept
    }

    /// Whether a finished form is urgent.
    public func isUrgent(_ answers: AnswerSet) -> Bool { urgent?.holds(for: answers) ?? false }

    /// The category of a finished form.
    public func category(for answers: AnswerSet) -> Category {
        categories.first { $0.when.holds(for: answers) }?.category ?? .unclassified
    }
}
