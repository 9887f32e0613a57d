import Foundation
import Logging

/// What an authenticated officer does with cases: list, open, classify, assign, set status and
/// add notes. Each change is recorded as an event with the officer's identity.
public struct CaseDesk: Sendable {
    let store: any CaseStore
    let time: any TimeSource
    let logger = Logger(label: "trustcenter.desk")

    public init(store: any CaseStore, time: any TimeSource) {
        self.store = store
        self.time = time
    }

    public func cases(_ query: CaseQuery, for officer: Officer) async throws -> CasePage {
        guard (1...CaseQuery.maximumLimit).contains(query.limit) else {
            throw InputError(field: "limit", message: "limit must be between 1 and \(CaseQuery.maximumLimit)")
        }
        guard query.offset >= 0 else {
            throw InputError(field: "offset", message: "offset must be 0 or more")
        }
        return try await store.cases(matching: query)
    }

    public func caseFile(_ reference: CaseReference, for officer: Officer) async throws -> CaseFile {
        try await store.caseFile(reference)
    }

    public func classify(_ reference: CaseReference, as category: Category, reason: String?, by officer: Officer)
        async throws -> CaseFile
    {
        let reason = try CaseChange.checkedText(reason, field: "reason", required: false)
        return try await apply(.classify(category, reason: reason), to: reference, by: officer)
    }

    public func assign(_ reference: CaseReference, to email: String, by officer: Officer) async throws -> CaseFile {
        guard let assignee = try await store.officer(email: email), assignee.isActive else {
            throw InputError(
                field: "officer", message: "no active officer with email \(PlainText.quoted(email, limit: 80))")
        }
        guard assignee.role.mayChangeCases else {
            throw InputError(field: "officer", message: "\(assignee.email) is an auditor and cannot own cases")
        }
        return try await apply(.assign(assignee.summary), to: reference, by: officer)
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

    private func apply(_ change: CaseChange, to reference: CaseReference, by officer: Officer) async throws -> CaseFile
    {
        guard officer.role.mayChangeCases else {
            throw PermissionError("an auditor can read cases but not change them")
        }
        let caseFile = try await store.apply(change, to: reference, by: officer.summary, at: time.now())
        logger.info(
            "case changed",
            metadata: [
                "case": "\(reference)", "change": "\(caseFile.events.last?.change.kind ?? "")",
                "officer": "\(officer.id)",
            ])
        return caseFile
    }
}

extension Officer {
    /// The officer as shown on a case.
    public var summary: OfficerSummary { OfficerSummary(id: id, name: name, email: email) }
}
