/// The deadlines Trust Center runs. Each has a policy (`ClockPolicy`): how long it runs and
/// when it reminds whom. The raw value is the spelling in the configuration, the API and the CLI.
public enum ClockName: String, Codable, CaseIterable, Sendable {
    /// Art. 33(1): notify the data protection authority within 72 hours of awareness.
    case breach
    /// Art. 33(4): supplements to a stepwise notification. IMY (SE) expects them within 4 weeks.
    case breachSupplement = "breach-supplement"
    /// Art. 12(3): answer a rights request within one month of receipt.
    case rightsRequest = "rights-request"
    /// Directive 2019/1937 Art. 9(1)(b): acknowledge a whistleblowing report within 7 days.
    case whistleblowingAck = "whistleblowing-ack"
    /// Directive 2019/1937 Art. 9(1)(f): give feedback within 3 months of the acknowledgement.
    case whistleblowingFeedback = "whistleblowing-feedback"
    /// Service levels, set by the organisation.
    case complaint, deviation, hse, question
    /// A corrective or preventive action, due on the day the officer set (seed 004).
    case action

    /// The clock a case of `category` runs from receipt (or awareness), besides any that start later.
    public static func clocks(for category: Category) -> [ClockName] {
        switch category {
        case .breach: [.breach]
        case .rightsRequest: [.rightsRequest]
        case .whistleblowing: [.whistleblowingAck, .whistleblowingFeedback]
        case .complaint: [.complaint]
        case .deviation: [.deviation]
        case .hse: [.hse]
        case .question: [.question]
        case .unclassified: []
        }
    }

    /// What the clock asks for, for people: "notify the authority", "acknowledge the report".
    public var duty: String {
        switch self {
        case .breach: "notify the data protection authority (Art. 33)"
        case .breachSupplement: "supplement the notification (Art. 33(4))"
        case .rightsRequest: "answer the rights request (Art. 12(3))"
        case .whistleblowingAck: "acknowledge the report to the reporter"
        case .whistleblowingFeedback: "give the reporter feedback"
        case .complaint: "answer the complaint"
        case .deviation: "handle the deviation"
        case .hse: "handle the HSE report"
        case .question: "answer the question"
        case .action: "complete the corrective action"
        }
    }
}

extension ClockName {
    /// Whether the law sets this deadline, so that a case cannot close while it runs. Service
    /// levels are met by closing; actions have their own check.
    public var isLegal: Bool {
        switch self {
        case .breach, .breachSupplement, .rightsRequest, .whistleblowingAck, .whistleblowingFeedback: true
        case .complaint, .deviation, .hse, .question, .action: false
        }
    }
}

extension ClockName: ParsableValue {
    public static var valueKind: String { "clock" }
}

/// How long a clock runs. Hours are exact instants (continuous, weekends included); days and
/// months are calendar days in the entity's time zone and end at 23:59:59 on the due day.
public enum ClockSpan: Hashable, Sendable {
    case hours(Int)
    case days(Int)
    case months(Int)

    public var isDayBased: Bool {
        if case .hours = self { false } else { true }
    }

    /// "72 hours", "1 month", "7 days".
    public var description: String {
        switch self {
        case .hours(let count): count == 1 ? "1 hour" : "\(count) hours"
        case .days(let count): count == 1 ? "1 day" : "\(count) days"
        case .months(let count): count == 1 ? "1 month" : "\(count) months"
        }
    }
}
