import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

@Suite struct PublicRoutesTests {
    @Test(arguments: [("sv-SE,sv;q=0.9,en;q=0.5", "/sv/"), ("nb", "/nb/"), ("da-DK", "/da/"), ("fr-FR", "/en/")])
    func theRootSendsABrowserToItsLanguage(acceptLanguage: String, location: String) async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: acceptLanguage])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == location)
            #expect(response.headers[.setCookie] == nil)
        }
    }

    @Test func theFirstStepIsServedWithStrictHeadersAndNoCookie() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/nb/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.referrerPolicy] == "no-referrer")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.setCookie] == nil)
            #expect(response.text.contains("<html lang=\"nb\">"))
            #expect(response.text.contains("<legend>Hva gjelder meldingen?"))
            #expect(!response.text.contains("<script"))
            #expect(!response.text.contains("http://") && !response.text.contains("https://"))
        }
    }

    @Test func anUnknownLanguageIsNotFound() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/fi/", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test func aJSONReportGetsA201Receipt() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(
                    #"{"answers":{"about":"security","system":"Payroll","whatHappened":"Payslips sent to the wrong people","#
                        + #""discoveredAt":"2026-03-10 08:15","ongoing":"no","personalData":"yes","dataKinds":["financial"],"#
                        + #""leftOrganisation":"no"}}"#))
            #expect(response.status == .created)
            let receipt = try response.decode(Receipt.self)
            #expect(receipt.reference.description == "TC-2026-00001")
            #expect(try FollowUpKey(parsing: receipt.followUpKey).digits.count == 25)
        }
        let caseFile = try await harness.runtime.ledger.caseFile(CaseReference(year: 2026, serial: 1), for: .system)
        #expect(caseFile.summary.category == .breach)
        #expect(caseFile.report.answer(to: "discoveredAt") == "2026-03-10T08:15")
    }

    @Test func aBodyOverTheLimitGets413AndWritesNothing() async throws {
        let harness = try await AppHarness(maxBodyBytes: 1024)
        try await harness.test { client in
            let big = String(repeating: "x", count: 2000)
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(#"{"answers":{"about":"question","question":"\#(big)"}}"#))
            #expect(response.status == .contentTooLarge)
            #expect(try response.apiError().message.contains("1024"))
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test(arguments: [
        (#"{"answers":{"about":"question""#, nil as String?),
        (#"{"entity":"demo"}"#, "answers"),
        (#"{"answers":{"about":"question","question":5}}"#, "answers.question"),
        (#"{"answers":{"about":"question","question":"x"},"reporterName":"Ola"}"#, "reporterName"),
        (#"{"answers":{"about":"gossip"}}"#, "answers.about"),
        (#"{"answers":{"about":"question"}}"#, "answers.question"),
        (#"{"answers":{"about":"question","question":"x"},"entity":"nope"}"#, "entity"),
        (#"{"answers":{"about":"question","question":"x","salary":"1"}}"#, "answers.salary"),
        (
            #"{"answers":{"about":"question","question":"x"},"reporter":{"name":"Ola","email":"nope"}}"#,
            "reporter.email"
        ),
        (#"{"answers":{"about":"rights","right":"access","relation":"customer"}}"#, "reporter.name"),
    ])
    func badJSONGets400NamingTheField(body: String, field: String?) async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/reports", method: .post, headers: .json, body: .json(body))
            #expect(response.status == .badRequest)
            #expect(try response.apiError().field == field)
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func invalidUTF8Gets400() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            var body = ByteBuffer(string: #"{"answers":{"about":"question","question":""#)
            body.writeBytes([0xC3, 0x28, 0xFF])
            body.writeString(#""}}"#)
            let response = try await client.execute(uri: "/reports", method: .post, headers: .json, body: body)
            #expect(response.status == .badRequest)
            #expect(try response.apiError().message == "request body is not valid UTF-8")
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func anotherMediaTypeGets415() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello")
            )
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func healthCheckAnswersOK() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == #"{"status":"ok"}"#)
        }
    }
}
