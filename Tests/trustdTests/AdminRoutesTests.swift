import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

@Suite struct AdminRoutesTests {
    @Test(arguments: [
        nil as String?, "Bearer", "Bearer tco_not-a-real-token", "Basic a2FyaTpwYXNz", "bearer ",
    ])
    func refusesRequestsWithoutAValidToken(authorization: String?) async throws {
        let harness = try await AppHarness()
        let reference = try await harness.fileReport()
        try await harness.test { client in
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            for uri in ["/api/v1/cases", "/api/v1/cases/\(reference)", "/api/v1/cases/TC-2026-09999"] {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"trustd\"")
                // The same answer whether or not the case exists.
                #expect(try response.apiError().message.hasPrefix("authentication required"))
            }
        }
    }

    @Test func aRevokedTokenIsRefused() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer()
        _ = try await harness.runtime.officers.revoke(email: "privacy@demo.example")
        try await harness.test { client in
            let response = try await client.execute(uri: "/api/v1/cases", method: .get, headers: headers)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func listsCasesWithFiltersAndPages() async throws {
        let harness = try await AppHarness()
        // An auditor reads every unrestricted case, the CEO's HSE case too.
        let headers = try await harness.officer(role: .auditor, email: "audit@demo.example")
        for index in 0..<3 { _ = try await harness.fileReport("r\(index)", about: index == 1 ? "hse" : "question") }
        try await harness.test { client in
            let all = try await client.execute(uri: "/api/v1/cases", method: .get, headers: headers)
            #expect(all.status == .ok)
            #expect(try all.decode(CasePage.self).cases.map(\.reference.serial) == [3, 2, 1])
            let hse = try await client.execute(uri: "/api/v1/cases?category=hse", method: .get, headers: headers)
            #expect(try hse.decode(CasePage.self).cases.map(\.reference.serial) == [2])
            let page = try await client.execute(uri: "/api/v1/cases?limit=1&offset=1", method: .get, headers: headers)
            let decoded = try page.decode(CasePage.self)
            #expect(decoded.cases.map(\.reference.serial) == [2] && decoded.total == 3)
            let received = try await client.execute(
                uri: "/api/v1/cases?status=received&entity=demo", method: .get, headers: headers)
            #expect(try received.decode(CasePage.self).total == 3)
        }
    }

    @Test(arguments: [
        ("/api/v1/cases?status=open", "status", "received, triaged, in-progress"),
        ("/api/v1/cases?category=gossip", "category", "breach, deviation"),
        ("/api/v1/cases?stauts=received", "stauts", "status, category, entity, limit, offset"),
        ("/api/v1/cases?limit=ten", "limit", "whole number"),
        ("/api/v1/cases?limit=500", "limit", "between 1 and 200"),
    ])
    func badListQueriesGet400(uri: String, field: String, hint: String) async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer()
        try await harness.test { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            #expect(response.status == .badRequest)
            let error = try response.apiError()
            #expect(error.field == field)
            #expect(error.message.contains(hint))
        }
    }

    @Test func showsACaseAndNamesAMissingOne() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer()
        let reference = try await harness.fileReport("Laptop <lost>")
        try await harness.test { client in
            let shown = try await client.execute(uri: "/api/v1/cases/\(reference)", method: .get, headers: headers)
            #expect(shown.status == .ok)
            #expect(try shown.decode(CaseFile.self).report.answer(to: "question") == "Laptop <lost>")
            let missing = try await client.execute(uri: "/api/v1/cases/TC-2026-00077", method: .get, headers: headers)
            #expect(missing.status == .notFound)
            #expect(try missing.apiError().message == "no case TC-2026-00077")
            let malformed = try await client.execute(uri: "/api/v1/cases/42", method: .get, headers: headers)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.apiError().field == "reference")
        }
    }

    @Test func eachChangeIsRecordedWithTheOfficer() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer().merging(.json)
        _ = try await harness.officer(role: .handler, email: "kari@demo.example")
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let base = "/api/v1/cases/\(reference)"
            let classified = try await client.execute(
                uri: base + "/category", method: .put, headers: headers,
                body: .json(#"{"category":"complaint","reason":"the reporter complains about our answer"}"#))
            #expect(classified.status == .ok)
            let status = try await client.execute(
                uri: base + "/status", method: .put, headers: headers, body: .json(#"{"status":"in-progress"}"#))
            #expect(status.status == .ok)
            let noted = try await client.execute(
                uri: base + "/notes", method: .post, headers: headers, body: .json(#"{"text":"Asked IT for the log"}"#))
            #expect(noted.status == .created)
            let assigned = try await client.execute(
                uri: base + "/assignee", method: .put, headers: headers,
                body: .json(#"{"officer":"kari@demo.example","reason":"Kari handles complaints"}"#))
            #expect(assigned.status == .ok)
            let caseFile = try assigned.decode(CaseFile.self)
            // Handed over: the former owner no longer sees the case.
            let gone = try await client.execute(uri: base, method: .get, headers: headers)
            #expect(gone.status == .notFound)
            #expect(caseFile.summary.category == .complaint)
            #expect(caseFile.summary.status == .inProgress)
            #expect(caseFile.summary.owner?.email == "kari@demo.example")
            #expect(caseFile.notes.map(\.text) == ["Asked IT for the log"])
            let byOfficer = caseFile.events.filter { if case .officer = $0.actor { true } else { false } }
            #expect(
                byOfficer.map(\.change.kind) == [
                    "classified", "clock-ended", "status-changed", "note-added", "assigned",
                ])
            #expect(
                byOfficer.allSatisfy {
                    $0.actor == .officer(OfficerSummary(id: 1, name: "Kari Nordmann", email: "privacy@demo.example"))
                })
            // The question's clock stopped; the complaint's started from the original receipt.
            #expect(caseFile.clocks.map(\.clock) == [.question, .complaint])
            #expect(caseFile.clocks.map(\.state) == [.stopped, .running])
            #expect(caseFile.clocks.map(\.startedAt) == [caseFile.summary.receivedAt, caseFile.summary.receivedAt])
        }
    }

    @Test func refusedChangesGet4xxAndWriteNothing() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer().merging(.json)
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let base = "/api/v1/cases/\(reference)"
            let cases: [(String, HTTPRequest.Method, String, HTTPResponse.Status, String?)] = [
                ("/category", .put, #"{"category":"gossip"}"#, .badRequest, "category"),
                ("/category", .put, #"{"category":"question","reason":"x"}"#, .badRequest, "category"),
                ("/category", .put, #"{"category":"complaint"}"#, .badRequest, "reason"),
                ("/category", .put, #"{"categry":"hse"}"#, .badRequest, "categry"),
                ("/status", .put, #"{"status":"done"}"#, .badRequest, "status"),
                ("/status", .put, #"{"status":"received"}"#, .badRequest, "status"),
                ("/assignee", .put, #"{"officer":"ghost@demo.example"}"#, .badRequest, "officer"),
                ("/notes", .post, #"{"text":"   "}"#, .badRequest, "text"),
                ("/notes", .post, #"{"text":"#, .badRequest, nil),
            ]
            for (path, method, body, status, field) in cases {
                let response = try await client.execute(
                    uri: base + path, method: method, headers: headers, body: .json(body))
                #expect(response.status == status, "\(path) \(body)")
                #expect(try response.apiError().field == field, "\(path) \(body)")
            }
            let missing = try await client.execute(
                uri: "/api/v1/cases/TC-2026-00099/status", method: .put, headers: headers,
                body: .json(#"{"status":"triaged"}"#))
            #expect(missing.status == .notFound)
        }
        let caseFile = try await harness.runtime.ledger.caseFile(reference, for: .system)
        #expect(caseFile.events.map(\.change.kind) == ["received", "routed", "notices-queued"])
        #expect(caseFile.notes.isEmpty)
    }

    @Test func anAuditorGets403OnChanges() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer(role: .auditor).merging(.json)
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let read = try await client.execute(uri: "/api/v1/cases/\(reference)", method: .get, headers: headers)
            #expect(read.status == .ok)
            let change = try await client.execute(
                uri: "/api/v1/cases/\(reference)/status", method: .put, headers: headers,
                body: .json(#"{"status":"triaged"}"#))
            #expect(change.status == .forbidden)
        }
    }

    @Test func unknownAdminPathsSayNothingWithoutAToken() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer()
        try await harness.test { client in
            for uri in ["/api/v1/nothing", "/api/v1/cases/TC-2026-00001/secrets", "/api/v1/officers"] {
                let anonymous = try await client.execute(uri: uri, method: .get)
                #expect(anonymous.status == .unauthorized, "\(uri)")
                let authenticated = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(authenticated.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func officersWriteToTheReporterAndReadTheDialogue() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer().merging(.json)
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let sent = try await client.execute(
                uri: "/api/v1/cases/\(reference)/messages", method: .post, headers: headers,
                body: .json(#"{"text":"Thank you, we are looking into it."}"#))
            #expect(sent.status == .created)
            let messages = try await client.execute(
                uri: "/api/v1/cases/\(reference)/messages", method: .get, headers: headers)
            let decoded = try messages.decode([CaseMessage].self)
            #expect(decoded.map(\.text) == ["Thank you, we are looking into it."])
            #expect(decoded.first?.direction == .toReporter)
            let empty = try await client.execute(
                uri: "/api/v1/cases/\(reference)/messages", method: .post, headers: headers,
                body: .json(#"{"text":""}"#))
            #expect(empty.status == .badRequest)
        }
    }
}
