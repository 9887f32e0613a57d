import Foundation

/// Which cases a query may return, by clear index columns only. The core works it out from the
/// viewer (`CaseViewer.accessFilter`); a store applies it exactly as `allows` says, and the
/// conformance suite checks that every store agrees with `allows`.
public enum AccessFilter: Sendable, Hashable {
    /// Every case: Trust Center itself.
    case everything
    /// The cases whose access rows hold `key` as a member, and, with `alsoUnrestricted`, every
    /// case that is not restricted; never a case whose access rows hold `key` as excluded.
    case person(key: Data, alsoUnrestricted: Bool)

    public func allows(restricted: Bool, access: [AccessRecord]) -> Bool {
        switch self {
        case .everything:
            return true
        case .person(let key, let alsoUnrestricted):
            if access.contains(where: { $0.personKey == key && $0.excluded }) { return false }
            return (alsoUnrestricted && !restricted) || access.contains { $0.personKey == key && !$0.excluded }
        }
    }
}
