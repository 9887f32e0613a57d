import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustCenter

@testable import trustd

/// Requests built to break trustd rather than to use it: each gets a 4xx naming the problem,
/// and nothing is written.
@Suite struct HostileInputTests {
    /// Nested past Foundation's limit and ending at the last byte: this once stopped trustd.
    static let deepBodies: [String] = [512, 513, 514].flatMap { (depth: Int) -> [String] in
        let arrays = String(repeating: "[", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth - 1) + "["
        let answers = "{\"answers\":" + String(repeating: "{\"a\":", count: depth - 2) + "["
        return [arrays, arrays + " ", objects, answers]
    }

    @Test(arguments: deepBodies)
    func deeplyNestedJSONIsRefusedOnThePublicRoute(body: String) async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/reports", method: .post, headers: .json, body: .json(body))
            #expect(response.status == .badRequest)
            #expect(try response.apiError().message.contains("deeper than 64 levels"))
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func deeplyNestedJSONIsRefusedOnAdminRoutes() async throws {
        let harness = try await AppHarness()
        let reference = try await harness.fileReport()
        let headers = try await harness.officer().merging(.json)
        try await harness.test { client in
            for depth in [512, 513, 514] {
                for uri in ["/api/v1/cases/\(reference)/notes", "/api/v1/cases/\(reference)/assessment"] {
                    let response = try await client.execute(
                        uri: uri, method: .post, headers: headers,
                        body: .json(String(repeating: "[", count: depth)))
                    #expect(response.status == .badRequest)
                    #expect(try response.apiError().message.contains("deeper than 64 levels"))
                }
            }
        }
    }

    @Test(arguments: ["gzip", "br", "identity, deflate"])
    func aCompressedBodyIs415(coding: String) async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: HTTPFields.json.merging([.contentEncoding: coding]),
                body: .json(#"{"answers":{"about":"question","question":"Why?"}}"#))
            #expect(response.status == .unsupportedMediaType)
            #expect(try response.apiError().message.contains("is not supported: send the body uncompressed"))
        }
        #expect(try await harness.caseCount() == 0)
    }

    @Test func anIdentityCodedBodyIsRead() async throws {
        let harness = try await AppHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/reports", method: .post, headers: HTTPFields.json.merging([.contentEncoding: "identity"]),
                body: .json(#"{"answers":{"about":"question","question":"Why?"}}"#))
            #expect(response.status == .created)
        }
    }
}
