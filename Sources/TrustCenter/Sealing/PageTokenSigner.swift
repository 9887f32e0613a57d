import Crypto
import Foundation

/// Signed, short-lived tokens that pages carry in hidden fields instead of cookies: the report
/// form's step tokens and the follow-up page's session token.
///
/// A token is `<issued seconds>.<nonce>.<subject>.<MAC>`, base64url, where the MAC (HMAC-SHA256
/// under its own subkey of the data key) covers the purpose, the issue time, the nonce and the
/// subject. A token made for one purpose (or one step) does not verify for another.
public struct PageTokenSigner: Sendable {
    private let key: SymmetricKey
    private let random: any RandomSource

    public init(dataKey: DataKey, random: any RandomSource) {
        self.key = dataKey.subkey(for: "page-token")
        self.random = random
    }

    /// A verified token: who or what it is about, and its nonce (to refuse a second use).
    public struct Verified: Sendable, Hashable {
        public var subject: String
        public var nonce: String
        public var issuedAt: Date
    }

    public func issue(purpose: String, subject: String = "", at date: Date) -> String {
        let issued = String(Int64(date.timeIntervalSince1970))
        let nonce = Self.base64URL(Data(random.bytes(count: 16)))
        let subjectPart = Self.base64URL(Data(subject.utf8))
        let mac = Self.base64URL(
            Data(
                HMAC<SHA256>.authenticationCode(
                    for: Data("\(purpose)|\(issued)|\(nonce)|\(subjectPart)".utf8), using: key)))
        return [issued, nonce, subjectPart, mac].joined(separator: ".")
    }

    /// The token's contents when it was made here for `purpose` and is not older than `maxAge`.
    public func verify(_ token: String, purpose: String, at date: Date, maxAge: TimeInterval) -> Verified? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard token.count < 1_000, parts.count == 4, let issued = Int64(parts[0]),
            let mac = Self.data(base64URL: parts[3]),
            HMAC<SHA256>.isValidAuthenticationCode(
                mac, authenticating: Data("\(purpose)|\(parts[0])|\(parts[1])|\(parts[2])".utf8), using: key)
        else { return nil }
        let issuedAt = Date(timeIntervalSince1970: TimeInterval(issued))
        let age = date.timeIntervalSince(issuedAt)
        guard age >= -60, age <= maxAge,
            let subject = Self.data(base64URL: parts[2]).map({ String(decoding: $0, as: UTF8.self) })
        else { return nil }
        return Verified(subject: subject, nonce: parts[1], issuedAt: issuedAt)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
