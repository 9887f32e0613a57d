import Foundation

/// Checks of free text typed by people: line breaks made uniform, length limits, and no control
/// characters that could hide text or rewrite a terminal.
public enum TextCheck {
    /// Why a text was refused.
    public enum Problem: Error, Sendable, Hashable {
        case tooLong(maximum: Int)
        case controlCharacters
    }

    /// Trims `text` and turns CRLF and CR into LF; `.success(nil)` when it is empty. Multi-line
    /// text may hold line breaks and tabs, single-line text none.
    public static func normalized(_ text: String, maximumLength: Int, multiline: Bool) -> Result<String?, Problem> {
        // Browsers send text areas with CRLF line breaks; store plain LF.
        let trimmed = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .success(nil) }
        if trimmed.count > maximumLength { return .failure(.tooLong(maximum: maximumLength)) }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { PlainText.isControl($0) && !allowed.contains($0) }) {
            return .failure(.controlCharacters)
        }
        return .success(trimmed)
    }

    /// `normalized`, with an English `InputError` naming `field` on a problem.
    public static func text(_ text: String, field: String, maximumLength: Int, multiline: Bool) throws(InputError)
        -> String?
    {
        switch normalized(text, maximumLength: maximumLength, multiline: multiline) {
        case .success(let text): return text
        case .failure(.tooLong(let maximum)):
            throw InputError(field: field, message: "\(field) is longer than \(maximum) characters")
        case .failure(.controlCharacters):
            throw InputError(field: field, message: "\(field) contains control characters")
        }
    }

    /// One @ with text on both sides and a dot in the domain; the mail relay has the last word.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
