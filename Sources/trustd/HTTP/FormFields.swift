import Foundation
import NIOCore
import TrustCenter

/// The fields of an HTML form post (`application/x-www-form-urlencoded`), in order, with
/// repeated names kept (a multiple-choice question sends one field per ticked box). Parsed by
/// Foundation's URLComponents after the form encoding's `+` is turned back into a space.
struct FormFields: Sendable {
    private(set) var fields: [(name: String, value: String)]

    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// Parses a body read with `BodyReader`; 400 when it is not UTF-8 or an escape does not decode.
    init(body: ByteBuffer) throws {
        let text = try BodyReader.text(body)
        try BodyReader.checkPercentEncoding(text)
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        fields = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Answers travel as `a.<question id>` fields.
    var answers: AnswerSet {
        var grouped: [String: [String]] = [:]
        for (name, value) in fields where name.hasPrefix("a.") {
            grouped[String(name.dropFirst(2)), default: []].append(value)
        }
        return AnswerSet(grouped)
    }
}
