import Hummingbird
import Logging
import TrustCenter

/// The guided report form: `/` sends a browser to its language, `/{lang}/` is the first step, and
/// every step posts to `/{lang}/report`. Each page carries a signed, single-use step token; no
/// cookie is ever set.
struct ReportFormRoutes {
    let runtime: TrustCenterRuntime
    let logger: Logger

    var form: FormDefinition { runtime.form }
    var entities: [Entity] { runtime.configuration.entities }

    func register(on router: Router<TrustRequestContext>) {
        router.get("/") { request, _ in
            let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            return Response(
                status: .seeOther, headers: [.location: "/\(language.rawValue)/", .vary: "Accept-Language"])
        }
        // "/sv" and "/sv/" are the same route.
        router.get(":lang") { _, context in
            let language = try Self.language(context)
            return Response.html(
                page(
                    language: language, state: WizardState(),
                    step: FormFlow(questionnaire: form.questionnaire, answers: AnswerSet()).first))
        }
        router.get(":lang/report") { _, context in
            Response(status: .seeOther, headers: [.location: "/\(try Self.language(context).rawValue)/"])
        }
        router.post(":lang/report") { request, context in
            try await step(request, language: Self.language(context))
        }
    }

    static func language(_ context: TrustRequestContext) throws -> Language {
        guard let text = context.parameters.get("lang"), let language = Language(rawValue: text) else {
            throw APIError(status: .notFound, message: "no such page")
        }
        return language
    }

    func page(
        language: Language, state: WizardState, step: String, problems: [FieldProblem] = [], notice: String? = nil
    ) -> String {
        WizardPage(
            form: form, entities: entities, language: language, state: state, step: step,
            token: runtime.pageTokens.issue(purpose: "report:\(step)", at: runtime.time.now()),
            problems: problems, notice: notice
        ).html
    }

    func step(_ request: Request, language: Language) async throws -> Response {
        let fields = try FormFields(
            body: try await BodyReader.collect(request, limit: runtime.configuration.maxBodyBytes))
        var state = WizardState(fields)
        let flow = FormFlow(questionnaire: form.questionnaire, answers: state.answers)
        let step = fields.value("step").flatMap { flow.steps.contains($0) ? $0 : nil } ?? flow.first
        let action = fields.value("action") ?? "next"

        // A step token is bound to its step and good for two hours.
        guard
            let verified = runtime.pageTokens.verify(
                fields.value("token") ?? "", purpose: "report:\(step)", at: runtime.time.now(),
                maxAge: TrustCenterRuntime.formTokenLifetime)
        else {
            return Response.html(
                page(
                    language: language, state: state, step: step,
                    notice: form.catalogue.text("error.formToken", language)),
                status: .badRequest)
        }
        if action == "send", step == FormFlow.reviewStep {
            return try await send(state, nonce: verified.nonce, language: language, flow: flow)
        }
        // Every other step uses its token once: a replayed step shows the page again, answers kept.
        // A review page whose report was filed shows its receipt instead, so that it cannot be
        // turned into a second report.
        guard await runtime.tokenLedger.use(verified.nonce, issuedAt: verified.issuedAt) else {
            if let receipt = await runtime.tokenLedger.receipt(for: verified.nonce) {
                return Response.html(Pages.receipt(receipt, catalogue: form.catalogue, language: language))
            }
            return Response.html(
                page(
                    language: language, state: state, step: step,
                    notice: form.catalogue.text("error.formToken", language)),
                status: .badRequest)
        }
        switch action {
        case "stay":
            return Response.html(page(language: language, state: state, step: step))
        case "back":
            return Response.html(page(language: language, state: state, step: flow.previous(before: step)))
        default:
            let problems = check(step, state: &state, flow: flow)
            guard problems.isEmpty else {
                return Response.html(
                    page(language: language, state: state, step: step, problems: problems), status: .badRequest)
            }
            // Answers may have changed which pages follow, so the flow is worked out again.
            let next = FormFlow(questionnaire: form.questionnaire, answers: state.answers).next(after: step)
            return Response.html(page(language: language, state: state, step: next))
        }
    }

    /// Files the report once per review page: a second send with the same token (a double click,
    /// a resent page) shows the same receipt again, so the key is never lost and nothing is filed
    /// twice. A send that fails can be sent again.
    func send(_ state: WizardState, nonce: String, language: Language, flow: FormFlow) async throws -> Response {
        var claim = await runtime.tokenLedger.claimSend(nonce)
        for _ in 0..<100 where claim == .inFlight {
            try await Task.sleep(for: .milliseconds(100))
            claim = await runtime.tokenLedger.claimSend(nonce)
        }
        switch claim {
        case .sent(let receipt):
            return Response.html(Pages.receipt(receipt, catalogue: form.catalogue, language: language))
        case .alreadySent, .inFlight:
            return Response.html(
                Pages.message(form.catalogue.text("error.alreadySent", language), language: language), status: .conflict
            )
        case .proceed:
            do {
                let receipt = try await runtime.intake.submit(
                    ReportSubmission(
                        entityID: state.entityID, answers: state.answers, contact: state.contact(form.questionnaire),
                        language: language))
                await runtime.tokenLedger.finishSend(nonce, receipt: receipt)
                return Response.html(Pages.receipt(receipt, catalogue: form.catalogue, language: language))
            } catch let rejected as SubmissionProblems {
                await runtime.tokenLedger.releaseSend(nonce)
                let first = rejected.problems.first?.question ?? ""
                let backTo = stepHolding(first, flow: flow)
                return Response.html(
                    page(
                        language: language, state: state, step: backTo,
                        problems: rejected.problems.filter { stepHolding($0.question, flow: flow) == backTo }),
                    status: .badRequest)
            } catch let unavailable as StoreUnavailable {
                // Nothing was filed: the review page comes back with every answer, to send again later.
                await runtime.tokenLedger.releaseSend(nonce)
                runtime.outages.refused(unavailable, logger: logger)
                var response = Response.html(
                    page(
                        language: language, state: state, step: FormFlow.reviewStep,
                        notice: form.catalogue.text("error.unavailable", language)),
                    status: .serviceUnavailable)
                response.headers[.retryAfter] = "60"
                return response
            } catch {
                await runtime.tokenLedger.releaseSend(nonce)
                throw error
            }
        }
    }

    /// Checks the answers of one step, normalising them in place.
    func check(_ step: String, state: inout WizardState, flow: FormFlow) -> [FieldProblem] {
        switch step {
        case FormFlow.identityStep:
            if !state.mustBeNamed(form.questionnaire), !["anonymous", "named"].contains(state.identity ?? "") {
                return [FieldProblem(question: "identity", key: "error.identity")]
            }
            let category = form.questionnaire.category(for: state.answers)
            if case .failure(let failure) = ReporterCheck.reporter(
                from: state.contact(form.questionnaire), category: category)
            {
                return failure.problems
            }
            return []
        case FormFlow.reviewStep:
            return []
        default:
            guard let page = form.questionnaire.pages.first(where: { $0.id == step }) else { return [] }
            var problems = form.questionnaire.check(page: page, answers: &state.answers)
            if let entity = entities.first(where: { $0.id == state.entityID }) ?? entities.first {
                problems += DateTimeCheck.futureProblems(
                    in: page.questions, answers: state.answers, now: runtime.time.now(), timeZone: entity.zone)
            }
            if step == flow.first, entities.count > 1, !entities.contains(where: { $0.id == state.entityID }) {
                problems.append(
                    FieldProblem(
                        question: "entity", key: state.entityID == nil ? "error.required" : "error.unknownOption"))
            }
            return problems
        }
    }

    /// The step on which a field is asked.
    func stepHolding(_ field: String, flow: FormFlow) -> String {
        if field == "entity" { return flow.first }
        if ReporterCheck.fieldKeys.contains(field) { return FormFlow.identityStep }
        return form.questionnaire.pages.first { $0.questions.contains { $0.id == field } }?.id ?? flow.first
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
