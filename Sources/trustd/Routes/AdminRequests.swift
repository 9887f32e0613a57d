import Foundation
import Hummingbird
import TrustCenter

/// `PUT /cases/:reference/category`: `{"category": …, "reason"?: …}`.
struct CategoryChange: JSONBody {
    static let fields = ["category", "reason"]
    var category: String
    var reason: String?
}

/// `PUT /cases/:reference/assignee`: `{"officer": email, "reason"?: …}`.
struct AssigneeChange: JSONBody {
    static let fields = ["officer", "reason"]
    var officer: String
    var reason: String?
}

/// `PUT /cases/:reference/awareness`: `{"at": ISO 8601, "reason": …}`.
struct AwarenessChange: JSONBody {
    static let fields = ["at", "reason"]
    var at: String
    var reason: String?
}

/// `POST /mail/test`: `{"address": …}`.
struct MailTestRequest: JSONBody {
    static let fields = ["address"]
    var address: String
}

/// The answer of `POST /mail/test` when the relay took the message: what it said.
struct MailTestAnswer: Codable {
    var sent: Bool
    var reply: String
}

/// `POST /cases/:reference/resume` and `POST /notices/:id/retry`: `{}`.
struct EmptyRequest: JSONBody {
    static let fields: [String] = []
}

/// `POST /cases/:reference/extension` and `POST /cases/:reference/pause`: `{"reason": …}`.
struct ReasonRequest: JSONBody {
    static let fields = ["reason"]
    var reason: String?
}

/// `POST /cases/:reference/notifications`: a notification to the data protection authority.
struct NotificationRequest: JSONBody {
    static let fields = ["stage", "at", "authority", "reference", "lateReason"]
    var stage: String
    var at: String?
    var authority: String?
    var reference: String?
    var lateReason: String?
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

/// `POST /cases/:reference/acknowledgement`: `{"text"?: …}`; without text, the standard letter.
struct OptionalTextRequest: JSONBody {
    static let fields = ["text"]
    var text: String?
}

/// `POST /cases/:reference/decision`.
struct DecisionRequest: JSONBody {
    static let fields = ["authority", "subjects", "reason"]
    var authority: String
    var subjects: String
    var reason: String?
}

/// `POST /cases/:reference/subjects-told`: `{"at"?: …, "how": …}`.
struct SubjectsToldRequest: JSONBody {
    static let fields = ["at", "how"]
    var at: String?
    var how: String?
}

/// `PATCH /cases/:reference/account`: the fields of the account to write.
struct AccountRequest: JSONBody {
    static let fields = [
        "whatHappened", "cause", "consequences", "immediateMeasures", "measuresBefore", "subjectGroups",
        "occurredFrom", "occurredUntil",
    ]
    var whatHappened: String?
    var cause: String?
    var consequences: String?
    var immediateMeasures: String?
    var measuresBefore: String?
    var subjectGroups: String?
    var occurredFrom: String?
    var occurredUntil: String?
}

/// `POST /cases/:reference/answer`: `{"outcome": …, "reason": …}`.
struct AnswerRequest: JSONBody {
    static let fields = ["outcome", "reason"]
    var outcome: String
    var reason: String?
}

/// `POST /cases/:reference/actions`: `{"what", "owner", "due"}`.
struct ActionRequest: JSONBody {
    static let fields = ["what", "owner", "due"]
    var what: String?
    var owner: String?
    var due: String?
}

/// `POST /actions/:id/done`: `{"note": …}`.
struct ActionDoneRequest: JSONBody {
    static let fields = ["note"]
    var note: String?
}

/// `POST /cases/:reference/close`: `{"outcome": …}`.
struct CloseRequest: JSONBody {
    static let fields = ["outcome"]
    var outcome: String?
}

/// The query of `GET /actions`: overdue and limit.
struct ActionListQuery {
    var overdueOnly = false
    var limit = 200

    static let parameters = ["overdue", "limit"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> ActionListQuery {
        var result = ActionListQuery()
        for (key, value) in query {
            switch key {
            case "overdue": result.overdueOnly = try QueryValue.flag(String(value), field: "overdue")
            case "limit": result.limit = try QueryValue.number(String(value), field: "limit")
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// The query of `GET /register`: from and to, as local dates or ISO 8601 times.
struct RegisterListQuery {
    var from: String?
    var to: String?

    static let parameters = ["from", "to"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> RegisterListQuery {
        var result = RegisterListQuery()
        for (key, value) in query {
            switch key {
            case "from": result.from = String(value)
            case "to": result.to = String(value)
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// The query of `GET /cases/:reference/draft`: stage.
struct DraftQuery {
    var stage = NotificationStage.initial

    static let parameters = ["stage"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> DraftQuery {
        var result = DraftQuery()
        for (key, value) in query {
            switch key {
            case "stage": result.stage = try NotificationStage.parse(String(value), field: "stage")
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// The query of `GET /cases`: status, category, entity, limit and offset. Unknown parameters are
/// refused, so a misspelt filter never silently lists everything.
enum CaseListQuery {
    static let parameters = ["status", "category", "entity", "limit", "offset"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> CaseQuery {
        var result = CaseQuery(viewer: .system)
        for (key, rawValue) in query {
            let value = String(rawValue)  // Hummingbird has already percent-decoded it
            switch key {
            case "status": result.status = try CaseStatus.parse(value, field: "status")
            case "category": result.category = try Category.parse(value, field: "category")
            case "entity": result.entityID = value
            case "limit": result.limit = try QueryValue.number(value, field: "limit")
            case "offset": result.offset = try QueryValue.number(value, field: "offset")
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// The query of `GET /deadlines`: overdue, limit and offset.
struct DeadlineListQuery {
    var overdueOnly = false
    var limit = DeadlineQuery.defaultLimit
    var offset = 0

    static let parameters = ["overdue", "limit", "offset"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> DeadlineListQuery {
        var result = DeadlineListQuery()
        for (key, value) in query {
            switch key {
            case "overdue": result.overdueOnly = try QueryValue.flag(String(value), field: "overdue")
            case "limit": result.limit = try QueryValue.number(String(value), field: "limit")
            case "offset": result.offset = try QueryValue.number(String(value), field: "offset")
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// The query of `GET /notices`: delivery and limit.
struct NoticeListQuery {
    var delivery: NoticeDelivery?
    var limit = 100

    static let parameters = ["delivery", "limit"]

    static func parse(_ query: some Sequence<(key: Substring, value: Substring)>) throws -> NoticeListQuery {
        var result = NoticeListQuery()
        for (key, value) in query {
            switch key {
            case "delivery": result.delivery = try NoticeDelivery.parse(String(value), field: "delivery")
            case "limit": result.limit = try QueryValue.number(String(value), field: "limit")
            default: throw QueryValue.unknown(key, parameters)
            }
        }
        return result
    }
}

/// Reading single query values, with errors that name the parameter.
enum QueryValue {
    static func number(_ text: String, field: String) throws(InputError) -> Int {
        guard let number = Int(text) else { throw InputError(field: field, message: "\(field) must be a whole number") }
        return number
    }

    static func flag(_ text: String, field: String) throws(InputError) -> Bool {
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw InputError(field: field, message: "\(field) must be true or false")
        }
    }

    static func unknown(_ key: Substring, _ parameters: [String]) -> InputError {
        InputError(
            field: String(key),
            message: "unknown query parameter; valid parameters: \(parameters.joined(separator: ", "))")
    }
}
