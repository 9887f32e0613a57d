import Foundation
import Logging

/// Turns a submission into a stored case and a receipt. Everything is checked before anything
/// is written, and a rejected submission writes nothing.
public struct ReportIntake: Sendable {
    let store: any CaseStore
    let entities: [Entity]
    let time: any TimeSource
    let random: any RandomSource
    let hasher: SecretHasher
    let logger = Logger(label: "trustcenter.intake")

    public init(
        store: any CaseStore, entities: [Entity], time: any TimeSource, random: any RandomSource, hasher: SecretHasher
    ) {
        self.store = store
        self.entities = entities
        self.time = time
        self.random = random
        self.hasher = hasher
    }

    public func submit(_ submission: ReportSubmission) async throws -> Receipt {
        let category = try Self.category(submission.category)
        let entity = try entity(submission.entityID)
        let report = try Report(answers: Self.checkedAnswers(submission.answers))
        let reporter = try ReporterCheck.reporter(from: submission.contact, category: category)
        // To the minute only: a precise time could help tell who sent the report.
        let now = time.now()
        let receivedAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let key = FollowUpKey.generate(using: random)
        let summary = try await store.createCase(
            CaseIntake(
                category: category, entityID: entity.id, receivedAt: receivedAt,
                year: Self.year(of: receivedAt, in: entity), followUpKeyHash: hasher.hash(key.digits, as: .followUpKey),
                report: report, reporter: reporter))
        // No reference or category: a log line's time is exact to the second, and tied to a case
        // it would undo the minute-only receipt time.
        logger.info("report received")
        return Receipt(reference: summary.reference, followUpKey: key)
    }

    static func category(_ text: String) throws(InputError) -> Category {
        try Category.parse(text, field: "category", among: IntakeQuestion.reportableCategories)
    }

    func entity(_ id: String?) throws(InputError) -> Entity {
        let valid = entities.map(\.id).joined(separator: ", ")
        guard let id, !id.isEmpty else {
            if entities.count == 1 { return entities[0] }
            throw InputError(
                field: "entity", message: "choose which company the report concerns; valid values: \(valid)")
        }
        guard let entity = entities.first(where: { $0.id == id }) else {
            throw InputError(
                field: "entity", message: "unknown entity \(PlainText.quoted(id, limit: 40)); valid values: \(valid)")
        }
        return entity
    }

    static func checkedAnswers(_ answers: [Answer]) throws(InputError) -> [Answer] {
        var seen: Set<String> = []
        var kept: [Answer] = []
        for answer in answers {
            guard let question = IntakeQuestion.all.first(where: { $0.id == answer.question }) else {
                throw InputError(
                    field: answer.question,
                    message:
                        "unknown question; valid questions: \(IntakeQuestion.all.map(\.id).joined(separator: ", "))")
            }
            guard seen.insert(question.id).inserted else {
                throw InputError(field: question.id, message: "answered more than once")
            }
            let value = try TextCheck.text(
                answer.value, field: question.id, maximumLength: question.maximumLength,
                multiline: question.multiline)
            if let value { kept.append(Answer(question: question.id, value: value)) }
        }
        for question in IntakeQuestion.all
        where question.required && !kept.contains(where: { $0.question == question.id }) {
            throw InputError(field: question.id, message: "\(question.id) is required")
        }
        return kept
    }

    /// The calendar year of the receipt in the entity's time zone, which numbers the reference.
    static func year(of date: Date, in entity: Entity) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: entity.timeZone) ?? .gmt
        return calendar.component(.year, from: date)
    }
}
