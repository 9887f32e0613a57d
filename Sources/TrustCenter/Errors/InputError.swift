/// Input that cannot be accepted. The message says what is wrong in words a user can act on,
/// and never repeats report content; `field` names the input when there is one.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }
}
