import Hummingbird
import Logging
import TrustCenter

/// Turns errors thrown by routes into answers: JSON for the admin API and JSON clients, a plain
/// page for browsers. Nothing about the request body is repeated.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = TrustRequestContext
    let logger: Logger
    let catalogue: Catalogue
    let outages: StoreOutageLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError(error, logger: logger, outages: outages)
            if wantsJSON(request) {
                return try apiError.response(from: request, context: context)
            }
            // On the reporter's pages, a body too large to read, or a store that cannot write, is
            // said in their language.
            if let language = language(of: request),
                let key = [
                    HTTPResponse.Status.contentTooLarge: "error.tooLarge", .serviceUnavailable: "error.unavailable",
                ][
                    apiError.status]
            {
                var response = Response.html(
                    Pages.message(catalogue.text(key, language), language: language), status: apiError.status)
                response.headers.append(contentsOf: apiError.headers)
                return response
            }
            return Pages.error(status: apiError.status, message: apiError.message)
        }
    }

    private func language(of request: Request) -> Language? {
        request.uri.path.split(separator: "/").first.flatMap { Language(rawValue: String($0)) }
    }

    private func wantsJSON(_ request: Request) -> Bool {
        if request.uri.path.hasPrefix("/api/") { return true }
        let type = request.headers[.contentType] ?? ""
        let accept = request.headers[.accept] ?? ""
        return type.hasPrefix("application/json")
            || (accept.contains("application/json") && !accept.contains("text/html"))
    }
}
