/// Escaping and the page frame shared by every page. All text that came from a person passes
/// through `escape` before it reaches a page.
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

    /// A whole page. No script, no third-party resource: the one stylesheet is served by trustd.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
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
        </body>
        </html>
        """
    }
}

/// The pages trustd serves.
enum Pages {}
