import TrustCenter

/// A report sent as JSON: `{"category", "entity"?, "answers": {id: text}, "reporter"?: {"name",
/// "email"?, "phone"?}}`. Leaving out `reporter` makes the report anonymous.
struct ReportRequest: JSONBody {
    static let fields = ["category", "entity", "answers", "reporter"]

    var category: String
    var entity: String?
    var answers: [String: String]
    var reporter: ReporterContact?

    var submission: ReportSubmission {
        // Questionnaire order, so a stored report reads in the order the form asks.
        let order = IntakeQuestion.all.map(\.id)
        let sorted = answers.sorted {
            (order.firstIndex(of: $0.key) ?? .max, $0.key) < (order.firstIndex(of: $1.key) ?? .max, $1.key)
        }
        return ReportSubmission(
            category: category, entityID: entity,
            answers: sorted.map { Answer(question: $0.key, value: $0.value) }, contact: reporter)
    }
}

/// The plain report form's fields, as a browser posts them.
struct ReportForm: Decodable {
    var category: String?
    var entity: String?
    var description: String?
    var occurred: String?
    /// "anonymous" or "named".
    var identity: String?
    var name: String?
    var email: String?
    var phone: String?

    var isNamed: Bool { identity == "named" }

    var submission: ReportSubmission {
        get throws(InputError) {
            guard identity == nil || identity == "anonymous" || identity == "named" else {
                throw InputError(field: "identity", message: "choose whether to give your name: anonymous or named")
            }
            return uncheckedSubmission
        }
    }

    private var uncheckedSubmission: ReportSubmission {
        let answers: [Answer] = [
            description.map { Answer(question: IntakeQuestion.description.id, value: $0) },
            occurred.map { Answer(question: IntakeQuestion.occurred.id, value: $0) },
        ].compactMap { $0 }
        // Choosing anonymous drops whatever was typed in the identity fields before.
        let contact = isNamed ? ReporterContact(name: name ?? "", email: email.nonEmpty, phone: phone.nonEmpty) : nil
        return ReportSubmission(category: category ?? "", entityID: entity.nonEmpty, answers: answers, contact: contact)
    }
}

extension Optional where Wrapped == String {
    /// Nil for nil or blank text.
    var nonEmpty: String? {
        guard let self, !self.allSatisfy(\.isWhitespace) else { return nil }
        return self
    }
}
