import TrustCenter

/// Escaping and the page frame shared by every page. All text that came from a person or from a
/// catalogue passes through `escape` before it reaches a page.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A whole page in `language`. No script, no third-party resource: the one stylesheet is
    /// served by trustd. `switcher` is the language switcher, placed after the main content.
    static func page(title: String, body: String, language: Language = .en, switcher: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Trust Center</title>
        <link rel="stylesheet" href="/assets/style.css">
        </head>
        <body>
        <main>
        \(body)
        </main>
        \(switcher)
        </body>
        </html>
        """
    }

    /// Links to the same page in the other languages, for pages reached by a plain link.
    static func languageLinks(current: Language, path: (Language) -> String, label: String) -> String {
        let links = Language.allCases.map { language in
            language == current
                ? "<li><strong lang=\"\(language.rawValue)\">\(escape(language.nativeName))</strong></li>"
                : "<li><a href=\"\(path(language))\" lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\">\(escape(language.nativeName))</a></li>"
        }
        return "<nav class=\"languages\" aria-label=\"\(escape(label))\"><ul>\(links.joined())</ul></nav>"
    }

    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(escape(name))\" value=\"\(escape(value))\">"
    }
}

/// The pages trustd serves.
enum Pages {}
