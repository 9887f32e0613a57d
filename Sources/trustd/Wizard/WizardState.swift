import TrustCenter

/// What the reporter has entered so far. It travels in hidden fields from step to step, never in
/// a cookie or on the server, until the report is sent.
struct WizardState: Sendable {
    var answers = AnswerSet()
    var entityID: String?
    /// "anonymous" or "named"; nil until chosen.
    var identity: String?
    var name = ""
    var email = ""
    var phone = ""

    init() {}

    init(_ fields: FormFields) {
        answers = fields.answers
        entityID = fields.value("entity").flatMap { $0.isEmpty ? nil : $0 }
        identity = fields.value("identity")
        name = fields.value("name") ?? ""
        email = fields.value("email") ?? ""
        phone = fields.value("phone") ?? ""
    }

    /// Whether the reporter must give their name: a rights request cannot be anonymous.
    func mustBeNamed(_ questionnaire: Questionnaire) -> Bool {
        questionnaire.category(for: answers) == .rightsRequest
    }

    /// The contact details to file: none when the reporter chose to stay anonymous, whatever was
    /// typed before.
    func contact(_ questionnaire: Questionnaire) -> ReporterContact? {
        guard mustBeNamed(questionnaire) || identity == "named" else { return nil }
        return ReporterContact(name: name, email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone)
    }

    /// Hidden fields for everything not asked on `step`, so that nothing typed is lost between
    /// steps. Identity details are not carried once the reporter chose to stay anonymous.
    func hiddenFields(except step: String, questionnaire: Questionnaire, firstStep: String) -> String {
        let onStep = Set(questionnaire.pages.first { $0.id == step }?.questions.map(\.id) ?? [])
        var html = ""
        for question in answers.questionIDs where !onStep.contains(question) {
            for value in answers.values(question) { html += HTML.hidden("a.\(question)", value) }
        }
        if step != firstStep, let entityID { html += HTML.hidden("entity", entityID) }
        if step != FormFlow.identityStep {
            if let identity { html += HTML.hidden("identity", identity) }
            if identity == "named" || mustBeNamed(questionnaire) {
                html += HTML.hidden("name", name) + HTML.hidden("email", email) + HTML.hidden("phone", phone)
            }
        }
        return html
    }
}
