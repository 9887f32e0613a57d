/// Who a case goes to, who may see it, and why. Kept sealed with the case: that a report
/// concerns the CEO is itself report content.
public struct Routing: Codable, Sendable, Hashable {
    /// The one accountable owner.
    public var owner: Contact
    /// Everyone who handles the case besides the owner (whistleblowing handlers).
    public var handlers: [Contact]
    /// The roles the report says it concerns. Their people never see the case or hear of it.
    public var concerns: [RecipientRole]
    /// The people excluded because of `concerns`, as configured when the case was routed.
    public var excluded: [Contact]
    /// Why the case went where it went, for the officers who see it.
    public var reason: String
    /// Only its members (and the alternate) may see or hear of it: a whistleblowing case, or one
    /// whose report concerns someone. Once restricted, always restricted.
    public var restricted: Bool

    public init(
        owner: Contact, handlers: [Contact], concerns: [RecipientRole], excluded: [Contact], reason: String,
        restricted: Bool
    ) {
        self.owner = owner
        self.handlers = handlers
        self.concerns = concerns
        self.excluded = excluded
        self.reason = reason
        self.restricted = restricted
    }

    /// Whether the person with this email is excluded from the case.
    public func excludes(_ email: String) -> Bool {
        let key = email.lowercased()
        return excluded.contains { $0.emailKey == key }
    }

    /// The owner and the handlers, each once: the people who may open the case.
    public var members: [Contact] {
        var seen = Set<String>()
        return ([owner] + handlers).filter { seen.insert($0.emailKey).inserted }
    }
}
