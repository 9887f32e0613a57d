/// Who reported: nobody we know, or a named person who chose to give contact details.
public enum Reporter: Codable, Sendable, Hashable {
    case anonymous
    case named(ReporterContact)
    /// A named reporter of a whistleblowing case, whose identity is shown only when an officer
    /// asks to reveal it (which is recorded).
    case withheld

    public var isAnonymous: Bool {
        if case .anonymous = self { return true }
        return false
    }
}

/// The contact details a named reporter gave. Always stored sealed.
public struct ReporterContact: Codable, Sendable, Hashable {
    public var name: String
    public var email: String?
    public var phone: String?

    public init(name: String, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}
