import Foundation

extension TimeSource {
    /// Now, to the minute. Whatever a reporter does is recorded only to the minute: a finer time
    /// could be matched with a network log to tell who it was.
    public func nowToTheMinute() -> Date {
        Date(timeIntervalSince1970: (now().timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}
