import Foundation

/// A change an officer makes to a case. Each one becomes one or more `CaseEvent`s.
public enum CaseChange: Sendable, Hashable {
    /// Reclassify, with a reason. The new category's clocks start from the original receipt or
    /// awareness time; the old clocks stop.
    case classify(Category, reason: String)
    /// Give the case another accountable owner.
    case assign(Contact, reason: String?)
    case setStatus(CaseStatus)
    case addNote(String)
    /// A message to the reporter, shown on the follow-up page.
    case reply(String)
    /// Directive 2019/1937 Art. 9(1)(b): acknowledge a whistleblowing report with a message to the
    /// reporter (nil: the standard letter in the reporter's language). It meets the 7-day clock,
    /// and the 3 months of feedback run from it.
    case acknowledge(String?)
    /// Art. 33(1): the organisation became aware of the breach at this time.
    case setAwareness(Date, reason: String)
    /// Art. 12(3): extend a clock by its policy's extension, before it is first due.
    case extend(ClockName, reason: String)
    /// Art. 12(6): stop the rights-request clock while waiting for identity information.
    case pause(ClockName, reason: String)
    /// Let a paused clock run again; its due day moves by the whole days it stood still.
    case resume(ClockName)
    /// Record a notification to the data protection authority (Art. 33, stepwise per 33(4)).
    case notifyAuthority(NotificationStage, at: Date, authority: String?, reference: String, lateReason: String?)
    /// Record the facts of a breach; the assessment is worked out from them.
    case assess(BreachFacts)
    /// Decide whom to notify of a breach; a reason is needed when it differs from the recommendation.
    case decide(notifyAuthority: Bool, subjects: SubjectsDecision, reason: String?)
    /// Record when and how the data subjects were told (Art. 34).
    case tellSubjects(at: Date, how: String)
    /// Write or change the account of what happened, its consequences and the measures taken.
    case describe(IncidentAccount)
    /// Art. 12(6): ask the rights requester for identity information; the clock pauses.
    case requestIdentity(String)
    /// The requester's identity is confirmed; a paused clock runs again.
    case verifyIdentity
    /// Answer a rights request; the requester gets the letter in their language.
    case answer(RightsOutcome, reason: String)
    /// Directive 2019/1937 Art. 9(1)(f): feedback to the whistleblower; meets the 3-month clock.
    case giveFeedback(String)
    /// Open the identity of a whistleblowing reporter; recorded.
    case revealIdentity
    /// A corrective or preventive action, due at the end of a local day.
    case addAction(what: String, owner: Contact, due: LocalDate)
    case completeAction(CorrectiveAction.ID, note: String)
    /// Close the case; refused while a legal step is open.
    case close(outcome: String)
    case reopen(reason: String)

    /// A stable name for the change, for logs.
    public var name: String {
        switch self {
        case .classify: "classify"
        case .assign: "assign"
        case .setStatus: "set-status"
        case .addNote: "add-note"
        case .reply: "reply"
        case .acknowledge: "acknowledge"
        case .setAwareness: "set-awareness"
        case .extend: "extend"
        case .pause: "pause"
        case .resume: "resume"
        case .notifyAuthority: "notify-authority"
        case .assess: "assess"
        case .decide: "decide"
        case .tellSubjects: "tell-subjects"
        case .describe: "describe"
        case .requestIdentity: "request-identity"
        case .verifyIdentity: "verify-identity"
        case .answer: "answer"
        case .giveFeedback: "give-feedback"
        case .revealIdentity: "reveal-identity"
        case .addAction: "add-action"
        case .completeAction: "complete-action"
        case .close: "close"
        case .reopen: "reopen"
        }
    }

    /// What may be done to a closed case: notes, messages to the reporter (who may still write),
    /// opening a whistleblower's identity, and reopening. Anything else needs the case reopened,
    /// so that closed cases stay as they were closed.
    public var allowedOnClosedCases: Bool {
        switch self {
        case .addNote, .reply, .revealIdentity, .reopen: true
        default: false
        }
    }

    /// The texts that go into the breach register and the authority's drafts, by field: each is
    /// screened for personal data (`PersonalDataScreen`) before the change is applied.
    public var textsForTheRegister: [(field: String, text: String)] {
        switch self {
        case .decide(_, _, let reason?): [("reason", reason)]
        case .tellSubjects(_, let how): [("how", how)]
        case .describe(let account): account.texts.compactMap { entry in entry.text.map { (entry.field, $0) } }
        case .addAction(let what, _, _): [("what", what)]
        case .notifyAuthority(_, _, _, _, let lateReason?): [("lateReason", lateReason)]
        default: []
        }
    }

    /// The longest note or reason accepted, in characters.
    public static let maximumTextLength = 20_000

    /// Checks free text typed by an officer (a note or a reason) like a reporter's: trimmed, line
    /// breaks made uniform, no control characters, not empty when `required`, and not longer than
    /// `maximumTextLength`.
    public static func checkedText(_ text: String?, field: String, required: Bool) throws(InputError) -> String? {
        let checked = try TextCheck.text(text ?? "", field: field, maximumLength: maximumTextLength, multiline: true)
        if checked == nil, required { throw InputError(field: field, message: "\(field) is empty") }
        return checked
    }
}
