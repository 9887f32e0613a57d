import Foundation

/// A TCP connection to 127.0.0.1 that sends exactly the bytes it is given, for requests no HTTP
/// client would send: trickled, cut short, or badly framed. Every read waits a bounded time.
final class RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw EndToEndError.badAnswer("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw EndToEndError.badAnswer("connect: \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            == bytes.count
    }

    /// Closes the sending side, as a client that has sent everything it will.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// What arrives within `timeout` seconds, until the server closes or `timeout` passes; nil
    /// when nothing arrived and the connection is still open.
    func receive(timeout: TimeInterval) -> (text: String, closed: Bool)? {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let waited = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            guard waited > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer.prefix(count)
        }
        return received.isEmpty ? nil : (String(decoding: received, as: UTF8.self), false)
    }

    /// The status code of the first response within `timeout` seconds.
    func status(timeout: TimeInterval = 10) -> Int? {
        guard let text = receive(timeout: timeout)?.text, text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }
}
