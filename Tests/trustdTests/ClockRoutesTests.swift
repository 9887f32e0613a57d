import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

/// The admin API's clocks, notices and notifications, and who may see them.
@Suite struct ClockRoutesTests {
    func fileWrongdoing(_ harness: AppHarness, concerning concerns: String) async throws -> CaseReference {
        try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil,
                answers: AnswerSet([
                    "about": ["wrongdoing"], "concerns": [concerns], "wrongdoingWhatHappened": ["Kickbacks"],
                ]),
                contact: nil)
        ).reference
    }

    @Test func aPersonTheReportConcernsSeesNothingThroughTheAPI() async throws {
        let harness = try await AppHarness()
        let reference = try await fileWrongdoing(harness, concerning: "ceo")
        let ceo = try await harness.officer(role: .ceo, email: "ceo@demo.example")
        let handler = try await harness.officer(role: .handler, email: "varsling@demo.example")
        try await harness.test { client in
            let listed = try await client.execute(uri: "/api/v1/cases", method: .get, headers: ceo)
            #expect(try listed.decode(CasePage.self).total == 0)
            let shown = try await client.execute(uri: "/api/v1/cases/\(reference)", method: .get, headers: ceo)
            let missing = try await client.execute(uri: "/api/v1/cases/TC-2026-09999", method: .get, headers: ceo)
            #expect(shown.status == .notFound && missing.status == .notFound)
            #expect(try shown.apiError().message == "no case \(reference)")
            let deadlines = try await client.execute(uri: "/api/v1/deadlines", method: .get, headers: ceo)
            #expect(try deadlines.decode(DeadlinePage.self).deadlines.isEmpty)
            let notices = try await client.execute(uri: "/api/v1/notices", method: .get, headers: ceo)
            #expect(try notices.decode([Notice].self).isEmpty)
            for path in ["/messages", "/notes"] {
                let written = try await client.execute(
                    uri: "/api/v1/cases/\(reference)\(path)", method: .post, headers: ceo.merging(.json),
                    body: .json(#"{"text":"who wrote this?"}"#))
                #expect(written.status == .notFound, "\(path)")
            }

            let handled = try await client.execute(uri: "/api/v1/cases/\(reference)", method: .get, headers: handler)
            #expect(handled.status == .ok)
            let caseFile = try handled.decode(CaseFile.self)
            #expect(caseFile.summary.owner?.email == "varsling@demo.example")
            #expect(caseFile.routing?.reason.contains("the report concerns the CEO") == true)
            #expect(caseFile.clocks.map(\.clock) == [.whistleblowingAck, .whistleblowingFeedback])
            let handlerDeadlines = try await client.execute(uri: "/api/v1/deadlines", method: .get, headers: handler)
            #expect(try handlerDeadlines.decode(DeadlinePage.self).deadlines.count == 2)
            let handlerNotices = try await client.execute(uri: "/api/v1/notices", method: .get, headers: handler)
            #expect(try handlerNotices.decode([Notice].self).map(\.kind) == [.received])
        }
    }

    @Test(arguments: [
        ("/api/v1/deadlines?overdue=maybe", "overdue", "true or false"),
        ("/api/v1/deadlines?limit=5000", "limit", "between 1 and 1000"),
        ("/api/v1/deadlines?soon=1", "soon", "overdue, limit, offset"),
        ("/api/v1/notices?delivery=lost", "delivery", "pending, sent, failed"),
    ])
    func badListQueriesNameTheParameter(uri: String, field: String, hint: String) async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer()
        try await harness.test { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            #expect(response.status == .badRequest)
            #expect(try response.apiError().field == field)
            #expect(try response.apiError().message.contains(hint))
        }
    }

    @Test func refusedClockChangesNameTheProblem() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer().merging(.json)
        let reference = try await harness.fileReport()
        try await harness.test { client in
            let base = "/api/v1/cases/\(reference)"
            let cases: [(String, HTTPRequest.Method, String, String)] = [
                ("/awareness", .put, #"{"at":"yesterday","reason":"x"}"#, "at"),
                ("/awareness", .put, #"{"at":"2026-03-01T10:00"}"#, "reason"),
                ("/awareness", .put, #"{"at":"2026-03-01T10:00","reason":"x"}"#, "category"),
                ("/extension", .post, #"{"reason":"complex"}"#, "clock"),
                ("/extension", .post, #"{}"#, "reason"),
                ("/notifications", .post, #"{"stage":"first","reference":"X"}"#, "stage"),
                ("/notifications", .post, #"{"stage":"initial"}"#, "reference"),
                ("/notifications", .post, #"{"stage":"initial","reference":"X"}"#, "stage"),
            ]
            for (path, method, body, field) in cases {
                let response = try await client.execute(
                    uri: base + path, method: method, headers: headers, body: .json(body))
                #expect(response.status == .badRequest, "\(path) \(body)")
                #expect(try response.apiError().field == field, "\(path) \(body)")
            }
        }
    }

    @Test func anOfficerRecordsTheNotificationsOfABreach() async throws {
        let harness = try await AppHarness()
        let headers = try await harness.officer().merging(.json)
        let reference = try await harness.runtime.intake.submit(
            ReportSubmission(
                entityID: nil,
                answers: AnswerSet([
                    "about": ["security"], "system": ["CRM"], "whatHappened": ["Export shared by link"],
                    "discoveredAt": ["2026-03-10T08:00"], "ongoing": ["no"], "personalData": ["yes"],
                    "leftOrganisation": ["yes"],
                ]),
                contact: nil)
        ).reference
        try await harness.test { client in
            let base = "/api/v1/cases/\(reference)"
            let aware = try await client.execute(
                uri: base + "/awareness", method: .put, headers: headers,
                body: .json(#"{"at":"2026-03-09T16:00","reason":"support saw the link shared the day before"}"#))
            #expect(aware.status == .ok)
            let awareCase = try aware.decode(CaseFile.self)
            #expect(ISOTime.format(try #require(awareCase.awarenessAt), in: .gmt) == "2026-03-09T15:00:00+00:00")
            let initial = try await client.execute(
                uri: base + "/notifications", method: .post, headers: headers,
                body: .json(#"{"stage":"initial","reference":"DT-26/77","at":"2026-03-10T10:30+01:00"}"#))
            #expect(initial.status == .created)
            let supplement = try await client.execute(
                uri: base + "/notifications", method: .post, headers: headers,
                body: .json(#"{"stage":"supplement","reference":"DT-26/77"}"#))
            let caseFile = try supplement.decode(CaseFile.self)
            #expect(caseFile.notifications.map(\.stage) == [.initial, .supplement])
            #expect(caseFile.notifications.first?.authority == "Datatilsynet (NO)")
            #expect(caseFile.notifications.first?.recordedBy.email == "privacy@demo.example")
            #expect(caseFile.clocks.map(\.state) == [.met])
        }
    }
}
