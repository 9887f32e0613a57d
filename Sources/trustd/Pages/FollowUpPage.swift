import Foundation
import TrustCenter

extension Pages {
    /// The follow-up page before the key: one field, and a generic notice after a failure.
    static func followUpKey(
        catalogue: Catalogue, language: Language, token: String, notice: String? = nil, draft: String = ""
    ) -> String {
        func text(_ key: String) -> String { HTML.escape(catalogue.text(key, language)) }
        let noticeHTML =
            notice.map { "<div class=\"error-summary\" role=\"alert\"><p>\(HTML.escape($0))</p></div>" } ?? ""
        return HTML.page(
            title: catalogue.text("ui.followUp.title", language),
            body: """
                <h1>\(text("ui.followUp.title"))</h1>
                \(noticeHTML)
                <p>\(text("ui.followUp.intro"))</p>
                <form method="post" action="/\(language.rawValue)/follow-up" accept-charset="utf-8">
                \(HTML.hidden("token", token))\(draft.isEmpty ? "" : HTML.hidden("draft", draft))
                <div class="question"><label for="field-key">\(text("ui.followUp.key"))</label>
                <input type="text" name="key" id="field-key" autocomplete="off" spellcheck="false" inputmode="numeric" maxlength="40" required></div>
                <div class="actions"><button type="submit" class="primary">\(text("ui.followUp.open"))</button></div>
                </form>
                """,
            language: language,
            switcher: HTML.languageLinks(
                current: language, path: { "/\($0.rawValue)/follow-up" }, label: catalogue.text("ui.language", language)
            ))
    }

    /// The dialogue: status in plain words, the messages, and a reply form carrying a short-lived
    /// session token instead of the key.
    static func followUpDialogue(
        _ view: FollowUpDesk.View, catalogue: Catalogue, language: Language, session: String,
        sent: Bool = false, error: String? = nil, draft: String = ""
    ) -> String {
        func text(_ key: String) -> String { HTML.escape(catalogue.text(key, language)) }
        let messages =
            view.messages.isEmpty
            ? "<p>\(text("ui.followUp.none"))</p>"
            : "<ol class=\"messages\">"
                + view.messages.map { message in
                    let from = text(message.fromReporter ? "ui.followUp.fromYou" : "ui.followUp.fromUs")
                    let body = HTML.escape(message.text).replacingOccurrences(of: "\n", with: "<br>")
                    return "<li class=\"\(message.fromReporter ? "from-you" : "from-us")\"><p class=\"meta\">\(from) · "
                        + "<time datetime=\"\(TimeText.isoMinute(message.at))\">\(TimeText.minute(message.at))</time></p><p>\(body)</p></li>"
                }.joined() + "</ol>"
        let notice =
            sent ? "<div class=\"notice\" role=\"status\"><p>\(text("ui.followUp.replySent"))</p></div>" : ""
        let errorHTML =
            error.map {
                "<div class=\"error-summary\" role=\"alert\"><ul><li><a href=\"#field-reply\">\(HTML.escape($0))</a></li></ul></div>"
            } ?? ""
        return HTML.page(
            title: catalogue.text("ui.followUp.title", language),
            body: """
                <h1>\(text("ui.followUp.title"))</h1>
                \(notice)\(errorHTML)
                <p>\(text("ui.receipt.reference")): <strong id="case-reference">\(HTML.escape(view.reference.description))</strong></p>
                <h2>\(text("ui.followUp.status"))</h2>
                <p id="case-status">\(text("status.\(view.status.rawValue)"))</p>
                <h2>\(text("ui.followUp.messages"))</h2>
                \(messages)
                <form method="post" action="/\(language.rawValue)/follow-up/reply" accept-charset="utf-8">
                \(HTML.hidden("session", session))
                <div class="question"><label for="field-reply">\(text("ui.followUp.reply"))</label>
                <textarea name="reply" id="field-reply" rows="5" maxlength="20000" required>\(HTML.escape(draft))</textarea></div>
                <div class="actions"><button type="submit" class="primary">\(text("ui.followUp.sendReply"))</button></div>
                </form>
                <form method="post" action="/\(language.rawValue)/follow-up/end" accept-charset="utf-8">
                \(HTML.hidden("session", session))
                <div class="actions"><button type="submit" id="end-session">\(text("ui.followUp.end"))</button></div>
                </form>
                """,
            language: language)
    }
}
