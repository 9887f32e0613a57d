import TrustCenter

/// One question as HTML: a labelled input, or a fieldset with a legend for choices, with its help
/// text and its error tied to it by aria-describedby.
struct QuestionInput {
    let question: Question
    let values: [String]
    let error: String?
    let catalogue: Catalogue
    let language: Language

    func text(_ key: String, _ values: [String: String] = [:]) -> String { catalogue.text(key, language, values) }

    var html: String {
        let id = question.id
        let name = "a.\(id)"
        let label =
            HTML.escape(text("question.\(id).label"))
            + (question.required ? "" : " <span class=\"optional\">\(HTML.escape(text("ui.optional")))</span>")
        var described: [String] = []
        var extra = ""
        if question.hasHelp {
            described.append("help-\(id)")
            extra += "<p class=\"help\" id=\"help-\(id)\">\(HTML.escape(text("question.\(id).help")))</p>"
        }
        if question.type == .dateTime {
            described.append("hint-\(id)")
            extra += "<p class=\"help\" id=\"hint-\(id)\">\(HTML.escape(text("ui.dateTimeHint")))</p>"
        }
        if let error {
            described.append("error-\(id)")
            extra += "<p class=\"field-error\" id=\"error-\(id)\">\(HTML.escape(error))</p>"
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        let invalid = error == nil ? "" : " aria-invalid=\"true\""
        let required = question.required ? " required" : ""
        let value = HTML.escape(values.first ?? "")
        let group = error == nil ? "question" : "question has-error"
        switch question.type {
        case .shortText, .number, .dateTime:
            let mode = question.type == .number ? " inputmode=\"decimal\"" : ""
            let limit = question.type == .shortText ? " maxlength=\"\(question.effectiveMaxLength)\"" : ""
            return """
                <div class="\(group)"><label for="field-\(id)">\(label)</label>\(extra)
                <input type="text" name="\(name)" id="field-\(id)" value="\(value)"\(limit)\(mode)\(required)\(describedBy)\(invalid)></div>
                """
        case .longText:
            return """
                <div class="\(group)"><label for="field-\(id)">\(label)</label>\(extra)
                <textarea name="\(name)" id="field-\(id)" rows="6" maxlength="\(question.effectiveMaxLength)"\(required)\(describedBy)\(invalid)>\(value)</textarea></div>
                """
        case .singleChoice, .multipleChoice, .yesNo:
            let multiple = question.type == .multipleChoice
            let options: [(String, String)] =
                question.type == .yesNo
                ? [("yes", text("ui.yes")), ("no", text("ui.no"))]
                : question.options.map { ($0, text("question.\(id).option.\($0)")) }
            let inputs = options.map { option, optionLabel in
                let checked = values.contains(option) ? " checked" : ""
                return """
                    <div class="choice"><input type="\(multiple ? "checkbox" : "radio")" name="\(name)" \
                    id="field-\(id)-\(option)" value="\(option)"\(checked)\(multiple ? "" : required)>
                    <label for="field-\(id)-\(option)">\(HTML.escape(optionLabel))</label></div>
                    """
            }
            return """
                <fieldset class="\(group)" id="field-\(id)"\(describedBy)><legend>\(label)</legend>\(extra)
                \(inputs.joined(separator: "\n"))
                </fieldset>
                """
        case .consent:
            let checked = values.contains("yes") ? " checked" : ""
            return """
                <div class="\(group) choice"><input type="checkbox" name="\(name)" id="field-\(id)" value="yes"\(checked)\(required)\(describedBy)\(invalid)>
                <label for="field-\(id)">\(label)</label>\(extra)</div>
                """
        }
    }
}
