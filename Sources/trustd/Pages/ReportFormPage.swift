import TrustCenter

extension Pages {
    /// What each category is called on the form.
    static let categoryLabels: [Category: String] = [
        .breach: "Personal data or information security: a breach, a lost device, a wrongly sent email",
        .deviation: "A security or other deviation",
        .hse: "Health, safety or environment",
        .whistleblowing: "Wrongdoing (whistleblowing)",
        .complaint: "A complaint about how we handle personal data",
        .rightsRequest:
            "Exercising a privacy right: access, rectification, erasure, restriction, objection, portability",
        .question: "A question",
    ]

    /// The plain report form, optionally filled in again with an error named at the top.
    static func reportForm(entities: [Entity], form: ReportForm? = nil, error: InputError? = nil) -> String {
        var body = "<h1>Report a concern</h1>\n"
        if let error {
            let target = error.field.map { "#field-\(HTML.escape($0))" } ?? "#report"
            body += """
                <div class="error-summary" role="alert" tabindex="-1">
                <h2>There is a problem</h2>
                <ul><li><a href="\(target)">\(HTML.escape(error.message))</a></li></ul>
                </div>

                """
        }
        body += """
            <p>You can report anonymously. We do not store your IP address, your browser or any cookie,
            and we record the time of your report only to the minute.</p>
            <form id="report" method="post" action="/reports" accept-charset="utf-8">
            <fieldset id="field-category">
            <legend>What is the report about?</legend>

            """
        for category in IntakeQuestion.reportableCategories {
            let checked = form?.category == category.rawValue ? " checked" : ""
            body += """
                <div class="choice"><input type="radio" name="category" id="category-\(category.rawValue)" \
                value="\(category.rawValue)" required\(checked)>
                <label for="category-\(category.rawValue)">\(HTML.escape(categoryLabels[category] ?? category.rawValue))</label></div>

                """
        }
        body += "</fieldset>\n"
        if entities.count > 1 {
            body += "<p><label for=\"field-entity\">Which company does it concern?</label>\n"
            body += "<select name=\"entity\" id=\"field-entity\" required>\n<option value=\"\">Choose…</option>\n"
            for entity in entities {
                let selected = form?.entity == entity.id ? " selected" : ""
                body += "<option value=\"\(HTML.escape(entity.id))\"\(selected)>\(HTML.escape(entity.name))</option>\n"
            }
            body += "</select></p>\n"
        }
        body += """
            <p><label for="field-description">What happened?</label>
            <textarea name="description" id="field-description" rows="8" maxlength="20000" required>\
            \(HTML.escape(form?.description ?? ""))</textarea></p>
            <p><label for="field-occurred">When did it happen? (optional)</label>
            <input type="text" name="occurred" id="field-occurred" maxlength="200" value="\(HTML.escape(form?.occurred ?? ""))"></p>
            <fieldset id="field-identity">
            <legend>Do you want to give your name?</legend>
            <div class="choice"><input type="radio" name="identity" id="identity-anonymous" value="anonymous"\
            \(form?.isNamed == true ? "" : " checked")>
            <label for="identity-anonymous">No, report anonymously. Anything typed below is not stored.</label></div>
            <div class="choice"><input type="radio" name="identity" id="identity-named" value="named"\
            \(form?.isNamed == true ? " checked" : "")>
            <label for="identity-named">Yes, with the details below. A rights request needs them.</label></div>
            <p><label for="field-name">Name</label>
            <input type="text" name="name" id="field-name" maxlength="200" autocomplete="name" value="\(HTML.escape(form?.name ?? ""))"></p>
            <p><label for="field-email">Email</label>
            <input type="email" name="email" id="field-email" maxlength="254" autocomplete="email" value="\(HTML.escape(form?.email ?? ""))"></p>
            <p><label for="field-phone">Phone</label>
            <input type="tel" name="phone" id="field-phone" maxlength="40" autocomplete="tel" value="\(HTML.escape(form?.phone ?? ""))"></p>
            </fieldset>
            <p><button type="submit">Send report</button></p>
            </form>
            """
        return HTML.page(title: "Report a concern", body: body)
    }
}
