import Foundation

/// What the sealed values of one case are bound to: its reference for a case stored before
/// identifiers were reserved ahead of the write, its id for every newer case.
public struct CaseSealOwner: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ record: CaseRecord) {
        switch record.binding {
        case .id: description = "case-\(record.id)"
        case .reference: description = record.reference?.description ?? "case-\(record.id)"
        }
    }
}

/// Where each sealed value of a case belongs. The core seals and opens with these; a store
/// only keeps the blobs. A history row's value is bound to its row id and its clear columns, so
/// that neither can be swapped or edited without the value failing to open.
extension SealContext {
    static func report(of owner: CaseSealOwner) -> SealContext { SealContext("report", of: owner) }
    static func reporter(of owner: CaseSealOwner) -> SealContext { SealContext("reporter", of: owner) }
    static func routing(of owner: CaseSealOwner) -> SealContext { SealContext("routing", of: owner) }
    static func handling(of owner: CaseSealOwner) -> SealContext { SealContext("handling", of: owner) }

    /// An action's sealed text is bound to its row's clear columns: editing its times or marking it
    /// done in the file makes it unreadable.
    static func action(of owner: CaseSealOwner, row: Int64, created: Date, dueDate: LocalDate, done: Date?)
        -> SealContext
    {
        SealContext(
            "action", of: owner,
            details: [
                "row=\(row)", "created=\(seconds(created))", "due=\(dueDate)", "done=\(done.map(seconds) ?? "-")",
            ])
    }

    static func notice(of owner: CaseSealOwner, row: Int64) -> SealContext {
        SealContext("notice", of: owner, details: ["row=\(row)"])
    }

    static func notification(of owner: CaseSealOwner, row: Int64, at: Date, officer: Int64) -> SealContext {
        SealContext("notification", of: owner, details: ["row=\(row)", "at=\(seconds(at))", "officer=\(officer)"])
    }

    static func note(of owner: CaseSealOwner, row: Int64, at: Date, officer: Int64) -> SealContext {
        SealContext("note", of: owner, details: ["row=\(row)", "at=\(seconds(at))", "officer=\(officer)"])
    }

    static func message(
        of owner: CaseSealOwner, row: Int64, at: Date, direction: CaseMessage.Direction, officer: Int64?
    ) -> SealContext {
        SealContext(
            "message", of: owner,
            details: [
                "row=\(row)", "at=\(seconds(at))", "direction=\(direction.rawValue)",
                "officer=\(officer.map(String.init) ?? "-")",
            ])
    }

    static func event(of owner: CaseSealOwner, row: Int64, at: Date, actor: ActorRecord) -> SealContext {
        SealContext(
            "event", of: owner,
            details: [
                "row=\(row)", "at=\(seconds(at))", "actor=\(actor.name)",
                "officer=\(actor.officerID.map(String.init) ?? "-")",
            ])
    }

    /// Whole seconds since 1970, as stores keep times.
    private static func seconds(_ date: Date) -> String {
        String(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
