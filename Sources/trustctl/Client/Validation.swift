import ArgumentParser
import TrustCenter

/// Runs a core parser in `validate()`, turning its `InputError` into ArgumentParser's
/// `ValidationError`, so that a bad argument prints the usage and exits 64.
func validated<T>(_ parse: () throws(InputError) -> T) throws -> T {
    do {
        return try parse()
    } catch {
        throw ValidationError(error.message)
    }
}
