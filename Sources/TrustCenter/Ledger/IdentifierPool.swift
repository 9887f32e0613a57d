import Foundation
import Synchronization

/// Hands out row identifiers that the store reserved in blocks (`CaseStore.reserveIdentifiers`),
/// so that the core knows a row's id before it seals the row, with no number guessed from
/// `MAX(id) + 1`: ids are unique with several writers and across restarts. A block's unused
/// rest is lost when trustd stops, so ids have gaps; the ids users type (notices, actions)
/// come from small blocks.
public final class IdentifierPool: Sendable {
    let store: any CaseStore
    private let blocks = Mutex<[RecordKind: Range<Int64>]>([:])

    public init(store: any CaseStore) {
        self.store = store
    }

    /// How many ids of a kind one reservation takes.
    static func blockSize(_ kind: RecordKind) -> Int {
        switch kind {
        case .action, .notification: 4
        case .notice, .case: 64
        case .event, .note, .message, .clock, .stage: 256
        }
    }

    /// The next id of `kind`.
    public func next(_ kind: RecordKind) async throws -> Int64 {
        while true {
            if let id = take(kind) { return id }
            let reserved = try await store.reserveIdentifiers(kind, count: Self.blockSize(kind))
            blocks.withLock { blocks in
                // Another caller may have refilled it meanwhile; the newer block is kept and
                // the other reserved ids are simply never used.
                if blocks[kind]?.isEmpty ?? true { blocks[kind] = reserved }
            }
        }
    }

    private func take(_ kind: RecordKind) -> Int64? {
        blocks.withLock { blocks in
            guard let block = blocks[kind], let first = block.first else { return nil }
            blocks[kind] = block.dropFirst()
            return first
        }
    }
}
