import TrustCenter

extension Pages {
    /// The error summary at the top of a page: each problem links to its field (GOV.UK pattern),
    /// and the summary takes focus semantics through role="alert".
    static func errorSummary(_ problems: [(field: String, label: String, message: String)], title: String) -> String {
        guard !problems.isEmpty else { return "" }
        let items = problems.map { problem in
            "<li><a href=\"#field-\(HTML.escape(problem.field))\">\(HTML.escape(problem.label)): \(HTML.escape(problem.message))</a></li>"
        }
        return """
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
            <h2>\(HTML.escape(title))</h2>
            <ul>\(items.joined())</ul>
            </div>
            """
    }
}
