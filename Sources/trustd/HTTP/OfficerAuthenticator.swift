import Foundation
import Hummingbird
import TrustCenter

/// Lets a request through only with `Authorization: Bearer <token>` of an active officer. Every
/// refusal is the same 401, so nothing is learned about what exists.
struct OfficerAuthenticator: RouterMiddleware {
    typealias Context = TrustRequestContext
    let officers: OfficerRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else { throw APIError.unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let officer = try await officers.authenticate(token: parts[1].trimmingCharacters(in: .whitespaces))
        else { throw APIError.unauthorized }
        var context = context
        context.officer = officer
        return try await next(request, context)
    }
}
