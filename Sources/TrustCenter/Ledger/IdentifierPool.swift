import Foundation
import Synchronization

/// Hands out row identifiers that the store reserved in blocks (`CaseStore.reserveIdentifiers`),
/// so that the core knows a row's id before it seals the row, with no number guessed from
/// `MAX(id) + 1`: ids are unique with several writers and across restarts. A block's unused
/// rest is lost when trustd stops, so ids have gaps; the ids users type (notices, actions)
/// come from small blocks.
public final class IdentifierPool: Sendable {
    let store: any CaseStore
    private let state = Mutex(State())

    private struct State {
        var blocks: [RecordKind: Range<Int64>] = [:]
        /// The one reservation in flight per kind: callers that find the block empty wait for it
        /// rather than each reserve a block of their own.
        var refills: [RecordKind: Task<Range<Int64>, any Error>] = [:]
    }

    public init(store: any CaseStore) {
        self.store = store
    }

    /// How many ids of a kind one reservation takes.
    static func blockSize(_ kind: RecordKind) -> Int {
        switch kind {
        case .action, .notification: 4
        case .notice, .case: 64
        case .event, .note, .message, .clock, .stage: 1024
        }
    }

    /// The next id of `kind`.
    public func next(_ kind: RecordKind) async throws -> Int64 {
        while true {
            let (id, refill) = state.withLock { state -> (Int64?, Task<Range<Int64>, any Error>?) in
                if let block = state.blocks[kind], let first = block.first {
                    state.blocks[kind] = block.dropFirst()
                    return (first, nil)
                }
                if let running = state.refills[kind] { return (nil, running) }
                let store = self.store
                let task = Task { try await store.reserveIdentifiers(kind, count: Self.blockSize(kind)) }
                state.refills[kind] = task
                return (nil, task)
            }
            if let id { return id }
            guard let refill else { continue }
            let result = await refill.result
            state.withLock { state in
                // The first caller back installs the block; the others find it there.
                guard state.refills[kind] == refill else { return }
                state.refills[kind] = nil
                if case .success(let block) = result { state.blocks[kind] = block }
            }
            if case .failure(let error) = result { throw error }
        }
    }
}
