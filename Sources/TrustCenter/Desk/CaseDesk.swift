import Foundation
import Logging

/// What an authenticated officer does with cases. An officer sees only the cases they own or
/// handle (an auditor also every unrestricted case, read-only); every change is recorded as an
/// event with the officer's identity.
public struct CaseDesk: Sendable {
    let ledger: CaseLedger
    let time: any TimeSource
    let rules: CaseRules
    let logger: Logger

    /// `logger` is handed in, as every logger of the core is: the caller chooses its handler.
    public init(ledger: CaseLedger, time: any TimeSource, rules: CaseRules, logger: Logger) {
        self.ledger = ledger
        self.time = time
        self.rules = rules
        self.logger = logger
    }

    public func cases(_ query: CaseQuery, for officer: Officer) async throws -> CasePage {
        try Self.checkPage(limit: query.limit, offset: query.offset, maximum: CaseQuery.maximumLimit)
        var query = query
        query.viewer = officer.viewer
        return try await ledger.cases(matching: query)
    }

    /// The case, with a whistleblower's identity withheld (see `revealIdentity`).
    public func caseFile(_ reference: CaseReference, for officer: Officer) async throws -> CaseFile {
        Self.withholdingIdentity(try await ledger.caseFile(reference, for: officer.viewer))
    }

    /// The case's clear summary (its entity's time zone, say), without opening its content.
    public func caseSummary(_ reference: CaseReference, for officer: Officer) async throws -> CaseSummary {
        try await ledger.caseSummary(reference, for: officer.viewer)
    }

    /// The running clocks of the officer's cases, soonest due first.
    public func deadlines(overdueOnly: Bool, limit: Int, offset: Int, for officer: Officer) async throws
        -> DeadlinePage
    {
        try Self.checkPage(limit: limit, offset: offset, maximum: DeadlineQuery.maximumLimit)
        return try await ledger.deadlines(
            matching: DeadlineQuery(
                viewer: officer.viewer, overdueOnly: overdueOnly, now: time.now(), limit: limit, offset: offset))
    }

    /// The notices addressed to the officer.
    public func notices(delivery: NoticeDelivery?, limit: Int, for officer: Officer) async throws -> [Notice] {
        try Self.checkPage(limit: limit, offset: 0, maximum: NoticeQuery.maximumLimit)
        return try await ledger.notices(
            matching: NoticeQuery(
                recipientEmail: officer.email, viewer: officer.viewer, delivery: delivery, limit: limit))
    }

    /// Puts a failed notice the officer may see back in the outbox for an attempt now.
    public func retryNotice(_ id: Notice.ID, by officer: Officer) async throws -> Notice {
        guard officer.role.mayChangeCases else {
            throw PermissionError("an auditor can read notices but not retry them")
        }
        return try await ledger.retryNotice(id, for: officer.viewer, at: Self.toTheSecond(time.now()))
    }

    public func classify(_ reference: CaseReference, as category: Category, reason: String?, by officer: Officer)
        async throws -> CaseFile
    {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.classify(category, reason: reason), to: reference, by: officer)
    }

    public func assign(_ reference: CaseReference, to email: String, reason: String? = nil, by officer: Officer)
        async throws -> CaseFile
    {
        guard let assignee = try await ledger.officer(email: email), assignee.isActive else {
            throw InputError(
                field: "officer", message: "no active officer with email \(PlainText.quoted(email, limit: 80))")
        }
        guard assignee.role.mayChangeCases else {
            throw InputError(field: "officer", message: "\(assignee.email) is an auditor and cannot own cases")
        }
        let reason = try CaseChange.checkedText(reason, field: "reason", required: false)
        return try await apply(
            .assign(Contact(name: assignee.name, email: assignee.email), reason: reason), to: reference, by: officer)
    }

    public func setStatus(_ reference: CaseReference, to status: CaseStatus, by officer: Officer) async throws
        -> CaseFile
    {
        try await apply(.setStatus(status), to: reference, by: officer)
    }

    public func addNote(_ reference: CaseReference, text: String, by officer: Officer) async throws -> CaseFile {
        let text = try CaseChange.checkedText(text, field: "text", required: true) ?? ""
        return try await apply(.addNote(text), to: reference, by: officer)
    }

    /// Writes to the reporter; they read it on the follow-up page with their key.
    public func reply(_ reference: CaseReference, text: String, by officer: Officer) async throws -> CaseFile {
        let text = try CaseChange.checkedText(text, field: "text", required: true) ?? ""
        return try await apply(.reply(text), to: reference, by: officer)
    }

    /// Acknowledges a whistleblowing report with a message the reporter reads on the follow-up
    /// page; the 7-day clock is met and feedback is due 3 months from now.
    /// Without `text`, the standard acknowledgement in the reporter's language.
    public func acknowledge(_ reference: CaseReference, text: String?, by officer: Officer) async throws -> CaseFile {
        let text = try CaseChange.checkedText(text, field: "text", required: false)
        return try await apply(.acknowledge(text), to: reference, by: officer)
    }

    /// Art. 33(1): the organisation became aware of the breach at `date`; the 72 hours run from it.
    public func setAwareness(_ reference: CaseReference, at date: Date, reason: String?, by officer: Officer)
        async throws -> CaseFile
    {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.setAwareness(date, reason: reason), to: reference, by: officer)
    }

    /// Art. 12(3): extends the rights-request clock by two further months, before it is first due.
    public func extend(_ reference: CaseReference, reason: String?, by officer: Officer) async throws -> CaseFile {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.extend(.rightsRequest, reason: reason), to: reference, by: officer)
    }

    /// Art. 12(6): the rights-request clock stands still while waiting for identity information.
    public func pause(_ reference: CaseReference, reason: String?, by officer: Officer) async throws -> CaseFile {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: true) ?? ""
        return try await apply(.pause(.rightsRequest, reason: reason), to: reference, by: officer)
    }

    /// The rights-request clock runs again; its due day moves by the days it stood still.
    public func resume(_ reference: CaseReference, by officer: Officer) async throws -> CaseFile {
        try await apply(.resume(.rightsRequest), to: reference, by: officer)
    }

    /// Records a notification to the data protection authority; `at` defaults to now.
    public func notifyAuthority(
        _ reference: CaseReference, stage: NotificationStage, at date: Date?, authority: String?,
        authorityReference: String?, lateReason: String?, by officer: Officer
    ) async throws -> CaseFile {
        let authorityReference =
            try TextCheck.text(authorityReference ?? "", field: "reference", maximumLength: 200, multiline: false)
        guard let authorityReference else {
            throw InputError(field: "reference", message: "reference is empty: give the authority's case number")
        }
        let authority = try TextCheck.text(authority ?? "", field: "authority", maximumLength: 200, multiline: false)
        let lateReason = try CaseChange.checkedText(lateReason, field: "lateReason", required: false)
        return try await apply(
            .notifyAuthority(
                stage, at: Self.toTheSecond(date ?? time.now()), authority: authority, reference: authorityReference,
                lateReason: lateReason),
            to: reference, by: officer)
    }

    func apply(_ change: CaseChange, to reference: CaseReference, by officer: Officer) async throws -> CaseFile {
        guard officer.role.mayChangeCases else {
            throw PermissionError("an auditor can read cases but not change them")
        }
        // Screened here, before the store's write transaction, so that no text holds the writer.
        for (field, text) in change.textsForTheRegister { try PersonalDataScreen.check(text, field: field) }
        let caseFile = try await ledger.apply(
            change, to: reference, by: officer.summary, viewer: officer.viewer, at: Self.toTheSecond(time.now()))
        logger.info(
            "case changed",
            metadata: ["case": "\(reference)", "change": "\(change.name)", "officer": "\(officer.id)"])
        return change == .revealIdentity ? caseFile : Self.withholdingIdentity(caseFile)
    }

    /// Times are stored in whole seconds.
    static func toTheSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    static func checkPage(limit: Int, offset: Int, maximum: Int) throws(InputError) {
        guard (1...maximum).contains(limit) else {
            throw InputError(field: "limit", message: "limit must be between 1 and \(maximum)")
        }
        guard offset >= 0 else {
            throw InputError(field: "offset", message: "offset must be 0 or more")
        }
    }
}

extension Officer {
    /// The officer as shown on a case.
    public var summary: OfficerSummary { OfficerSummary(id: id, name: name, email: email) }
}
