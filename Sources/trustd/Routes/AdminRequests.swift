import Foundation
import Hummingbird
import TrustCenter

/// `PUT /cases/:reference/category`: `{"category": …, "reason"?: …}`.
struct CategoryChange: JSONBody {
    static let fields = ["category", "reason"]
    var category: String
    var reason: String?
}

/// `PUT /cases/:reference/assignee`: `{"officer": email}`.
struct AssigneeChange: JSONBody {
    static let fields = ["officer"]
    var officer: String
}

/// `PUT /cases/:reference/status`: `{"status": …}`.
struct StatusChange: JSONBody {
    static let fields = ["status"]
    var status: String
}

/// `POST /cases/:reference/notes` and `POST /cases/:reference/messages`: `{"text": …}`.
struct NoteRequest: JSONBody {
    static let fields = ["text"]
    var text: String
}

/// The query of `GET /cases`: status, category, entity, limit and offset. Unknown parameters are
/// refused, so a misspelt filter never silently lists everything.
enum CaseListQuery {
    static let parameters = ["status", "category", "entity", "limit", "offset"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> CaseQuery {
        var result = CaseQuery()
        for (key, rawValue) in query {
            let value = String(rawValue)  // Hummingbird has already percent-decoded it
            switch key {
            case "status": result.status = try CaseStatus.parse(value, field: "status")
            case "category": result.category = try Category.parse(value, field: "category")
            case "entity": result.entityID = value
            case "limit": result.limit = try number(value, field: "limit")
            case "offset": result.offset = try number(value, field: "offset")
            default:
                throw InputError(
                    field: String(key),
                    message: "unknown query parameter; valid parameters: \(parameters.joined(separator: ", "))")
            }
        }
        return result
    }

    private static func number(_ text: String, field: String) throws(InputError) -> Int {
        guard let number = Int(text) else { throw InputError(field: field, message: "\(field) must be a whole number") }
        return number
    }
}
