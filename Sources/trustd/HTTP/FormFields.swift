import Foundation
import NIOCore
import TrustCenter

/// The fields of an HTML form post (`application/x-www-form-urlencoded`), in order, with
/// repeated names kept (a multiple-choice question sends one field per ticked box).
///
/// Parsed as the WHATWG URL standard's application/x-www-form-urlencoded parser does: split on
/// `&`, then at the first `=`, `+` becomes a space, then percent-decoding. Hummingbird's decoder
/// refuses repeated names, and Foundation's URLComponents traps on characters a browser may send
/// raw, so neither can read these bodies. A body whose escapes do not decode to UTF-8 gets 400.
struct FormFields: Sendable {
    private(set) var fields: [(name: String, value: String)]

    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// Parses a body read with `BodyReader`.
    init(body: ByteBuffer) throws {
        let text = try BodyReader.text(body)
        fields = try text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], field: nil)
            return (name, try Self.decode(parts.count > 1 ? parts[1] : "", field: name))
        }
    }

    private static func decode(_ part: Substring, field: String?) throws -> String {
        guard let decoded = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            let name = field.map { "form field \(PlainText.quoted($0, limit: 40))" } ?? "a form field's name"
            throw APIError.badRequest("\(name) is not valid UTF-8 once decoded", field: field)
        }
        return decoded
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Answers travel as `a.<question id>` fields.
    var answers: AnswerSet {
        var grouped: [String: [String]] = [:]
        for (name, value) in fields where name.hasPrefix("a.") {
            grouped[String(name.dropFirst(2)), default: []].append(value)
        }
        return AnswerSet(grouped)
    }
}
