import Foundation
import Hummingbird
import HummingbirdTesting

/// What a browser would send back from one of trustd's pages: its hidden fields, plus what the
/// test types in. Reads trustd's own markup, whose hidden inputs have a fixed shape.
struct FormPage {
    let html: String
    let status: HTTPResponse.Status

    init(_ response: TestResponse) {
        html = response.text
        status = response.status
    }

    var hiddenFields: [(String, String)] {
        let pattern = #"<input type="hidden" name="([^"]*)" value="([^"]*)">"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            guard let name = Range(match.range(at: 1), in: html), let value = Range(match.range(at: 2), in: html) else {
                return nil
            }
            return (Self.unescape(String(html[name])), Self.unescape(String(html[value])))
        }
    }

    func hidden(_ name: String) -> String? { hiddenFields.first { $0.0 == name }?.1 }

    /// The text of the element with this id, as shown.
    func element(_ id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\">") else { return nil }
        return Self.unescape(String(html[start.upperBound...].prefix { $0 != "<" }))
    }

    var title: String? {
        guard let start = html.range(of: "<h1>") else { return nil }
        return Self.unescape(String(html[start.upperBound...].prefix { $0 != "<" }))
    }

    /// The form body: hidden fields, with `fields` added (a field given here replaces a hidden one
    /// of the same name).
    func body(_ fields: [(String, String)]) -> ByteBuffer {
        let typed = Set(fields.map(\.0))
        let all = hiddenFields.filter { !typed.contains($0.0) } + fields
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = all.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return ByteBuffer(string: encoded.joined(separator: "&"))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension TestClientProtocol {
    /// Posts a page's form to `path` with the fields typed in.
    func submit(_ page: FormPage, to path: String, _ fields: [(String, String)]) async throws -> FormPage {
        FormPage(try await execute(uri: path, method: .post, headers: .form, body: page.body(fields)))
    }

    func page(_ path: String) async throws -> FormPage {
        FormPage(try await execute(uri: path, method: .get))
    }
}
