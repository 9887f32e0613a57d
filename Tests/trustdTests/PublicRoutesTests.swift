import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

@Suite struct PublicRoutesTests {
    @Test func theFormPageIsServedWithStrictHeadersAndNoCookie() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.referrerPolicy] == "no-referrer")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.setCookie] == nil)
            #expect(response.text.contains("<label for=\"field-description\">"))
            #expect(!response.text.contains("<script"))
            #expect(!response.text.contains("http://") && !response.text.contains("https://"))
        }
    }

    @Test func aJSONReportGetsA201Receipt() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(#"{"category":"breach","answers":{"description":"Laptop lost","occurred":"Monday"}}"#))
            #expect(response.status == .created)
            let receipt = try response.decode(Receipt.self)
            #expect(receipt.reference.description == "TC-2026-00001")
            #expect(try FollowUpKey(parsing: receipt.followUpKey).digits.count == 25)
        }
        let caseFile = try await harness.runtime.store.caseFile(CaseReference(year: 2026, serial: 1))
        #expect(caseFile.report.answers.map(\.question) == ["description", "occurred"])
    }

    @Test func aFormReportShowsTheReceiptPage() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .form,
                body: ByteBuffer(
                    string:
                        "category=hse&description=Broken+ladder+%C3%A6%C3%B8%C3%A5&identity=anonymous&name=Should+Not+Be+Kept"
                ))
            #expect(response.status == .ok)
            #expect(response.text.contains("TC-2026-00001"))
            #expect(response.text.contains("id=\"follow-up-key\""))
            #expect(response.headers[.cacheControl] == "no-store")
        }
        let caseFile = try await harness.runtime.store.caseFile(CaseReference(year: 2026, serial: 1))
        #expect(caseFile.report.answer(to: "description") == "Broken ladder æøå")
        // Anonymous was chosen, so the name typed before is dropped.
        #expect(caseFile.reporter == .anonymous)
    }

    @Test func aFormWithAnErrorComesBackFilledInAndEscaped() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .form,
                body: ByteBuffer(
                    string: "category=rights-request&description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&identity=anonymous"
                ))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("class=\"error-summary\""))
            #expect(response.text.contains("href=\"#field-name\""))
            #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!response.text.contains("<script>"))
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func aBodyOverTheLimitGets413AndWritesNothing() async throws {
        let harness = try await AppHarness(maxBodyBytes: 1024)
        try await harness.test { client in
            let big = String(repeating: "x", count: 2000)
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(#"{"category":"breach","answers":{"description":"\#(big)"}}"#))
            #expect(response.status == .contentTooLarge)
            #expect(try response.apiError().message.contains("1024"))
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test(arguments: [
        (#"{"category":"breach""#, nil as String?),
        (#"{"answers":{"description":"x"}}"#, "category"),
        (#"{"category":"breach","answers":{"description":5}}"#, "answers.description"),
        (#"{"category":"breach","answers":{"description":"x"},"reporterName":"Ola"}"#, "reporterName"),
        (#"{"category":"breech","answers":{"description":"x"}}"#, "category"),
        (#"{"category":"breach","answers":{"description":"x"},"entity":"nope"}"#, "entity"),
        (#"{"category":"breach","answers":{"description":"x","salary":"1"}}"#, "salary"),
        (#"{"category":"breach","answers":{"description":"x"},"reporter":{"email":"a@b.no"}}"#, "reporter.name"),
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

    @Test func anUnknownCategoryListsTheValidOnes() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .json,
                body: .json(#"{"category":"gossip","answers":{"description":"x"}}"#))
            #expect(response.status == .badRequest)
            #expect(try response.apiError().message.contains("breach, deviation, complaint, rights-request"))
        }
    }

    @Test func invalidUTF8Gets400() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            var body = ByteBuffer(string: #"{"category":"breach","answers":{"description":""#)
            body.writeBytes([0xC3, 0x28, 0xFF])
            body.writeString(#""}}"#)
            let response = try await client.execute(uri: "/reports", method: .post, headers: .json, body: body)
            #expect(response.status == .badRequest)
            #expect(try response.apiError().message == "request body is not valid UTF-8")
            let form = try await client.execute(
                uri: "/reports", method: .post, headers: .form,
                body: ByteBuffer(string: "category=hse&description=%FF%FE"))
            #expect(form.status == .badRequest)
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

    @Test func malformedFormDataGets400() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            for body in ["category=hse&description=a&description=b", "category=hse&description[]=a", "category=hse&descr[iption=a"] {
                let response = try await client.execute(
                    uri: "/reports", method: .post, headers: .form, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
            }
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func aTextAreasLineBreaksAreStoredAsLF() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: .form,
                body: ByteBuffer(string: "category=hse&description=one%0D%0Atwo&identity=anonymous"))
            #expect(response.status == .ok)
        }
        let caseFile = try await harness.runtime.store.caseFile(CaseReference(year: 2026, serial: 1))
        #expect(caseFile.report.answer(to: "description") == "one\ntwo")
    }

    @Test func choosingToGiveANameNeedsOne() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            for (body, field) in [
                ("category=hse&description=x&identity=named&name=&email=", "name"),
                ("category=hse&description=x&identity=maybe", "identity"),
                ("description=x&identity=anonymous", "category"),
            ] {
                let response = try await client.execute(uri: "/reports", method: .post, headers: .form, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.text.contains("href=\"#field-\(field)\""), "\(body)")
            }
        }
        #expect(try await harness.caseCount() == 0)
    }
}
