/// Where the core gets random bytes: follow-up keys, tokens, encryption nonces. Handed in so
/// that tests can make them repeatable.
public protocol RandomSource: Sendable {
    func bytes(count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure generator (`getrandom(2)` on Linux, through
/// `SystemRandomNumberGenerator`).
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
