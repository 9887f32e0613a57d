import Foundation

/// What a reporter does with their follow-up key: open the case's dialogue and write to the
/// officers. A wrong key, a malformed key and a blocked client all get the same answer.
public struct FollowUpDesk: Sendable {
    let ledger: CaseLedger
    let hasher: SecretHasher
    let time: any TimeSource

    /// What the reporter sees: the status and the messages, never notes or officers' names.
    public struct View: Sendable, Hashable {
        public var reference: CaseReference
        public var status: CaseStatus
        public var messages: [Message]

        public struct Message: Sendable, Hashable {
            public var fromReporter: Bool
            public var at: Date
            public var text: String
        }
    }

    public init(ledger: CaseLedger, hasher: SecretHasher, time: any TimeSource) {
        self.ledger = ledger
        self.hasher = hasher
        self.time = time
    }

    /// The case this key opens, or nil.
    public func reference(forKey text: String) async throws -> CaseReference? {
        guard let key = try? FollowUpKey(parsing: text) else { return nil }
        return try await ledger.caseReference(followUpKeyHash: hasher.hash(key.digits, as: .followUpKey))
    }

    public func view(_ reference: CaseReference) async throws -> View {
        Self.view(of: try await ledger.caseFile(reference, for: .system))
    }

    /// Records the reporter's message. The text gets the same checks as the report's; a problem
    /// is thrown as `SubmissionProblems` for the field `reply`, to be said in the reporter's language.
    public func reply(_ reference: CaseReference, text raw: String) async throws -> View {
        let text: String
        switch TextCheck.normalized(raw, maximumLength: CaseChange.maximumTextLength, multiline: true) {
        case .success(let checked?): text = checked
        case .success(nil): throw SubmissionProblems([FieldProblem(question: "reply", key: "error.required")])
        case .failure(.tooLong(let maximum)):
            throw SubmissionProblems([
                FieldProblem(question: "reply", key: "error.tooLong", values: ["max": String(maximum)])
            ])
        case .failure(.controlCharacters):
            throw SubmissionProblems([FieldProblem(question: "reply", key: "error.controlCharacters")])
        }
        // To the minute, and nothing logged: an exact time could tell who is writing.
        let caseFile = try await ledger.addReporterMessage(text, to: reference, at: time.nowToTheMinute())
        return Self.view(of: caseFile)
    }

    static func view(of caseFile: CaseFile) -> View {
        View(
            reference: caseFile.reference, status: caseFile.summary.status,
            messages: caseFile.messages.map {
                View.Message(fromReporter: $0.direction == .fromReporter, at: $0.at, text: $0.text)
            })
    }
}
