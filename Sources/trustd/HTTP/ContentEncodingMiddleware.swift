import Hummingbird

/// trustd reads request bodies as they are sent: a compressed body (`Content-Encoding: gzip`)
/// would be read as garbage, so any coding but `identity` is refused with 415 before a route
/// reads it.
struct ContentEncodingMiddleware: RouterMiddleware {
    typealias Context = TrustRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let codings = request.headers[values: .contentEncoding]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let coding = codings.first(where: { $0 != "identity" }) {
            throw APIError(
                status: .unsupportedMediaType,
                message: "Content-Encoding '\(coding.prefix(40))' is not supported: send the body uncompressed",
                headers: [.acceptEncoding: "identity"])
        }
        return try await next(request, context)
    }
}
