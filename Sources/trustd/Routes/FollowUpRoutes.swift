import Hummingbird
import Logging
import TrustCenter

/// The reporter's follow-up: enter the key, read the status and the messages, reply. The key is
/// sent in a form body, never in a URL; after it, a signed session token good for 30 minutes
/// stands in for it. Each session token is spent by the message it sends or by ending the
/// session, and a spent one opens nothing. Wrong keys are slowed down per client by the
/// attempt limiter.
struct FollowUpRoutes {
    let runtime: TrustCenterRuntime
    let logger: Logger

    var catalogue: Catalogue { runtime.form.catalogue }

    func register(on router: Router<TrustRequestContext>) {
        router.get(":lang/follow-up") { _, context in
            let language = try ReportFormRoutes.language(context)
            return Response.html(Pages.followUpKey(catalogue: catalogue, language: language, token: openToken()))
        }
        router.post(":lang/follow-up") { request, context in
            try await open(request, language: ReportFormRoutes.language(context), client: context.clientAddress)
        }
        router.post(":lang/follow-up/reply") { request, context in
            try await reply(request, language: ReportFormRoutes.language(context))
        }
        router.post(":lang/follow-up/end") { request, context in
            try await end(request, language: ReportFormRoutes.language(context))
        }
    }

    func openToken() -> String { runtime.pageTokens.issue(purpose: "follow-up:open", at: runtime.time.now()) }

    func session(for reference: CaseReference) -> String {
        runtime.pageTokens.issue(purpose: "follow-up:session", subject: reference.description, at: runtime.time.now())
    }

    func keyPage(_ language: Language, notice: String, status: HTTPResponse.Status, draft: String = "") -> Response {
        Response.html(
            Pages.followUpKey(
                catalogue: catalogue, language: language, token: openToken(), notice: notice, draft: draft),
            status: status)
    }

    func open(_ request: Request, language: Language, client: String) async throws -> Response {
        let fields = try FormFields(
            body: try await BodyReader.collect(request, limit: runtime.configuration.maxBodyBytes))
        let draft = fields.value("draft") ?? ""
        guard
            let verified = runtime.pageTokens.verify(
                fields.value("token") ?? "", purpose: "follow-up:open", at: runtime.time.now(),
                maxAge: TrustCenterRuntime.formTokenLifetime),
            await runtime.tokenLedger.use(verified.nonce, issuedAt: verified.issuedAt)
        else {
            return keyPage(
                language, notice: catalogue.text("error.formToken", language), status: .badRequest, draft: draft)
        }
        // Counted before the lookup; past the limit the answer comes only after a pause.
        if await runtime.limiter.admit(client) {
            try await Task.sleep(for: runtime.limiter.penalty)
        }
        guard let reference = try await runtime.followUp.reference(forKey: fields.value("key") ?? "") else {
            // One answer for every wrong key, malformed or not.
            return keyPage(
                language, notice: catalogue.text("ui.followUp.wrongKey", language), status: .ok, draft: draft)
        }
        await runtime.limiter.succeeded(client)
        let view = try await runtime.followUp.view(reference)
        return Response.html(
            Pages.followUpDialogue(
                view, catalogue: catalogue, language: language, session: session(for: reference), draft: draft))
    }

    /// A session token that is signed, unexpired and not yet spent, with its case.
    private enum Session {
        case open(CaseReference, nonce: String)
        case expired
        case spent
    }

    private func session(_ fields: FormFields) async -> Session {
        guard
            let verified = runtime.pageTokens.verify(
                fields.value("session") ?? "", purpose: "follow-up:session", at: runtime.time.now(),
                maxAge: TrustCenterRuntime.followUpLifetime),
            let reference = try? CaseReference(parsing: verified.subject)
        else { return .expired }
        // Spent tokens are remembered in memory only: one from before this start may have been.
        guard verified.issuedAt >= runtime.startedAt else { return .spent }
        // Spending is checked and done at once, so two sends of one page cannot both pass.
        guard await runtime.tokenLedger.use(verified.nonce, issuedAt: verified.issuedAt) else { return .spent }
        return .open(reference, nonce: verified.nonce)
    }

    func reply(_ request: Request, language: Language) async throws -> Response {
        let fields = try FormFields(
            body: try await BodyReader.collect(request, limit: runtime.configuration.maxBodyBytes))
        let draft = fields.value("reply") ?? ""
        let reference: CaseReference
        switch await session(fields) {
        case .open(let opened, _): reference = opened
        case .expired:
            // The text typed so far goes along, and comes back once the key is entered again.
            return keyPage(
                language, notice: catalogue.text("ui.followUp.expired", language), status: .badRequest, draft: draft)
        case .spent:
            // A resent page, or one from before the session ended: it shows nothing of the case.
            return keyPage(
                language, notice: catalogue.text("ui.followUp.spent", language), status: .conflict, draft: draft)
        }
        do {
            let view = try await runtime.followUp.reply(reference, text: draft)
            return Response.html(
                Pages.followUpDialogue(
                    view, catalogue: catalogue, language: language, session: session(for: reference), sent: true))
        } catch let rejected as SubmissionProblems {
            let problem = rejected.problems.first ?? FieldProblem(question: "reply", key: "error.required")
            return try await dialogue(
                reference, language: language, error: catalogue.text(problem.key, language, problem.values),
                draft: draft, status: .badRequest)
        } catch let unavailable as StoreUnavailable {
            // Not sent: the dialogue comes back with the text, to send again later.
            runtime.outages.refused(unavailable, logger: logger)
            var response = try await dialogue(
                reference, language: language, error: catalogue.text("error.unavailable", language), draft: draft,
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "60"
            return response
        }
    }

    private func dialogue(
        _ reference: CaseReference, language: Language, error: String, draft: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let view = try await runtime.followUp.view(reference)
        return Response.html(
            Pages.followUpDialogue(
                view, catalogue: catalogue, language: language, session: session(for: reference), error: error,
                draft: draft),
            status: status)
    }

    /// Ends the session: its token is spent, and the key page comes back.
    func end(_ request: Request, language: Language) async throws -> Response {
        let fields = try FormFields(
            body: try await BodyReader.collect(request, limit: runtime.configuration.maxBodyBytes))
        _ = await session(fields)
        return keyPage(language, notice: catalogue.text("ui.followUp.ended", language), status: .ok)
    }
}
