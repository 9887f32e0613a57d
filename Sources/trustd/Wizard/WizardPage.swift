import TrustCenter

/// Renders one step of the guided form: a questionnaire page, the identity step or the review.
struct WizardPage {
    let form: FormDefinition
    let entities: [Entity]
    let language: Language
    let state: WizardState
    let step: String
    let token: String
    var problems: [FieldProblem] = []
    /// A problem with the page itself (an expired token), shown at the top.
    var notice: String?

    var catalogue: Catalogue { form.catalogue }
    var questionnaire: Questionnaire { form.questionnaire }
    var flow: FormFlow { FormFlow(questionnaire: questionnaire, answers: state.answers) }

    func text(_ key: String, _ values: [String: String] = [:]) -> String { catalogue.text(key, language, values) }

    func message(for field: String) -> String? {
        problems.first { $0.question == field }.map { text($0.key, $0.values) }
    }

    var html: String {
        let title: String
        var content = ""
        switch step {
        case FormFlow.identityStep:
            title = text("ui.identity.title")
            content = identityStep
        case FormFlow.reviewStep:
            title = text("ui.review.title")
            content = "<p>\(HTML.escape(text("ui.review.intro")))</p>\n" + review
        default:
            let page = questionnaire.pages.first { $0.id == step } ?? questionnaire.pages[0]
            title = text("page.\(page.id).title")
            if page.hasIntro { content += "<p class=\"intro\">\(HTML.escape(text("page.\(page.id).intro")))</p>\n" }
            if page.id == flow.first {
                content += "<p>\(HTML.escape(text("ui.intro")))</p>\n<p>\(HTML.escape(text("ui.privacy")))</p>\n"
            }
            for question in questionnaire.visibleQuestions(of: page, for: state.answers) {
                content +=
                    QuestionInput(
                        question: question, values: state.answers.values(question.id), error: message(for: question.id),
                        catalogue: catalogue, language: language
                    ).html + "\n"
            }
            if page.id == flow.first, entities.count > 1 { content += entityQuestion }
        }
        let summary = Pages.errorSummary(
            problems.map { ($0.question, label(for: $0.question), text($0.key, $0.values)) },
            title: text("ui.errorSummary"))
        let noticeHTML =
            notice.map { "<div class=\"error-summary\" role=\"alert\"><p>\(HTML.escape($0))</p></div>\n" } ?? ""
        let isFirst = step == flow.first
        let primary =
            step == FormFlow.reviewStep
            ? "<button type=\"submit\" name=\"action\" value=\"send\" class=\"primary\">\(HTML.escape(text("ui.send")))</button>"
            : "<button type=\"submit\" name=\"action\" value=\"next\" class=\"primary\">\(HTML.escape(text("ui.next")))</button>"
        let back =
            isFirst
            ? ""
            : "<button type=\"submit\" name=\"action\" value=\"back\" formnovalidate>\(HTML.escape(text("ui.back")))</button>"
        let switcher = Language.allCases.filter { $0 != language }.map { other in
            "<button type=\"submit\" name=\"action\" value=\"stay\" formaction=\"/\(other.rawValue)/report\" formnovalidate lang=\"\(other.rawValue)\">\(HTML.escape(other.nativeName))</button>"
        }.joined(separator: " ")
        let body = """
            <p class="step">\(HTML.escape(text("ui.step", ["step": String(flow.number(of: step)), "total": String(flow.steps.count)])))</p>
            <h1>\(HTML.escape(title))</h1>
            \(noticeHTML)\(summary)
            <form method="post" action="/\(language.rawValue)/report" accept-charset="utf-8">
            \(HTML.hidden("token", token))\(HTML.hidden("step", step))
            \(state.hiddenFields(except: step, questionnaire: questionnaire, firstStep: flow.first))
            \(content)
            <div class="actions">\(primary) \(back)</div>
            <nav class="languages" aria-label="\(HTML.escape(text("ui.language")))">\(switcher)</nav>
            </form>
            <p class="follow-up-link"><a href="/\(language.rawValue)/follow-up">\(HTML.escape(text("ui.followUp.link")))</a></p>
            """
        return HTML.page(title: title, body: body, language: language)
    }

    /// The label of a field, for the error summary.
    func label(for field: String) -> String {
        switch field {
        case "entity": text("ui.entity")
        case "identity": text("ui.identity.question")
        case "name": text("ui.identity.name")
        case "email": text("ui.identity.email")
        case "phone": text("ui.identity.phone")
        default: text("question.\(field).label")
        }
    }

    var entityQuestion: String {
        let error = message(for: "entity")
        let options = entities.map { entity in
            let selected = state.entityID == entity.id ? " selected" : ""
            return "<option value=\"\(HTML.escape(entity.id))\"\(selected)>\(HTML.escape(entity.name))</option>"
        }
        return """
            <div class="question\(error == nil ? "" : " has-error")"><label for="field-entity">\(HTML.escape(text("ui.entity")))</label>
            \(error.map { "<p class=\"field-error\" id=\"error-entity\">\(HTML.escape($0))</p>" } ?? "")
            <select name="entity" id="field-entity" required\(error == nil ? "" : " aria-describedby=\"error-entity\" aria-invalid=\"true\"")>
            <option value="">\(HTML.escape(text("ui.choose")))</option>\(options.joined())</select></div>
            """
    }
}
