import Foundation
import Testing
import TrustCenter

@Suite struct CaseDeskTests {
    func caseAndOfficer(_ harness: StoreHarness, role: OfficerRole = .privacyOfficer) async throws -> (
        CaseReference, Officer
    ) {
        let receipt = try await harness.intake().submit(Fixtures.breach())
        let (officer, _) = try await harness.officers.add(
            name: "Per Vern",
            email: role == .privacyOfficer ? "privacy@acme.example" : "per-\(role.rawValue)@acme.example",
            role: role)
        return (receipt.reference, officer)
    }

    @Test func anAuditorReadsButCannotChange() async throws {
        let harness = try await StoreHarness(.memory)
        let (reference, auditor) = try await caseAndOfficer(harness, role: .auditor)
        #expect(try await harness.desk.caseFile(reference, for: auditor).reference == reference)
        await #expect(throws: PermissionError.self) {
            try await harness.desk.setStatus(reference, to: .triaged, by: auditor)
        }
        await #expect(throws: PermissionError.self) {
            try await harness.desk.addNote(reference, text: "x", by: auditor)
        }
    }

    @Test func assignsOnlyToAnActiveOfficerWhoMayOwnCases() async throws {
        let harness = try await StoreHarness(.memory)
        let (reference, officer) = try await caseAndOfficer(harness)
        await #expect(throws: InputError.self) {
            try await harness.desk.assign(reference, to: "nobody@acme.example", by: officer)
        }
        _ = try await harness.officers.add(name: "Aud Itor", email: "audit@acme.example", role: .auditor)
        await #expect(throws: InputError.self) {
            try await harness.desk.assign(reference, to: "audit@acme.example", by: officer)
        }
        _ = try await harness.officers.add(name: "Gone", email: "gone@acme.example", role: .handler)
        _ = try await harness.officers.revoke(email: "gone@acme.example")
        await #expect(throws: InputError.self) {
            try await harness.desk.assign(reference, to: "gone@acme.example", by: officer)
        }
        _ = try await harness.officers.add(name: "Hanne Varsel", email: "varsel@acme.example", role: .handler)
        let assigned = try await harness.desk.assign(reference, to: "VARSEL@acme.example", by: officer)
        #expect(assigned.summary.owner?.email == "varsel@acme.example")
    }

    @Test func refusesEmptyNotesAndPagesOutOfRange() async throws {
        let harness = try await StoreHarness(.memory)
        let (reference, officer) = try await caseAndOfficer(harness)
        await #expect(throws: InputError.self) { try await harness.desk.addNote(reference, text: "  \n ", by: officer) }
        await #expect(throws: InputError.self) {
            try await harness.desk.cases(CaseQuery(viewer: .system, limit: 0), for: officer)
        }
        await #expect(throws: InputError.self) {
            try await harness.desk.cases(CaseQuery(viewer: .system, limit: 201), for: officer)
        }
        await #expect(throws: InputError.self) {
            try await harness.desk.cases(CaseQuery(viewer: .system, offset: -1), for: officer)
        }
    }

    @Test func stampsChangesWithTheTimeSource() async throws {
        let harness = try await StoreHarness(.memory)
        let (reference, officer) = try await caseAndOfficer(harness)
        harness.time.advance(by: 3600)
        let caseFile = try await harness.desk.addNote(reference, text: "Called IT", by: officer)
        #expect(caseFile.notes.first?.at == harness.time.now())
        #expect(caseFile.events.last?.change == .noteAdded)
    }
}

extension CaseDeskTests {
    @Test func notesGetTheSameTextChecksAsReports() async throws {
        let harness = try await StoreHarness(.memory)
        let (reference, officer) = try await caseAndOfficer(harness)
        for text in ["\u{1B}[2J wiped", "bidi \u{202E} trick", "nul \u{0} byte", "csi \u{9B} c1"] {
            await #expect(throws: InputError.self, "\(text.debugDescription)") {
                try await harness.desk.addNote(reference, text: text, by: officer)
            }
        }
        await #expect(throws: InputError.self) {
            try await harness.desk.classify(reference, as: .deviation, reason: "why\u{7}", by: officer)
        }
        let caseFile = try await harness.desk.addNote(reference, text: "line one\r\nline two\rline three", by: officer)
        #expect(caseFile.notes.map(\.text) == ["line one\nline two\nline three"])
    }
}

@Suite struct OfficerRegistryTests {
    @Test func aNewOfficersTokenSignsThemIn() async throws {
        let harness = try await StoreHarness(.memory)
        let (officer, token) = try await harness.officers.add(
            name: "Per Vern", email: "per@acme.example", role: .handler)
        #expect(token.hasPrefix("tco_"))
        #expect(token.count >= 40)
        #expect(try await harness.officers.authenticate(token: token)?.id == officer.id)
        #expect(try await harness.officers.authenticate(token: token + "x") == nil)
        #expect(try await harness.officers.authenticate(token: "tco_guess") == nil)
    }

    @Test func aRevokedOfficerCannotSignIn() async throws {
        let harness = try await StoreHarness(.memory)
        let (_, token) = try await harness.officers.add(name: "Per Vern", email: "per@acme.example", role: .handler)
        let (revoked, wasActive) = try await harness.officers.revoke(email: "per@acme.example")
        #expect(!revoked.isActive && wasActive)
        let (_, again) = try await harness.officers.revoke(email: "per@acme.example")
        #expect(!again)
        #expect(try await harness.officers.authenticate(token: token) == nil)
    }

    @Test func aRotatedTokenReplacesTheOldOne() async throws {
        let harness = try await StoreHarness(.memory)
        let (officer, old) = try await harness.officers.add(name: "Per Vern", email: "per@acme.example", role: .handler)
        let (rotated, new) = try await harness.officers.rotateToken(email: "per@acme.example")
        #expect(rotated.id == officer.id && new != old)
        #expect(try await harness.officers.authenticate(token: old) == nil)
        #expect(try await harness.officers.authenticate(token: new)?.id == officer.id)
        _ = try await harness.officers.revoke(email: "per@acme.example")
        await #expect(throws: InputError.self) { try await harness.officers.rotateToken(email: "per@acme.example") }
        await #expect(throws: NotFoundError.self) {
            try await harness.officers.rotateToken(email: "ghost@acme.example")
        }
    }

    @Test func storesOnlyTheTokensHash() async throws {
        let harness = try await StoreHarness()
        let (_, token) = try await harness.officers.add(name: "Per Vern", email: "per@acme.example", role: .handler)
        #expect(RawDatabase.fileBytes(path: harness.databasePath).range(of: Data(token.utf8)) == nil)
    }

    @Test func refusesADuplicateEmailAndBadInput() async throws {
        let harness = try await StoreHarness(.memory)
        _ = try await harness.officers.add(name: "Per Vern", email: "per@acme.example", role: .handler)
        await #expect(throws: InputError.self) {
            try await harness.officers.add(name: "Other", email: "PER@acme.example", role: .ceo)
        }
        await #expect(throws: InputError.self) {
            try await harness.officers.add(name: "", email: "x@acme.example", role: .ceo)
        }
        await #expect(throws: InputError.self) { try await harness.officers.add(name: "X", email: "nope", role: .ceo) }
        await #expect(throws: NotFoundError.self) { try await harness.officers.revoke(email: "ghost@acme.example") }
    }

}
