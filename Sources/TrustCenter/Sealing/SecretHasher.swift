import Crypto
import Foundation

/// Keyed hashes (HMAC-SHA256) of secrets that must be recognised but never stored: follow-up
/// keys and officer tokens. Each kind of secret has its own derived key, so a hash of one kind
/// never matches a secret of another kind. Without the data key, a stolen database gives no way
/// to test guesses.
public struct SecretHasher: Sendable {
    public enum Kind: String, Sendable {
        case followUpKey = "follow-up-key"
        case officerToken = "officer-token"
    }

    private let followUpKeyKey: SymmetricKey
    private let officerTokenKey: SymmetricKey

    public init(dataKey: DataKey) {
        self.followUpKeyKey = dataKey.subkey(for: Kind.followUpKey.rawValue)
        self.officerTokenKey = dataKey.subkey(for: Kind.officerToken.rawValue)
    }

    public func hash(_ secret: String, as kind: Kind) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(secret.utf8), using: key(for: kind)))
    }

    /// Whether `secret` hashes to `storedHash`, compared in constant time by swift-crypto.
    public func matches(_ secret: String, storedHash: Data, as kind: Kind) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(storedHash, authenticating: Data(secret.utf8), using: key(for: kind))
    }

    private func key(for kind: Kind) -> SymmetricKey {
        switch kind {
        case .followUpKey: followUpKeyKey
        case .officerToken: officerTokenKey
        }
    }
}
