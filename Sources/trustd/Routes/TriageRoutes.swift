import Foundation
import Hummingbird
import TrustCenter
import TrustCenterAPI

/// The admin API's triage routes: breach assessment and decision, the account of what happened,
/// the rights and whistleblowing workflows, corrective actions, closing, the breach register and
/// the regulator drafts.
extension AdminRoutes {
    func registerTriage(on group: RouterGroup<TrustRequestContext>) {
        group.post("cases/:reference/assessment") { request, context in
            // The body is the facts object itself, checked key by key.
            let body = try BodyReader.text(try await BodyReader.collect(request, limit: maxBodyBytes))
            let facts = try BreachFacts.parse(Data(body.utf8))
            return try Response.json(
                try await desk.assess(reference(context), facts: facts, by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/decision") { request, context in
            let body = try await decode(DecisionRequest.self, request)
            let authority = try YesNo.parse(body.authority, field: "authority")
            let subjects = try SubjectsDecision.parse(body.subjects, field: "subjects")
            return try Response.json(
                try await desk.decide(
                    reference(context), notifyAuthority: authority == .yes, subjects: subjects, reason: body.reason,
                    by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/subjects-told") { request, context in
            let body = try await decode(SubjectsToldRequest.self, request)
            let reference = try reference(context)
            let officer = try context.authenticatedOfficer()
            let zone = try await timeZone(of: reference, for: officer)
            let at = try body.at.map { text throws(InputError) in try ISOTime.parse(text, field: "at", timeZone: zone) }
            return try Response.json(
                try await desk.tellSubjects(reference, at: at, how: body.how ?? "", by: officer), status: .created)
        }
        group.patch("cases/:reference/account") { request, context in
            let body = try await decode(AccountRequest.self, request)
            let reference = try reference(context)
            let officer = try context.authenticatedOfficer()
            let zone = try await timeZone(of: reference, for: officer)
            let account = IncidentAccount(
                whatHappened: body.whatHappened, cause: body.cause, consequences: body.consequences,
                immediateMeasures: body.immediateMeasures, measuresBefore: body.measuresBefore,
                subjectGroups: body.subjectGroups,
                occurredFrom: try body.occurredFrom.map { text throws(InputError) in
                    try ISOTime.parse(text, field: "occurredFrom", timeZone: zone)
                },
                occurredUntil: try body.occurredUntil.map { text throws(InputError) in
                    try ISOTime.parse(text, field: "occurredUntil", timeZone: zone)
                })
            return try Response.json(try await desk.describe(reference, account, by: officer))
        }
        group.post("cases/:reference/identity/request") { request, context in
            let body = try await decode(NoteRequest.self, request)
            return try Response.json(
                try await desk.requestIdentity(
                    reference(context), request: body.text, by: context.authenticatedOfficer())
            )
        }
        group.post("cases/:reference/identity/verified") { request, context in
            _ = try await decode(EmptyRequest.self, request)
            return try Response.json(
                try await desk.verifyIdentity(reference(context), by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/identity/reveal") { request, context in
            _ = try await decode(EmptyRequest.self, request)
            return try Response.json(
                try await desk.revealIdentity(reference(context), by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/answer") { request, context in
            let body = try await decode(AnswerRequest.self, request)
            let outcome = try RightsOutcome.parse(body.outcome, field: "outcome")
            return try Response.json(
                try await desk.answer(
                    reference(context), outcome: outcome, reason: body.reason, by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/feedback") { request, context in
            let body = try await decode(NoteRequest.self, request)
            return try Response.json(
                try await desk.giveFeedback(reference(context), text: body.text, by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/actions") { request, context in
            let body = try await decode(ActionRequest.self, request)
            guard let dueText = body.due, let due = LocalDate(dueText.trimmingCharacters(in: .whitespaces)) else {
                throw InputError(field: "due", message: "due must be a date like 2026-12-31")
            }
            return try Response.json(
                try await desk.addAction(
                    reference(context), what: body.what ?? "", ownerEmail: body.owner ?? "", due: due,
                    by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("actions/:id/done") { request, context in
            let body = try await decode(ActionDoneRequest.self, request)
            guard let id = context.parameters.get("id").flatMap(Int64.init) else {
                throw InputError(field: "id", message: "an action id is a whole number, as trustctl actions shows it")
            }
            return try Response.json(
                try await desk.completeAction(id, note: body.note, by: context.authenticatedOfficer()))
        }
        group.get("actions") { request, context in
            let query = try ActionListQuery.parse(request.uri.queryParameters)
            return try Response.json(
                try await desk.actions(
                    overdueOnly: query.overdueOnly, limit: query.limit, for: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/close") { request, context in
            let body = try await decode(CloseRequest.self, request)
            return try Response.json(
                try await desk.close(reference(context), outcome: body.outcome, by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/reopen") { request, context in
            let body = try await decode(ReasonRequest.self, request)
            return try Response.json(
                try await desk.reopen(reference(context), reason: body.reason, by: context.authenticatedOfficer()))
        }
        group.get("register") { request, context in
            let query = try RegisterListQuery.parse(request.uri.queryParameters)
            return try Response.json(
                try await desk.register(
                    from: try query.from.map { text throws(InputError) in try RegisterPeriod.start(text, field: "from")
                    },
                    until: try query.to.map { text throws(InputError) in try RegisterPeriod.end(text, field: "to") },
                    for: context.authenticatedOfficer()))
        }
        group.get("cases/:reference/draft") { request, context in
            let query = try DraftQuery.parse(request.uri.queryParameters)
            return try Response.json(
                try await desk.draft(reference(context), stage: query.stage, for: context.authenticatedOfficer()))
        }
    }
}

/// A yes or a no, as typed.
enum YesNo: String, CaseIterable, ParsableValue {
    case yes, no
    static var valueKind: String { "authority decision" }
}

/// The register's period: a date (a whole UTC day, the end inclusive) or an ISO 8601 time.
enum RegisterPeriod {
    static func start(_ text: String, field: String) throws(InputError) -> Date {
        if let day = LocalDate(text) { return day.instant(hour: 0, minute: 0, second: 0, in: .gmt) }
        return try ISOTime.parse(text, field: field, timeZone: .gmt)
    }

    static func end(_ text: String, field: String) throws(InputError) -> Date {
        if let day = LocalDate(text) { return day.adding(days: 1).instant(hour: 0, minute: 0, second: 0, in: .gmt) }
        return try ISOTime.parse(text, field: field, timeZone: .gmt)
    }
}
