import Crypto
import Foundation

/// Seals report content for storage with AES-256-GCM, and opens it again.
///
/// Each sealed value is bound to where it belongs (for example the report of case TC-2026-00042)
/// through the authenticated data, so a sealed value copied into another row or column does not
/// open. Layout: one version byte, then nonce ‖ ciphertext ‖ tag (swift-crypto's combined form).
public struct Sealer: Sendable {
    static let version: UInt8 = 1
    private let key: SymmetricKey
    private let personKeyKey: SymmetricKey
    private let random: any RandomSource

    /// A fingerprint of the data key, kept in the database so that a store refuses to open with
    /// any other key. It reveals nothing about the key (HMAC under its own subkey).
    public let keyFingerprint: Data

    public init(dataKey: DataKey, random: any RandomSource) {
        self.key = dataKey.subkey(for: "seal")
        self.personKeyKey = dataKey.subkey(for: "person")
        self.random = random
        self.keyFingerprint = Data(
            HMAC<SHA256>.authenticationCode(
                for: Data("trustcenter data key check".utf8), using: dataKey.subkey(for: "key-check")))
    }

    /// A keyed hash of a person's email address, lowercased. Stores keep it in clear to find the
    /// cases a person may see and the notices addressed to them, without keeping who in clear:
    /// that a case goes to the alternate would say that the report concerns the CEO.
    public func personKey(_ email: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(email.lowercased().utf8), using: personKeyKey))
    }

    /// Seals `plaintext` for the place named by `context`.
    public func seal(_ plaintext: Data, context: SealContext) throws -> Data {
        let nonce = try AES.GCM.Nonce(data: random.bytes(count: 12))
        let box = try AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: context.bytes)
        guard let combined = box.combined else { throw SealError.malformed }
        return Data([Self.version]) + combined
    }

    /// Opens a sealed value; fails when it was changed, sealed for another place or another key.
    public func open(_ sealed: Data, context: SealContext) throws -> Data {
        guard sealed.first == Self.version else { throw SealError.unknownVersion }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return try AES.GCM.open(box, using: key, authenticating: context.bytes)
        } catch {
            throw SealError.cannotOpen
        }
    }

    /// Seals a value as JSON.
    public func seal<T: Encodable>(json value: T, context: SealContext) throws -> Data {
        try seal(JSONCoding.encoder.encode(value), context: context)
    }

    /// Opens a value sealed as JSON.
    /// A value that opens but does not decode is damaged storage, not bad input.
    public func open<T: Decodable>(json type: T.Type, from sealed: Data, context: SealContext) throws -> T {
        let plaintext = try open(sealed, context: context)
        do {
            return try JSONCoding.decoder.decode(type, from: plaintext)
        } catch {
            throw SealError.malformed
        }
    }
}

/// Names the place a sealed value belongs to: a kind of content, the case it belongs to, and for
/// rows of a case's history the row and its clear columns, so that neither the sealed value nor
/// the clear columns beside it can be swapped or edited without the value failing to open.
public struct SealContext: Sendable, Hashable {
    public var purpose: String
    public var owner: String
    public var details: [String]

    public init(_ purpose: String, of owner: any CustomStringConvertible, details: [String] = []) {
        self.purpose = purpose
        self.owner = owner.description
        self.details = details
    }

    var bytes: Data { Data(([purpose, owner] + details).joined(separator: "|").utf8) }
}

/// Why sealed content could not be opened. Deliberately says nothing about the content.
public enum SealError: Error, Sendable, CustomStringConvertible {
    case unknownVersion
    case cannotOpen
    case malformed

    public var description: String {
        switch self {
        case .unknownVersion: "sealed value has an unknown format version"
        case .cannotOpen: "sealed value cannot be opened: wrong data key, or the value was altered or moved"
        case .malformed: "sealed value is malformed or does not hold what was expected"
        }
    }
}
