import TrustCenter

extension WizardPage {
    /// The identity step: anonymous or named, with the details; a rights request must be named.
    var identityStep: String {
        func field(_ id: String, _ type: String, _ value: String, _ limit: Int, _ autocomplete: String) -> String {
            let error = message(for: id)
            return """
                <div class="question\(error == nil ? "" : " has-error")"><label for="field-\(id)">\(HTML.escape(label(for: id)))</label>
                \(error.map { "<p class=\"field-error\" id=\"error-\(id)\">\(HTML.escape($0))</p>" } ?? "")
                <input type="\(type)" name="\(id)" id="field-\(id)" value="\(HTML.escape(value))" maxlength="\(limit)" \
                autocomplete="\(autocomplete)"\(error == nil ? "" : " aria-describedby=\"error-\(id)\" aria-invalid=\"true\"")></div>
                """
        }
        let details =
            "<fieldset class=\"identity-details\"><legend>\(HTML.escape(text("ui.identity.title")))</legend>"
            + field("name", "text", state.name, 200, "name") + field("email", "email", state.email, 254, "email")
            + field("phone", "tel", state.phone, 40, "tel") + "</fieldset>"
        if state.mustBeNamed(questionnaire) {
            return "<p class=\"intro\">\(HTML.escape(text("ui.identity.rightsInfo")))</p>\n" + details
        }
        let named = state.identity == "named"
        let error = message(for: "identity")
        return """
            <fieldset class="question\(error == nil ? "" : " has-error")" id="field-identity"\(error == nil ? "" : " aria-describedby=\"error-identity\"")><legend>\(HTML.escape(text("ui.identity.question")))</legend>
            \(error.map { "<p class=\"field-error\" id=\"error-identity\">\(HTML.escape($0))</p>" } ?? "")
            <div class="choice"><input type="radio" name="identity" id="field-identity-anonymous" value="anonymous"\(named ? "" : " checked")>
            <label for="field-identity-anonymous">\(HTML.escape(text("ui.identity.anonymous")))</label></div>
            <div class="choice"><input type="radio" name="identity" id="field-identity-named" value="named"\(named ? " checked" : "")>
            <label for="field-identity-named">\(HTML.escape(text("ui.identity.named")))</label></div>
            </fieldset>
            <p class="intro">\(HTML.escape(text("ui.identity.anonymousInfo")))</p>
            \(details)
            """
    }

    /// The review: every answer the report will hold, as the reporter will see it filed.
    var review: String {
        var rows: [String] = []
        if entities.count > 1, let entity = entities.first(where: { $0.id == state.entityID }) {
            rows.append(row(text("ui.review.company"), entity.name))
        }
        let answers = questionnaire.effectiveAnswers(state.answers)
        for page in questionnaire.visiblePages(for: answers) {
            for question in questionnaire.visibleQuestions(of: page, for: answers)
            where !answers.values(question.id).isEmpty {
                let values = answers.values(question.id).map { value -> String in
                    switch question.type {
                    case .singleChoice, .multipleChoice: text("question.\(question.id).option.\(value)")
                    case .yesNo, .consent: text(value == "yes" ? "ui.yes" : "ui.no")
                    default: value
                    }
                }
                rows.append(row(text("question.\(question.id).label"), values.joined(separator: "\n")))
            }
        }
        let reporter =
            state.contact(questionnaire).map { contact in
                [contact.name, contact.email, contact.phone].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: "\n")
            } ?? text("ui.review.anonymous")
        rows.append(row(text("ui.review.reporter"), reporter))
        return "<dl class=\"review\">\n\(rows.joined(separator: "\n"))\n</dl>"
    }

    private func row(_ term: String, _ value: String) -> String {
        "<dt>\(HTML.escape(term))</dt><dd>\(HTML.escape(value).replacingOccurrences(of: "\n", with: "<br>"))</dd>"
    }
}
