import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// How long a connection may take over each part of a request, and how many may be open.
struct ConnectionLimits: Sendable, Equatable {
    /// From the first byte of a request to the end of its head (request line and headers).
    var headerTimeout: TimeAmount = .seconds(10)
    /// From the end of the head to the end of the body.
    var bodyTimeout: TimeAmount = .seconds(60)
    /// With no request in progress: from the connection's start, or the end of the last response,
    /// to the first byte of the next request.
    var idleTimeout: TimeAmount = .seconds(60)
    /// How long a client may leave an answer untaken (the socket's send buffer full).
    var sendTimeout: TimeAmount = .seconds(60)
    /// Open connections at most; past it, new ones wait in the listen backlog until one closes.
    var maxConnections = 1_000
    /// On SIGTERM, how long requests in flight may take before they are cut off.
    var shutdownGrace: Duration = .seconds(10)
}

/// Hummingbird's HTTP/1 channel, guarded: a client that trickles its request, or holds a
/// connection open and sends nothing, is cut off at the configured time instead of holding a file
/// descriptor and memory for good (`ByteWatch`, `PartWatch`); and an HTTP/1.1 request without
/// Host is answered 400 before it reaches a route (`HostCheck`).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionLimits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let deadlines = ConnectionDeadlines(limits: limits, logger: logger)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ByteWatch(deadlines), position: .first)
        }.flatMap {
            HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [PartWatch(deadlines)]))
                .setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            // Where the request head still carries its HTTP version.
            let codec = try channel.pipeline.syncOperations.handler(type: HTTP1ToHTTPServerCodec.self)
            try channel.pipeline.syncOperations.addHandler(HostCheck(), position: .before(codec))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the slow-client guard.
    static func guardedHTTP1(_ limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits) }
    }
}

/// One connection's deadlines: which part of a request it is reading, how many answers are
/// still owed, and the one timer that closes it when the client takes too long over its part.
/// Touched only on the connection's event loop, by its two handlers (`@unchecked Sendable` for
/// Hummingbird's `@Sendable` handler factory, which runs there).
final class ConnectionDeadlines: @unchecked Sendable {
    enum Phase: String {
        /// No request in progress and no answer owed.
        case idle
        /// Bytes of a request have come, its head is not complete.
        case head
        /// The head is complete, the body is not.
        case body
        /// Every request has been read and trustd owes an answer: its own time is not limited.
        case answering
    }

    let limits: ConnectionLimits
    let logger: Logger
    /// What the client is sending now: nil, `.head` or `.body`.
    private var reading: Phase?
    /// Requests whose answer has not been written to its end.
    private var answersOwed = 0
    private var timer: Scheduled<Void>?
    /// Runs while the client does not take what trustd writes (the socket's buffer is full).
    private var stallTimer: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(limits: ConnectionLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    var phase: Phase { reading ?? (answersOwed > 0 ? .answering : .idle) }

    /// The byte watch joined an active connection: the idle clock starts.
    func attach(_ context: ChannelHandlerContext) {
        self.context = context
        rearm()
    }

    func detach() {
        timer?.cancel()
        timer = nil
        stallTimer?.cancel()
        stallTimer = nil
        context = nil
    }

    func bytesArrived() {
        guard reading == nil else { return }
        reading = .head
        rearm()
    }

    func headArrived() {
        reading = .body
        answersOwed += 1
        rearm()
    }

    func requestRead() {
        reading = nil
        rearm()
    }

    /// An answer was written to its end, perhaps before its request's body was all read (a 413, a
    /// 404): the body, or the next request, keeps its own timer.
    func responseEnded() {
        answersOwed = max(0, answersOwed - 1)
        rearm()
    }

    /// The socket's buffer filled (`writable` false) or drained. A client that reads nothing of
    /// an answer is cut off after the send timeout.
    func writabilityChanged(writable: Bool) {
        stallTimer?.cancel()
        stallTimer = nil
        guard !writable, let context else { return }
        stallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: limits.sendTimeout) { [weak self] in
            self?.expire(because: "taking the answer")
        }
    }

    private func rearm() {
        timer?.cancel()
        timer = nil
        let phase = phase
        let limit: TimeAmount? =
            switch phase {
            case .idle: limits.idleTimeout
            case .head: limits.headerTimeout
            case .body: limits.bodyTimeout
            case .answering: nil
            }
        guard let limit, let context else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { [weak self] in
            self?.expire(because: phase.rawValue)
        }
    }

    /// The client took too long: the connection closes. A client stuck in its head is told 408
    /// first (no answer is owed to it, so nothing else is being written); in its body, the route
    /// reading it fails.
    private func expire(because waiting: String) {
        guard let context else { return }
        logger.debug("closing a slow connection", metadata: ["waiting": "\(waiting)"])
        if phase == .head, answersOwed == 0 {
            let answer = "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
            context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: answer)), promise: nil)
        }
        context.close(promise: nil)
        detach()
    }
}

/// First in the pipeline: sees every byte a client sends, to start the header clock.
final class ByteWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let deadlines: ConnectionDeadlines

    init(_ deadlines: ConnectionDeadlines) { self.deadlines = deadlines }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadlines.attach(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadlines.attach(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadlines.bytesArrived()
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.detach()
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        deadlines.writabilityChanged(writable: context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func handlerRemoved(context: ChannelHandlerContext) { deadlines.detach() }
}

/// After the HTTP codec: sees where each request's head and end are, and where each response ends.
final class PartWatch: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart
    let deadlines: ConnectionDeadlines

    init(_ deadlines: ConnectionDeadlines) { self.deadlines = deadlines }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: deadlines.headArrived()
        case .body: break
        case .end: deadlines.requestRead()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { deadlines.responseEnded() }
        context.write(data, promise: promise)
    }
}

/// RFC 9112 §3.2: a server answers 400 to an HTTP/1.1 request without Host. HTTP/1.0 requests,
/// which need none (some health checkers send them), pass. The refused request never reaches a
/// route, and the connection closes after the answer.
final class HostCheck: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart
    private var refusing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if case .head(let head) = part, (head.version.major, head.version.minor) >= (1, 1),
            !head.headers.contains(name: "host")
        {
            refusing = true
            let body = "{\"error\":{\"message\":\"an HTTP/1.1 request needs a Host header\"}}"
            var headers = HTTPHeaders([("content-type", "application/json; charset=utf-8"), ("connection", "close")])
            headers.add(name: "content-length", value: String(body.utf8.count))
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))),
                promise: nil)
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            context.close(promise: nil)
            return
        }
        guard !refusing else { return }
        context.fireChannelRead(data)
    }
}
