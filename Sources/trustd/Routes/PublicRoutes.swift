import Hummingbird
import Logging
import TrustCenter

/// The public API and assets: report submission as JSON, the stylesheet and the health check.
/// No cookie is set and nothing about the sender is stored.
struct PublicRoutes {
    let runtime: TrustCenterRuntime
    let logger: Logger

    func register(on router: Router<TrustRequestContext>) {
        router.get("/assets/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.stylesheet)))
        }
        router.post("/reports") { request, _ in
            try await submit(request)
        }
        router.get("/healthz") { _, _ in
            do {
                try await runtime.store.ping()
            } catch let unavailable as StoreUnavailable {
                // Up, but not taking reports: a load balancer should send them elsewhere.
                return try Response.json(
                    ["status": "unavailable", "store": "cannot write: \(unavailable.reason)"],
                    status: .serviceUnavailable)
            }
            return try Response.json(["status": "ok"])
        }
    }

    func submit(_ request: Request) async throws -> Response {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType.hasPrefix("application/json") else {
            throw APIError(
                status: .unsupportedMediaType,
                message: "send the report as application/json; people use the guided form at /")
        }
        let body = try await BodyReader.collect(request, limit: runtime.configuration.maxBodyBytes)
        let report = try BodyReader.json(ReportRequest.self, from: body)
        let submission = try report.submission()
        do {
            return try Response.json(try await runtime.intake.submit(submission), status: .created)
        } catch let unavailable as StoreUnavailable {
            // Said in the report's language, or the one the client asks for.
            runtime.outages.refused(unavailable, logger: logger)
            let language = submission.language ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            throw APIError.unavailable(runtime.form.catalogue.text("error.unavailable", language))
        } catch let rejected as SubmissionProblems {
            // The first problem, in English, naming the question.
            let problem = rejected.problems.first ?? FieldProblem(question: "answers", key: "error.required")
            let field =
                ["entity", "name", "email", "phone", "identity"].contains(problem.question)
                ? (problem.question == "entity" ? "entity" : "reporter.\(problem.question)")
                : "answers.\(problem.question)"
            throw APIError.badRequest(runtime.form.catalogue.text(problem.key, .en, problem.values), field: field)
        }
    }
}
