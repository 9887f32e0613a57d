import Foundation

extension CaseLedger {
    /// Applies an officer's change with `CaseChange.update(for:rules:by:at:)`: its effects, its
    /// events, and the notices of any stage that falls due at once, in one batch on the case as
    /// it was read. Throws `InputError` when the rules refuse the change; then nothing is written.
    public func apply(
        _ change: CaseChange, to reference: CaseReference, by officer: OfficerSummary, viewer: CaseViewer,
        at date: Date
    ) async throws -> CaseFile {
        try await retryingConflicts {
            let stored = try await visibleCase(reference, to: viewer)
            let update = try change.update(for: try state(of: stored), rules: rules, by: officer, at: date)
            var batch = CaseBatch(ledger: self, changing: stored)
            for effect in Self.inWritingOrder(update.effects) {
                try await batch.apply(effect, by: officer, at: date)
            }
            for event in update.events { try await batch.event(event, at: date, by: .officer(officer.id)) }
            batch.writes.append(.setUpdatedAt(caseID: stored.record.id, date))
            try await batch.fireDueStages(at: date)
            try await store.commit(batch.writes)
        }
        // Read back as Trust Center: a change (handing the case on) may leave it out of the viewer's sight.
        return try caseFile(of: try await visibleCase(reference, to: .system))
    }

    /// Records the reporter's message and its event, in one batch. A case that was waiting for
    /// the reporter goes back to in progress.
    public func addReporterMessage(_ text: String, to reference: CaseReference, at date: Date) async throws -> CaseFile
    {
        try await retryingConflicts {
            let stored = try await visibleCase(reference, to: .system)
            var batch = CaseBatch(ledger: self, changing: stored)
            try await batch.message(text, direction: .fromReporter, officer: nil, at: date)
            try await batch.event(.messageReceived, at: date, by: .reporter)
            if stored.record.status == .awaitingReporter {
                batch.setStatus(.inProgress)
                try await batch.event(.statusChanged(from: .awaitingReporter, to: .inProgress), at: date, by: .system)
            }
            batch.writes.append(.setUpdatedAt(caseID: stored.record.id, date))
            try await store.commit(batch.writes)
        }
        return try caseFile(of: try await visibleCase(reference, to: .system))
    }

    /// The effects in the order they are written: the case's columns, then clocks ended,
    /// paused, worked out again and started, then the records added. A change lists them as it
    /// decides them; this order makes, for one, a clock that is ended and started anew end first.
    static func inWritingOrder(_ effects: [CaseEffect]) -> [CaseEffect] {
        func phase(_ effect: CaseEffect) -> Int {
            switch effect {
            case .category, .status, .routing, .awareness: 0
            case .endClock: 1
            case .pauseClock, .resumeClock: 2
            case .replanClock: 3
            case .startClock: 4
            case .notification: 5
            case .message: 6
            case .handling: 7
            case .addAction: 8
            case .completeAction: 9
            case .note: 10
            }
        }
        return effects.enumerated().sorted { (phase($0.element), $0.offset) < (phase($1.element), $1.offset) }
            .map(\.element)
    }
}

extension CaseBatch {
    /// One effect of an officer's change, as writes.
    mutating func apply(_ effect: CaseEffect, by officer: OfficerSummary, at date: Date) async throws {
        switch effect {
        case .category(let category):
            setCategory(category)
        case .status(let status):
            setStatus(status)
        case .routing(let routing):
            try setRouting(routing)
        case .awareness(let awareness):
            setAwareness(awareness)
        case .endClock(let clock, let state):
            endClock(clock, as: state, at: date)
        case .pauseClock(let clock):
            setPaused(true, clock, at: date)
        case .resumeClock(let clock):
            setPaused(false, clock, at: date)
        case .replanClock(let plan):
            try await replanClock(plan)
        case .startClock(let plan):
            try await startClock(plan)
        case .notification(let notification):
            try await self.notification(notification)
        case .message(let text):
            try await message(text, direction: .toReporter, officer: officer.id, at: date)
        case .handling(let handling):
            try setHandling(handling)
        case .addAction(let action):
            try await addAction(action, by: officer, at: date)
        case .completeAction(let id, let note):
            try completeAction(id, note: note, by: officer, at: date)
        case .note(let text):
            try await self.note(text, by: officer.id, at: date)
        }
    }
}
