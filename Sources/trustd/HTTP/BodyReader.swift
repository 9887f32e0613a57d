import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import TrustCenter
import TrustCenterAPI

/// Reading request bodies within the configured size, as checked UTF-8, and decoding them with
/// errors that name the field.
enum BodyReader {
    /// Collects the body; 413 when it is larger than `limit`, whether or not Content-Length said
    /// so, and 400 when it cannot be read: broken chunked framing (a bad, negative or overflowing
    /// size, no last chunk), an unknown transfer coding, fewer bytes than Content-Length, or a
    /// client that stopped sending (the body timeout). These are the client's doing, not trustd's.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.tooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        } catch let error as HTTPParserError {
            throw APIError.badRequest("the request body is not valid HTTP/1.1 (\(error))")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw APIError.badRequest("the request body ended before it was complete")
        }
    }

    /// The body as text; 400 when it is not valid UTF-8.
    static func text(_ buffer: ByteBuffer) throws -> String {
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIError.badRequest("request body is not valid UTF-8")
        }
        return text
    }

    /// Decodes JSON; 400 naming the field on any problem, including a field the body does not define.
    static func json<T: JSONBody>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let data = Data(try self.text(buffer).utf8)
        do {
            let keys = try JSONInput.decode(TopLevelKeys.self, from: data)
            if let unknown = keys.names.sorted().first(where: { !T.fields.contains($0) }) {
                throw APIError.badRequest(
                    "\(unknown) is not a known field; valid fields: \(T.fields.joined(separator: ", "))", field: unknown
                )
            }
            return try JSONInput.decode(type, from: data)
        } catch let error as DecodingError {
            let (message, field) = describe(error)
            throw APIError.badRequest(message, field: field)
        }
    }

    /// A message and field name for a decoding error, without the values that were sent.
    static func describe(_ error: DecodingError) -> (message: String, field: String?) {
        func path(_ keys: [any CodingKey]) -> String? {
            let names = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? nil : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key]) ?? key.stringValue
            return ("\(field) is required", field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return ("\(field ?? "value") must not be null", field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return ("\(field ?? "body") must be \(describe(type))", field)
        case .dataCorrupted(let context):
            guard let field = path(context.codingPath) else { return ("request body is not valid JSON", nil) }
            return ("\(field): \(context.debugDescription)", field)
        @unknown default:
            return ("request body cannot be read", nil)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
