import HTTPTypes
import Hummingbird

/// Headers on every answer: nothing third-party may load, no page may be framed, no referrer
/// leaves, and nothing is cached (receipts carry the follow-up key).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = TrustRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    // Both names are valid tokens, so the initializer cannot fail.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .contentType
}
