import Foundation
import Hummingbird
import TrustCenter
import TrustCenterAPI

/// The admin API under /api/v1, for trustctl and scripts. Every route needs an officer's token.
struct AdminRoutes {
    let desk: CaseDesk
    let dispatcher: NoticeDispatcher?
    let maxBodyBytes: Int

    func register(on group: RouterGroup<TrustRequestContext>) {
        registerTriage(on: group)
        group.get("me") { _, context in
            try Response.json(try context.authenticatedOfficer())
        }
        group.get("cases") { request, context in
            let query = try CaseListQuery.parse(request.uri.queryParameters)
            return try Response.json(try await desk.cases(query, for: context.authenticatedOfficer()))
        }
        group.get("cases/:reference") { _, context in
            try Response.json(try await desk.caseFile(reference(context), for: context.authenticatedOfficer()))
        }
        group.put("cases/:reference/category") { request, context in
            let change = try await decode(CategoryChange.self, request)
            let category = try Category.parse(change.category, field: "category", among: Category.assignable)
            return try Response.json(
                try await desk.classify(
                    reference(context), as: category, reason: change.reason, by: context.authenticatedOfficer()))
        }
        group.put("cases/:reference/assignee") { request, context in
            let change = try await decode(AssigneeChange.self, request)
            return try Response.json(
                try await desk.assign(
                    reference(context), to: change.officer, reason: change.reason, by: context.authenticatedOfficer()))
        }
        group.put("cases/:reference/awareness") { request, context in
            let change = try await decode(AwarenessChange.self, request)
            let reference = try reference(context)
            let officer = try context.authenticatedOfficer()
            let zone = try await timeZone(of: reference, for: officer)
            let at = try ISOTime.parse(change.at, field: "at", timeZone: zone)
            return try Response.json(try await desk.setAwareness(reference, at: at, reason: change.reason, by: officer))
        }
        group.post("cases/:reference/extension") { request, context in
            let change = try await decode(ReasonRequest.self, request)
            return try Response.json(
                try await desk.extend(reference(context), reason: change.reason, by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/acknowledgement") { request, context in
            let message = try await decode(OptionalTextRequest.self, request)
            return try Response.json(
                try await desk.acknowledge(reference(context), text: message.text, by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/pause") { request, context in
            let change = try await decode(ReasonRequest.self, request)
            return try Response.json(
                try await desk.pause(reference(context), reason: change.reason, by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/resume") { request, context in
            _ = try await decode(EmptyRequest.self, request)
            return try Response.json(try await desk.resume(reference(context), by: context.authenticatedOfficer()))
        }
        group.post("cases/:reference/notifications") { request, context in
            let change = try await decode(NotificationRequest.self, request)
            let reference = try reference(context)
            let officer = try context.authenticatedOfficer()
            let stage = try NotificationStage.parse(change.stage, field: "stage")
            let zone = try await timeZone(of: reference, for: officer)
            let at = try change.at.map { text throws(InputError) in try ISOTime.parse(text, field: "at", timeZone: zone)
            }
            return try Response.json(
                try await desk.notifyAuthority(
                    reference, stage: stage, at: at, authority: change.authority,
                    authorityReference: change.reference, lateReason: change.lateReason, by: officer),
                status: .created)
        }
        group.post("notices/:id/retry") { request, context in
            _ = try await decode(EmptyRequest.self, request)
            guard let id = context.parameters.get("id").flatMap(Int64.init) else {
                throw InputError(field: "id", message: "a notice id is a whole number, as trustctl notices shows it")
            }
            return try Response.json(try await desk.retryNotice(id, by: context.authenticatedOfficer()))
        }
        group.post("mail/test") { request, context in
            let body = try await decode(MailTestRequest.self, request)
            let officer = try context.authenticatedOfficer()
            guard officer.role == .privacyOfficer else {
                throw PermissionError("only a privacy officer can send test mail through the relay")
            }
            guard let dispatcher else {
                throw APIError(
                    status: .serviceUnavailable,
                    message: "no mail relay is configured (see mail in docs/configuration.md)")
            }
            let result: Result<String, MailError>
            do throws(MailError) {
                result = .success(try await dispatcher.sendTest(to: body.address, language: .en))
            } catch {
                result = .failure(error)
            }
            switch result {
            case .success(let reply):
                return try Response.json(MailTestAnswer(sent: true, reply: reply))
            case .failure(.badAddress(let address)):
                throw InputError(
                    field: "address", message: "\(PlainText.quoted(address, limit: 80)) is not a plain email address")
            case .failure(let error):
                throw APIError(status: .badGateway, message: "the relay did not take the message: \(error.description)")
            }
        }
        group.get("deadlines") { request, context in
            let query = try DeadlineListQuery.parse(request.uri.queryParameters)
            return try Response.json(
                try await desk.deadlines(
                    overdueOnly: query.overdueOnly, limit: query.limit, offset: query.offset,
                    for: context.authenticatedOfficer()))
        }
        group.get("notices") { request, context in
            let parsed = try NoticeListQuery.parse(request.uri.queryParameters)
            return try Response.json(
                try await desk.notices(
                    delivery: parsed.delivery, limit: parsed.limit, for: context.authenticatedOfficer()))
        }
        group.put("cases/:reference/status") { request, context in
            let change = try await decode(StatusChange.self, request)
            let status = try CaseStatus.parse(change.status, field: "status", among: CaseStatus.settable)
            return try Response.json(
                try await desk.setStatus(reference(context), to: status, by: context.authenticatedOfficer()))
        }
        // Any other path under /api/v1: behind the authenticator like the rest, so that without a
        // token nothing is learned about which routes exist.
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            group.on("**", method: method) { _, _ -> Response in
                throw APIError(status: .notFound, message: "no such route in the admin API; see docs/api.md")
            }
        }
        group.get("cases/:reference/messages") { _, context in
            try Response.json(try await desk.caseFile(reference(context), for: context.authenticatedOfficer()).messages)
        }
        group.post("cases/:reference/messages") { request, context in
            let message = try await decode(NoteRequest.self, request)
            return try Response.json(
                try await desk.reply(reference(context), text: message.text, by: context.authenticatedOfficer()),
                status: .created)
        }
        group.post("cases/:reference/notes") { request, context in
            let note = try await decode(NoteRequest.self, request)
            return try Response.json(
                try await desk.addNote(reference(context), text: note.text, by: context.authenticatedOfficer()),
                status: .created)
        }
    }

    /// The case's entity time zone, in which a time typed without an offset is read.
    func timeZone(of reference: CaseReference, for officer: Officer) async throws -> TimeZone {
        let summary = try await desk.caseSummary(reference, for: officer)
        return TimeZone(identifier: summary.timeZone) ?? .gmt
    }

    func reference(_ context: TrustRequestContext) throws -> CaseReference {
        try CaseReference(parsing: context.parameters.get("reference") ?? "")
    }

    func decode<T: JSONBody>(_ type: T.Type, _ request: Request) async throws -> T {
        try BodyReader.json(type, from: try await BodyReader.collect(request, limit: maxBodyBytes))
    }
}
