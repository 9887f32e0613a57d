import Foundation

/// Bringing cases stored by an earlier version up to date, once, at start-up.
extension SQLiteCaseStore {
    /// Cases stored before routing existed (schema version 2) have no owner, no access rows and no
    /// clocks. They are routed now by the rules a new report gets (the report's answers say whom
    /// it concerns), and their clocks run from their receipt; stages already past fire at the
    /// first sweep.
    /// Runs once: migration 3 leaves a mark when there were cases to route, and this removes it.
    static func routeCasesStoredBeforeRouting(rules: CaseRules, sealer: Sealer, connection: SQLiteConnection)
        throws
    {
        let marked = try connection.query(
            "SELECT 1 AS marked FROM store_meta WHERE name = 'route-stored-cases'", operation: "read upgrade mark")
        guard !marked.isEmpty else { return }
        try connection.query(
            "DELETE FROM store_meta WHERE name = 'route-stored-cases'", operation: "clear upgrade mark")
        let legacy = try connection.query(
            "SELECT id, year, serial, category, entity_id, received_at, report FROM cases WHERE routing IS NULL",
            operation: "find cases without routing")
        for row in legacy {
            let caseRow = CaseRow(id: try row.integer("id"), reference: try reference(from: row))
            let category = try stored(Category.self, row.text("category"), column: "category")
            let entity = try rules.entity(try row.text("entity_id"))
            let receivedAt = try row.date("received_at")
            let report = try sealer.open(
                json: Report.self, from: row.blob("report"), context: .report(of: caseRow.reference))
            let answers = AnswerSet(Dictionary(grouping: report.answers, by: \.question).mapValues { $0.map(\.value) })
            let routing = CaseRouter.route(category, concerns: CaseRouter.concerns(in: answers), entity: entity)
            try connection.query(
                "UPDATE cases SET routing = ? WHERE id = ?",
                [
                    .blob(try sealer.seal(json: routing, context: .routing(of: caseRow.reference))),
                    .integer(caseRow.id),
                ],
                operation: "route stored case")
            try recordAccess(for: routing, on: caseRow, sealer: sealer, connection: connection)
            try insertEvent(
                CaseEvent(
                    at: receivedAt, actor: .system, change: .routed(owner: routing.owner, reason: routing.reason)),
                caseID: caseRow.id, reference: caseRow.reference, sealer: sealer, connection: connection)
            let running = try connection.query(
                "SELECT COUNT(*) AS count FROM clocks WHERE case_id = ?", [.integer(caseRow.id)],
                operation: "count clocks")
            guard try running.first?.integer("count") == 0 else { continue }
            for plan in rules.clockwork.plans(
                for: category, receivedAt: receivedAt, awarenessAt: nil, urgent: false, entity: entity)
            {
                try insertClock(plan, caseID: caseRow.id, connection: connection)
            }
        }
    }
}
