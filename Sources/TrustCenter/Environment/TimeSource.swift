import Foundation

/// Where the core learns the time. The core never reads the wall clock itself, so tests can
/// set it. (Named apart from Swift's `Clock`; in Trust Center a "clock" is a legal deadline.)
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The system's wall clock.
public struct SystemTimeSource: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}
