import Foundation

/// Header text per RFC 2047: ASCII as it is, anything else as UTF-8 "encoded words" in base64,
/// each on its own folded line, so that no line holding one exceeds 76 characters (§2).
enum MailHeaderText {
    /// A Subject value, folded so that no line exceeds 78 characters.
    static func encoded(_ text: String, nameLength: Int) -> String {
        if text.allSatisfy({ $0.isASCII }) && text.count + nameLength <= 78 { return text }
        return words(text).joined(separator: "\r\n ")
    }

    /// A display name: a quoted string when ASCII, encoded words otherwise.
    static func phrase(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII }) {
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return words(text).joined(separator: "\r\n ")
    }

    /// `=?utf-8?B?…?=` words of at most 60 characters, never splitting a character: 36 bytes are
    /// 48 base64 characters, so even after `Subject: ` or `From: ` a line stays under 76.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 36 {
                words.append(encodedWord(chunk))
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ text: String) -> String {
        "=?utf-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }
}
