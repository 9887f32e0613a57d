import Foundation
import Testing
import TrustCenter

@Suite struct SealerTests {
    let sealer = Sealer(dataKey: Fixtures.dataKey, random: SeededRandomSource())
    let context = SealContext("report", of: CaseReference(year: 2026, serial: 1))

    @Test func opensWhatItSealed() throws {
        let sealed = try sealer.seal(Data("Laptop lost".utf8), context: context)
        #expect(try sealer.open(sealed, context: context) == Data("Laptop lost".utf8))
        #expect(!sealed.contains(Data("Laptop".utf8)))
    }

    @Test func sealingTwiceGivesDifferentBytes() throws {
        let first = try sealer.seal(Data("same".utf8), context: context)
        let second = try sealer.seal(Data("same".utf8), context: context)
        #expect(first != second)
    }

    @Test func refusesAlteredContent() throws {
        var sealed = try sealer.seal(Data("Laptop lost".utf8), context: context)
        sealed[sealed.count - 20] ^= 0x01
        #expect(throws: SealError.self) { try sealer.open(sealed, context: context) }
    }

    @Test func refusesContentMovedToAnotherCaseOrColumn() throws {
        let sealed = try sealer.seal(Data("Laptop lost".utf8), context: context)
        let otherCase = SealContext("report", of: CaseReference(year: 2026, serial: 2))
        let otherColumn = SealContext("note", of: CaseReference(year: 2026, serial: 1))
        #expect(throws: SealError.self) { try sealer.open(sealed, context: otherCase) }
        #expect(throws: SealError.self) { try sealer.open(sealed, context: otherColumn) }
    }

    @Test func refusesAnotherKey() throws {
        let sealed = try sealer.seal(Data("Laptop lost".utf8), context: context)
        let other = Sealer(dataKey: DataKey.generate(using: SeededRandomSource(seed: 99)), random: SeededRandomSource())
        #expect(throws: SealError.self) { try other.open(sealed, context: context) }
    }
}

@Suite struct SecretHasherTests {
    let hasher = SecretHasher(dataKey: Fixtures.dataKey)

    @Test func recognisesTheSecretItHashed() {
        let hash = hasher.hash("48213-90577", as: .followUpKey)
        #expect(hasher.matches("48213-90577", storedHash: hash, as: .followUpKey))
        #expect(!hasher.matches("48213-90578", storedHash: hash, as: .followUpKey))
    }

    @Test func keepsKindsApart() {
        let hash = hasher.hash("secret", as: .followUpKey)
        #expect(hash != hasher.hash("secret", as: .officerToken))
        #expect(!hasher.matches("secret", storedHash: hash, as: .officerToken))
    }

    @Test func dependsOnTheDataKey() {
        let other = SecretHasher(dataKey: DataKey.generate(using: SeededRandomSource(seed: 99)))
        #expect(hasher.hash("secret", as: .officerToken) != other.hash("secret", as: .officerToken))
    }
}

@Suite struct DataKeyFileTests {
    @Test func createsTheKeyFileWithMode0600AndLoadsItBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("keys/trustcenter.key")
        let (created, outcome) = try DataKeyFile.loadOrCreate(at: path, random: SeededRandomSource())
        #expect(outcome == .created)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: directory.file("keys"))
        #expect((folder[.posixPermissions] as? Int) == 0o700)

        let (loaded, again) = try DataKeyFile.loadOrCreate(at: path, random: SeededRandomSource(seed: 1))
        #expect(again == .loaded)
        // Same key: what one seals, the other opens.
        let context = SealContext("report", of: "x")
        let sealed = try Sealer(dataKey: created, random: SeededRandomSource()).seal(Data("a".utf8), context: context)
        #expect(
            try Sealer(dataKey: loaded, random: SeededRandomSource()).open(sealed, context: context) == Data("a".utf8))
    }

    @Test func refusesAKeyFileOthersCanRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("trustcenter.key")
        _ = try DataKeyFile.loadOrCreate(at: path, random: SeededRandomSource())
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect {
            try DataKeyFile.load(at: path)
        } throws: { error in
            "\(error)".contains("chmod 600")
        }
    }

    @Test func refusesAFileThatIsNotAKey() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("trustcenter.key")
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("hello\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: DataKeyFileError.self) { try DataKeyFile.load(at: path) }
    }
}
