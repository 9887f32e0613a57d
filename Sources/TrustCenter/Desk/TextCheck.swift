import Foundation

/// Checks of free text typed by people: length limits and no control characters that could hide
/// text or rewrite a terminal.
public enum TextCheck {
    /// Trims `text` and turns CRLF and CR into LF; returns nil when it is empty. Multi-line text may
    /// hold line breaks and tabs, single-line text none.
    public static func text(_ text: String, field: String, maximumLength: Int, multiline: Bool) throws(InputError)
        -> String?
    {
        // Browsers send text areas with CRLF line breaks; store plain LF.
        let trimmed = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if trimmed.count > maximumLength {
            throw InputError(field: field, message: "\(field) is longer than \(maximumLength) characters")
        }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { PlainText.isControl($0) && !allowed.contains($0) }) {
            throw InputError(field: field, message: "\(field) contains control characters")
        }
        return trimmed
    }

    /// One @ with text on both sides and a dot in the domain; the mail relay has the last word.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
