import Foundation
import Hummingbird
import TrustCenter

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
