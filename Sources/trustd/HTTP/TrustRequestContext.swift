import Hummingbird
import TrustCenter

/// The per-request context. It carries the authenticated officer on admin routes. The remote
/// address is kept for the request's lifetime only, for the follow-up page's attempt limiter,
/// which keeps no more than a keyed hash of it in memory; it is never stored or logged.
struct TrustRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var officer: Officer?
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The officer of an authenticated route; the authenticator has already refused requests
    /// without one.
    func authenticatedOfficer() throws -> Officer {
        guard let officer else { throw APIError.unauthorized }
        return officer
    }
}
