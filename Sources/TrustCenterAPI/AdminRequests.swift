import Foundation

// The admin API's request bodies and answers: what trustctl sends and trustd reads, one type
// for both, so that a field renamed on one side cannot be missed on the other. trustd refuses a
// body with a key outside `fields`, so a misspelt option never silently does nothing.

/// A JSON request body, with every key it may hold.
public protocol JSONBody: Decodable {
    static var fields: [String] { get }
}

/// `PUT /cases/:reference/category`: `{"category": …, "reason"?: …}`.
public struct CategoryChange: JSONBody, Encodable, Sendable {
    public static let fields = ["category", "reason"]
    public var category: String
    public var reason: String?

    public init(category: String, reason: String? = nil) {
        self.category = category
        self.reason = reason
    }
}

/// `PUT /cases/:reference/assignee`: `{"officer": email, "reason"?: …}`.
public struct AssigneeChange: JSONBody, Encodable, Sendable {
    public static let fields = ["officer", "reason"]
    public var officer: String
    public var reason: String?

    public init(officer: String, reason: String? = nil) {
        self.officer = officer
        self.reason = reason
    }
}

/// `PUT /cases/:reference/awareness`: `{"at": ISO 8601, "reason": …}`.
public struct AwarenessChange: JSONBody, Encodable, Sendable {
    public static let fields = ["at", "reason"]
    public var at: String
    public var reason: String?

    public init(at: String, reason: String? = nil) {
        self.at = at
        self.reason = reason
    }
}

/// `POST /mail/test`: `{"address": …}`.
public struct MailTestRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["address"]
    public var address: String

    public init(address: String) {
        self.address = address
    }
}

/// The answer of `POST /mail/test` when the relay took the message: what it said.
public struct MailTestAnswer: Codable, Sendable {
    public var sent: Bool
    public var reply: String

    public init(sent: Bool, reply: String) {
        self.sent = sent
        self.reply = reply
    }
}

/// `POST /cases/:reference/resume` and `POST /notices/:id/retry`: `{}`.
public struct EmptyRequest: JSONBody, Encodable, Sendable {
    public static let fields: [String] = []

    public init() {}
}

/// `POST /cases/:reference/extension` and `POST /cases/:reference/pause`: `{"reason": …}`.
public struct ReasonRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["reason"]
    public var reason: String?

    public init(reason: String? = nil) {
        self.reason = reason
    }
}

/// `POST /cases/:reference/notifications`: a notification to the data protection authority.
public struct NotificationRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["stage", "at", "authority", "reference", "lateReason"]
    public var stage: String
    public var at: String?
    public var authority: String?
    public var reference: String?
    public var lateReason: String?

    public init(
        stage: String, at: String? = nil, authority: String? = nil, reference: String? = nil, lateReason: String? = nil
    ) {
        self.stage = stage
        self.at = at
        self.authority = authority
        self.reference = reference
        self.lateReason = lateReason
    }
}

/// `PUT /cases/:reference/status`: `{"status": …}`.
public struct StatusChange: JSONBody, Encodable, Sendable {
    public static let fields = ["status"]
    public var status: String

    public init(status: String) {
        self.status = status
    }
}

/// `POST /cases/:reference/notes` and `POST /cases/:reference/messages`: `{"text": …}`.
public struct NoteRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["text"]
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// `POST /cases/:reference/acknowledgement`: `{"text"?: …}`; without text, the standard letter.
public struct OptionalTextRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["text"]
    public var text: String?

    public init(text: String? = nil) {
        self.text = text
    }
}

/// `POST /cases/:reference/decision`.
public struct DecisionRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["authority", "subjects", "reason"]
    public var authority: String
    public var subjects: String
    public var reason: String?

    public init(authority: String, subjects: String, reason: String? = nil) {
        self.authority = authority
        self.subjects = subjects
        self.reason = reason
    }
}

/// `POST /cases/:reference/subjects-told`: `{"at"?: …, "how": …}`.
public struct SubjectsToldRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["at", "how"]
    public var at: String?
    public var how: String?

    public init(at: String? = nil, how: String? = nil) {
        self.at = at
        self.how = how
    }
}

/// `PATCH /cases/:reference/account`: the fields of the account to write.
public struct AccountRequest: JSONBody, Encodable, Sendable {
    public static let fields = [
        "whatHappened", "cause", "consequences", "immediateMeasures", "measuresBefore", "subjectGroups",
        "occurredFrom", "occurredUntil",
    ]
    public var whatHappened: String?
    public var cause: String?
    public var consequences: String?
    public var immediateMeasures: String?
    public var measuresBefore: String?
    public var subjectGroups: String?
    public var occurredFrom: String?
    public var occurredUntil: String?

    public init(
        whatHappened: String? = nil, cause: String? = nil, consequences: String? = nil,
        immediateMeasures: String? = nil, measuresBefore: String? = nil, subjectGroups: String? = nil,
        occurredFrom: String? = nil, occurredUntil: String? = nil
    ) {
        self.whatHappened = whatHappened
        self.cause = cause
        self.consequences = consequences
        self.immediateMeasures = immediateMeasures
        self.measuresBefore = measuresBefore
        self.subjectGroups = subjectGroups
        self.occurredFrom = occurredFrom
        self.occurredUntil = occurredUntil
    }
}

/// `POST /cases/:reference/answer`: `{"outcome": …, "reason": …}`.
public struct AnswerRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["outcome", "reason"]
    public var outcome: String
    public var reason: String?

    public init(outcome: String, reason: String? = nil) {
        self.outcome = outcome
        self.reason = reason
    }
}

/// `POST /cases/:reference/actions`: `{"what", "owner", "due"}`.
public struct ActionRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["what", "owner", "due"]
    public var what: String?
    public var owner: String?
    public var due: String?

    public init(what: String? = nil, owner: String? = nil, due: String? = nil) {
        self.what = what
        self.owner = owner
        self.due = due
    }
}

/// `POST /actions/:id/done`: `{"note": …}`.
public struct ActionDoneRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["note"]
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }
}

/// `POST /cases/:reference/close`: `{"outcome": …}`.
public struct CloseRequest: JSONBody, Encodable, Sendable {
    public static let fields = ["outcome"]
    public var outcome: String?

    public init(outcome: String? = nil) {
        self.outcome = outcome
    }
}
