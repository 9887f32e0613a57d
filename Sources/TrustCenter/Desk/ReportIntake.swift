import Foundation

/// Turns a submission into a stored case and a receipt. The answers are checked against the
/// questionnaire, the category follows from them, and everything is checked before anything is
/// written: a refused submission writes nothing.
public struct ReportIntake: Sendable {
    let ledger: CaseLedger
    let rules: CaseRules
    var entities: [Entity] { rules.entities }
    let questionnaire: Questionnaire
    let time: any TimeSource
    let random: any RandomSource
    let hasher: SecretHasher

    public init(
        ledger: CaseLedger, rules: CaseRules, questionnaire: Questionnaire, time: any TimeSource,
        random: any RandomSource, hasher: SecretHasher
    ) {
        self.ledger = ledger
        self.rules = rules
        self.questionnaire = questionnaire
        self.time = time
        self.random = random
        self.hasher = hasher
    }

    /// The checked parts of a submission, ready to file.
    public struct Checked: Sendable, Hashable {
        public var entity: Entity
        public var category: Category
        public var answers: AnswerSet
        public var reporter: Reporter
    }

    /// Checks everything; throws `SubmissionProblems` naming every problem found.
    public func check(_ submission: ReportSubmission) throws(SubmissionProblems) -> Checked {
        var problems: [FieldProblem] = []
        let entity = self.entity(submission.entityID, problems: &problems)
        var answers = submission.answers
        if let unknown = answers.questionIDs.first(where: { questionnaire.question($0) == nil }) {
            problems.append(FieldProblem(question: unknown, key: "error.unknownQuestion"))
        }
        problems += questionnaire.checkAll(&answers)
        answers = questionnaire.effectiveAnswers(answers)
        if let entity {
            problems += DateTimeCheck.futureProblems(
                in: questionnaire.questions, answers: answers, now: time.now(), timeZone: entity.zone)
        }
        let category = questionnaire.category(for: answers)
        var reporter = Reporter.anonymous
        switch ReporterCheck.reporter(from: submission.contact, category: category) {
        case .success(let checked): reporter = checked
        case .failure(let failure): problems += failure.problems
        }
        guard problems.isEmpty, let entity else { throw SubmissionProblems(problems) }
        return Checked(entity: entity, category: category, answers: answers, reporter: reporter)
    }

    public func submit(_ submission: ReportSubmission) async throws -> Receipt {
        let checked = try check(submission)
        let receivedAt = time.nowToTheMinute()
        let key = FollowUpKey.generate(using: random)
        let entity = checked.entity
        let urgent = questionnaire.isUrgent(checked.answers)
        let awarenessAt = awareness(in: checked.answers, entity: entity).flatMap { $0 < receivedAt ? $0 : nil }
        let summary = try await ledger.createCase(
            CaseIntake(
                category: checked.category, entityID: entity.id, receivedAt: receivedAt,
                year: Self.year(of: receivedAt, in: entity),
                followUpKeyHash: hasher.hash(key.digits, as: .followUpKey),
                report: report(checked.answers), reporter: checked.reporter,
                routing: CaseRouter.route(
                    checked.category, concerns: CaseRouter.concerns(in: checked.answers), entity: entity),
                urgent: urgent, awarenessAt: awarenessAt,
                clocks: rules.clockwork.plans(
                    for: checked.category, receivedAt: receivedAt, awarenessAt: awarenessAt, urgent: urgent,
                    entity: entity),
                handling: CaseHandling(language: submission.language)))
        // Nothing is logged: a line's exact time, matched with the case numbers, would undo the
        // minute-only receipt time.
        return Receipt(reference: summary.reference, followUpKey: key)
    }

    /// Since when someone inside knew, from the questionnaire's awareness question, read as
    /// local time in the entity's time zone.
    func awareness(in answers: AnswerSet, entity: Entity) -> Date? {
        guard let question = questionnaire.awareness, let text = answers.values(question).first else { return nil }
        return DateTimeCheck.instant(text, in: entity.zone)
    }

    /// The answers in the order the questionnaire asks them; a multiple choice gives one answer
    /// per chosen option.
    func report(_ answers: AnswerSet) -> Report {
        Report(
            answers: questionnaire.questions.flatMap { question in
                answers.values(question.id).map { Answer(question: question.id, value: $0) }
            })
    }

    func entity(_ id: String?, problems: inout [FieldProblem]) -> Entity? {
        guard let id, !id.isEmpty else {
            if entities.count == 1 { return entities[0] }
            problems.append(FieldProblem(question: "entity", key: "error.required"))
            return nil
        }
        guard let entity = entities.first(where: { $0.id == id }) else {
            problems.append(FieldProblem(question: "entity", key: "error.unknownOption"))
            return nil
        }
        return entity
    }

    /// The calendar year of the receipt in the entity's time zone, which numbers the reference.
    static func year(of date: Date, in entity: Entity) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: entity.timeZone) ?? .gmt
        return calendar.component(.year, from: date)
    }
}
