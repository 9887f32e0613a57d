import TrustCenter

extension Pages {
    /// The receipt: the case reference and the follow-up key, shown this once, and how to come
    /// back. The key is in the page only, never in a URL.
    static func receipt(_ receipt: Receipt, catalogue: Catalogue, language: Language) -> String {
        func text(_ key: String) -> String { HTML.escape(catalogue.text(key, language)) }
        let followUp = "/\(language.rawValue)/follow-up"
        let link = "<a href=\"\(followUp)\">\(HTML.escape(followUp))</a>"
        let returnText = text("ui.receipt.return").replacingOccurrences(of: "{address}", with: link)
        return HTML.page(
            title: catalogue.text("ui.receipt.title", language),
            body: """
                <h1>\(text("ui.receipt.title"))</h1>
                <p>\(text("ui.receipt.reference")): <strong class="reference" id="case-reference">\(HTML.escape(receipt.reference.description))</strong></p>
                <p>\(text("ui.receipt.key")):</p>
                <p class="key"><strong id="follow-up-key">\(HTML.escape(receipt.followUpKey))</strong></p>
                <p>\(text("ui.receipt.keep"))</p>
                <p>\(returnText)</p>
                """,
            language: language)
    }
}
