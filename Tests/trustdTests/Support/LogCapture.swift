import Logging
import Synchronization

/// A log handler that keeps the messages it is given.
final class LogCapture: LogHandler, Sendable {
    private let captured = Mutex<[LogEvent]>([])
    var messages: [String] { captured.withLock { $0.map(\.message.description) } }
    /// Every line as text: the message, the metadata and the source.
    var lines: [String] {
        captured.withLock { events in
            events.map { "\($0.message) \($0.metadata ?? [:]) \($0.source)" }
        }
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) { captured.withLock { $0.append(event) } }
}
