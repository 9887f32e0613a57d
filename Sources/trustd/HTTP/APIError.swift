import Foundation
import Hummingbird
import Logging
import TrustCenter

/// An error answered as `{"error": {"message": …, "field": …}}` with its status.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var field: String?
    var headers: HTTPFields = [:]

    static let unauthorized = APIError(
        status: .unauthorized, message: "authentication required: send Authorization: Bearer <officer token>",
        headers: [.wwwAuthenticate: "Bearer realm=\"trustd\""])

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "request body is larger than the limit of \(limit) bytes")
    }

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(status: .badRequest, message: message, field: field)
    }

    /// 503 while the store cannot write; the client may send the same request again later.
    static func unavailable(_ message: String) -> APIError {
        APIError(status: .serviceUnavailable, message: message, headers: [.retryAfter: "60"])
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONCoding.encoder.encode(ErrorBody(error: .init(message: message, field: field)))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension APIError {
    /// The answer for any error a route throws. Core errors carry messages meant for users and
    /// never report content; anything unexpected becomes a 500 whose details go only to the log.
    init(_ error: any Error, logger: Logger, outages: StoreOutageLog) {
        switch error {
        case let error as APIError:
            self = error
        case let error as InputError:
            self = .badRequest(error.message, field: error.field)
        case let error as NotFoundError:
            self.init(status: .notFound, message: error.message)
        case let error as PermissionError:
            self.init(status: .forbidden, message: error.message)
        case let error as DecodingError:
            let (message, field) = BodyReader.describe(error)
            self = .badRequest(message, field: field)
        case let error as HTTPError:
            self.init(status: error.status, message: error.body ?? error.status.reasonPhrase)
        case is StoreConflict:
            // The case kept changing under this request, a few times over; nothing was kept.
            self.init(status: .conflict, message: "the case changed meanwhile; nothing was changed. Try again")
        case let error as StoreUnavailable:
            outages.refused(error, logger: logger)
            self = .unavailable("trustd cannot store anything right now; nothing was changed. Try again later")
        case is CancellationError:
            // trustd is stopping and its grace period ran out while this request was in flight.
            logger.notice("a request still in progress was cut off at shutdown")
            self = .unavailable("trustd is stopping; try again shortly")
        default:
            // SQLite, sealing and I/O errors name the operation and the library's reason, never
            // stored values, so they are safe to log.
            logger.error("request failed", metadata: ["error": "\(error)", "type": "\(type(of: error))"])
            self.init(status: .internalServerError, message: "internal error; the trustd log has the details")
        }
    }
}

/// The JSON shape of every error answer.
private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var message: String
        var field: String?
    }
    var error: Detail
}
