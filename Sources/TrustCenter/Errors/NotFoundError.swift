/// Something asked for by name does not exist (or is not visible to the one asking).
public struct NotFoundError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public static func caseFile(_ reference: CaseReference) -> NotFoundError {
        NotFoundError("no case \(reference)")
    }

    public static func action(_ id: Int64) -> NotFoundError {
        NotFoundError("no open action \(id)")
    }

    public var description: String { message }
}
