import Hummingbird
import TrustCenter

/// The per-request context. It carries the authenticated officer on admin routes, and nothing
/// about who sent a request: the remote address is never read.
struct TrustRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var officer: Officer?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The officer of an authenticated route; the authenticator has already refused requests
    /// without one.
    func authenticatedOfficer() throws -> Officer {
        guard let officer else { throw APIError.unauthorized }
        return officer
    }
}
