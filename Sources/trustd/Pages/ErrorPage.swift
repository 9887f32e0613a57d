import Hummingbird
import TrustCenter

extension Pages {
    /// A short page for errors met by a browser.
    static func error(status: HTTPResponse.Status, message: String) -> Response {
        Response.html(
            HTML.page(
                title: status.reasonPhrase,
                body:
                    "<h1>\(HTML.escape(status.reasonPhrase))</h1>\n<p>\(HTML.escape(message))</p>\n<p>Use your browser's Back button to return to what you wrote.</p>"
            ),
            status: status)
    }

    /// A page with one message in the reporter's language, and the way back to the start.
    static func message(_ text: String, language: Language) -> String {
        HTML.page(
            title: text,
            body: "<h1>\(HTML.escape(text))</h1>\n<p><a href=\"/\(language.rawValue)/\">Trust Center</a></p>",
            language: language)
    }
}
