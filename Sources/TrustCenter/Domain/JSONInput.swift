import Foundation

/// Decoding JSON that someone else wrote: a client's request body, a file an officer or an
/// operator names, a server's answer.
///
/// Foundation's JSON decoder traps (SIGILL, not an error) on a document that nests deeper than
/// its own limit of 512 exactly at the last byte, such as 513 `[` and nothing after: it builds the
/// error's source location one past the end of the buffer. One such request would stop trustd.
/// So every outside document is first scanned, in one pass and without building anything, and
/// refused with an `InputError` past `maximumDepth` levels, far below Foundation's limit; and the
/// decoder is handed the bytes with a trailing space, which is valid JSON and keeps any error
/// location inside the buffer.
public enum JSONInput {
    /// Deeper than any document Trust Center reads (a report or a configuration nests 4 levels).
    public static let maximumDepth = 64

    /// Refuses `data` when its arrays and objects nest deeper than `maximumDepth`. Brackets inside
    /// strings (and, for JSON5, inside comments) do not count. Malformed JSON passes, so that the
    /// decoder can say what is wrong with it.
    public static func checkNesting(_ data: Data, json5: Bool = false, maximumDepth: Int = maximumDepth)
        throws(InputError)
    {
        var scanner = NestingScanner(json5: json5)
        for byte in data where scanner.read(byte) > maximumDepth {
            throw InputError(
                field: nil, message: "the JSON nests arrays and objects deeper than \(maximumDepth) levels")
        }
    }

    /// Checks the nesting, then decodes `type` with `decoder`.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, using decoder: JSONDecoder = JSONCoding.decoder
    ) throws -> T {
        try checkNesting(data, json5: decoder.allowsJSON5)
        var padded = data
        padded.append(0x20)
        return try decoder.decode(type, from: padded)
    }
}

/// Counts the nesting depth of JSON (or JSON5) text byte by byte.
private struct NestingScanner {
    private enum State {
        case value
        case string(quote: UInt8, escaped: Bool)
        case slash
        case lineComment
        case blockComment(star: Bool)
    }

    let json5: Bool
    private var state = State.value
    private var depth = 0

    init(json5: Bool) { self.json5 = json5 }

    /// Reads one byte; returns the depth after it.
    mutating func read(_ byte: UInt8) -> Int {
        switch state {
        case .value:
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\""): state = .string(quote: byte, escaped: false)
            case UInt8(ascii: "'") where json5: state = .string(quote: byte, escaped: false)
            case UInt8(ascii: "/") where json5: state = .slash
            default: break
            }
        case .string(let quote, let escaped):
            if escaped {
                state = .string(quote: quote, escaped: false)
            } else if byte == UInt8(ascii: "\\") {
                state = .string(quote: quote, escaped: true)
            } else if byte == quote {
                state = .value
            }
        case .slash:
            switch byte {
            case UInt8(ascii: "/"): state = .lineComment
            case UInt8(ascii: "*"): state = .blockComment(star: false)
            default:
                state = .value
                return read(byte)
            }
        case .lineComment:
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { state = .value }
        case .blockComment(let star):
            state = star && byte == UInt8(ascii: "/") ? .value : .blockComment(star: byte == UInt8(ascii: "*"))
        }
        return depth
    }
}
