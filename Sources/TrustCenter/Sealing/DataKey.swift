import Crypto
import Foundation

/// The secret that seals report content at rest and keys the hashes of follow-up keys and
/// officer tokens. Purpose-bound subkeys are derived from it with HKDF, so that one key never
/// serves two purposes.
public struct DataKey: Sendable {
    let material: SymmetricKey

    public init(bytes: [UInt8]) throws(InputError) {
        guard bytes.count == 32 else {
            throw InputError(field: "keyFile", message: "a data key is 32 bytes, not \(bytes.count)")
        }
        self.material = SymmetricKey(data: bytes)
    }

    /// A new key from the random source.
    public static func generate(using random: any RandomSource) -> DataKey {
        // 32 bytes always satisfy the initializer.
        DataKey(uncheckedBytes: random.bytes(count: 32))
    }

    private init(uncheckedBytes: [UInt8]) {
        self.material = SymmetricKey(data: uncheckedBytes)
    }

    /// A subkey for one purpose (RFC 5869 HKDF-SHA256).
    func subkey(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material,
            info: Data("trustcenter/\(purpose)/v1".utf8),
            outputByteCount: 32
        )
    }

    /// The key's bytes, for writing the key file.
    var bytes: [UInt8] { material.withUnsafeBytes { Array($0) } }
}
