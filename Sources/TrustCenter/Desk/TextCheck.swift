import Foundation

/// Checks of free text typed by people: line breaks made uniform, length limits, and no control
/// characters that could hide text or rewrite a terminal.
public enum TextCheck {
    /// Why a text was refused.
    public enum Problem: Error, Sendable, Hashable {
        case tooLong(maximum: Int)
        case controlCharacters
    }

    /// Trims `text` and turns CRLF, CR and the Unicode line and paragraph separators into LF;
    /// `.success(nil)` when nothing visible is left. Multi-line text may hold line breaks and
    /// tabs, single-line text none. The same trimming decides whether a required answer was
    /// given (`isBlank`), so a text that passes as answered is never stored as nothing.
    public static func normalized(_ text: String, maximumLength: Int, multiline: Bool) -> Result<String?, Problem> {
        // Browsers send text areas with CRLF line breaks; store plain LF.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{2028}", with: "\n").replacingOccurrences(of: "\u{2029}", with: "\n")
        let trimmed = trimmingInvisible(lines)
        if trimmed.isEmpty { return .success(nil) }
        if trimmed.count > maximumLength { return .failure(.tooLong(maximum: maximumLength)) }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { PlainText.isControl($0) && !allowed.contains($0) }) {
            return .failure(.controlCharacters)
        }
        return .success(trimmed)
    }

    /// Whether `text` holds a line break of any kind: LF, CR, or a line or paragraph separator.
    public static func hasLineBreak(_ text: String) -> Bool {
        text.unicodeScalars.contains { ["\n", "\r", "\u{2028}", "\u{2029}"].contains($0) }
    }

    /// Whether `text` shows nothing: only spaces, line breaks and invisible characters such as
    /// zero-width spaces, joiners, the byte-order mark, soft hyphens and tag characters.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isInvisible)
    }

    /// `text` without the invisible code points at either end (one at a time: a trailing joiner
    /// belongs to the character before it).
    static func trimmingInvisible(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isInvisible($0) }),
            let last = scalars.lastIndex(where: { !isInvisible($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Whitespace, a default-ignorable code point (Unicode's list of what renders as nothing), or
    /// the blank braille pattern that is often pasted as a space.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800
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

    /// One @ with text on both sides and a dot in the domain, and nothing invisible anywhere
    /// (a zero-width space or a tag character would make two addresses look alike); the mail
    /// relay has the last word.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".")
            && !text.unicodeScalars.contains(where: { isInvisible($0) || PlainText.isControl($0) })
    }
}
