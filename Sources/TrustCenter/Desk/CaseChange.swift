import Foundation

/// A change an officer makes to a case. Each one becomes a `CaseEvent`.
public enum CaseChange: Sendable, Hashable {
    case classify(Category, reason: String?)
    case assign(OfficerSummary)
    case setStatus(CaseStatus)
    case addNote(String)
    /// A message to the reporter, shown on the follow-up page.
    case reply(String)

    /// The longest note or reason accepted, in characters.
    public static let maximumTextLength = 20_000

    /// Checks the change against the case as it stands and says what happened. Every store calls
    /// this inside its transaction, so the rules are the same whatever the store.
    public func event(for current: CaseSummary) throws(InputError) -> CaseEvent.Change {
        switch self {
        case .classify(let category, let reason):
            if category == .unclassified {
                throw InputError(field: "category", message: "a case cannot be classified as unclassified")
            }
            if category == current.category {
                throw InputError(
                    field: "category", message: "case \(current.reference) is already \(category.rawValue)")
            }
            return .classified(from: current.category, to: category, reason: reason)
        case .assign(let officer):
            if current.assignee?.id == officer.id {
                throw InputError(
                    field: "officer", message: "case \(current.reference) is already assigned to \(officer.email)")
            }
            return .assigned(from: current.assignee, to: officer)
        case .setStatus(let status):
            if status == .received {
                throw InputError(field: "status", message: "received is only the status of a new case")
            }
            if status == current.status {
                throw InputError(field: "status", message: "case \(current.reference) is already \(status.rawValue)")
            }
            return .statusChanged(from: current.status, to: status)
        case .addNote:
            return .noteAdded
        case .reply:
            return .messageSent
        }
    }

    /// Checks free text typed by an officer (a note or a reason) like a reporter's: trimmed, line
    /// breaks made uniform, no control characters, not empty when `required`, and not longer than
    /// `maximumTextLength`.
    public static func checkedText(_ text: String?, field: String, required: Bool) throws(InputError) -> String? {
        let checked = try TextCheck.text(text ?? "", field: field, maximumLength: maximumTextLength, multiline: true)
        if checked == nil, required { throw InputError(field: field, message: "\(field) is empty") }
        return checked
    }
}
