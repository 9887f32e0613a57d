import Hummingbird
import TrustCenter

/// The routes anyone can reach: the report form, report submission and the health check.
/// No cookie is set and nothing about the sender is read or stored.
struct PublicRoutes {
    let intake: ReportIntake
    let store: any CaseStore
    let entities: [Entity]
    let maxBodyBytes: Int

    func register(on router: Router<TrustRequestContext>) {
        router.get("/") { _, _ in
            Response.html(Pages.reportForm(entities: entities))
        }
        router.get("/assets/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.stylesheet)))
        }
        router.post("/reports") { request, _ in
            try await submit(request)
        }
        router.get("/healthz") { _, _ in
            try await store.ping()
            return try Response.json(["status": "ok"])
        }
    }

    func submit(_ request: Request) async throws -> Response {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        let body = try await BodyReader.collect(request, limit: maxBodyBytes)
        if contentType.hasPrefix("application/json") {
            let report = try BodyReader.json(ReportRequest.self, from: body)
            return try Response.json(try await intake.submit(report.submission), status: .created)
        }
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw APIError(
                status: .unsupportedMediaType,
                message: "send the report as application/json or application/x-www-form-urlencoded")
        }
        let form = try BodyReader.form(ReportForm.self, from: body)
        do {
            let receipt = try await intake.submit(try form.submission)
            return Response.html(Pages.receipt(receipt))
        } catch let error as InputError {
            // The form again, with the answers kept and the problem named at the top.
            return Response.html(Pages.reportForm(entities: entities, form: form, error: error), status: .badRequest)
        }
    }
}
