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
    private let random: any RandomSource

    public init(dataKey: DataKey, random: any RandomSource) {
        self.key = dataKey.subkey(for: "seal")
        self.random = random
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
    public func open<T: Decodable>(json type: T.Type, from sealed: Data, context: SealContext) throws -> T {
        try JSONCoding.decoder.decode(type, from: open(sealed, context: context))
    }
}

/// Names the place a sealed value belongs to: a kind of content and the case it belongs to.
public struct SealContext: Sendable, Hashable {
    public var purpose: String
    public var owner: String

    public init(_ purpose: String, of owner: any CustomStringConvertible) {
        self.purpose = purpose
        self.owner = owner.description
    }

    var bytes: Data { Data("\(purpose)|\(owner)".utf8) }
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
        case .malformed: "sealed value is malformed"
        }
    }
}
