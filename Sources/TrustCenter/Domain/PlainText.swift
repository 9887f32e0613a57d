/// Helpers for putting user-typed text into messages safely.
public enum PlainText {
    /// Quotes text for an error message: shortened, with control characters shown as `?`, so that
    /// a message can never carry a terminal escape sequence or a line break of the user's.
    public static func quoted(_ text: String, limit: Int) -> String {
        var shown = String(text.unicodeScalars.prefix(limit).map { isControl($0) ? "?" : Character($0) })
        if text.unicodeScalars.count > limit { shown += "…" }
        return "'\(shown)'"
    }

    /// C0 and C1 control characters, DEL, and the bidirectional overrides that can make text
    /// display in another order than it is stored.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
