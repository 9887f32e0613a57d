/// Text made safe for a terminal: control characters (escape sequences, carriage returns,
/// bidirectional overrides) become visible `\u{…}` escapes, so stored text can never move the
/// cursor, recolour the screen or hide what follows.
public enum TerminalText {
    /// One line: line breaks are escaped too.
    public static func line(_ text: String) -> String {
        sanitize(text, keepingNewlines: false)
    }

    /// Several lines: line breaks and tabs are kept, other control characters escaped.
    public static func block(_ text: String) -> String {
        sanitize(text, keepingNewlines: true)
    }

    private static func sanitize(_ text: String, keepingNewlines: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if keepingNewlines, scalar == "\n" || scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if PlainText.isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
