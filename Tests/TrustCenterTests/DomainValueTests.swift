import Foundation
import Testing
import TrustCenter

@Suite struct CaseReferenceTests {
    @Test func printsYearAndFiveDigitSerial() {
        #expect(CaseReference(year: 2026, serial: 42).description == "TC-2026-00042")
        #expect(CaseReference(year: 2026, serial: 123_456).description == "TC-2026-123456")
    }

    @Test func parsesForgivingCaseAndSpace() throws {
        #expect(try CaseReference(parsing: " tc-2026-00042 ") == CaseReference(year: 2026, serial: 42))
    }

    @Test(arguments: ["", "TC-2026", "TC-26-00001", "XX-2026-00001", "TC-2026-00000", "TC-2026-abc", "TC-2026-1-2"])
    func refusesWhatIsNotAReference(_ text: String) {
        #expect(throws: InputError.self) { try CaseReference(parsing: text) }
    }
}

@Suite struct FollowUpKeyTests {
    @Test func hasTwentyFiveDigitsInGroupsOfFive() {
        let key = FollowUpKey.generate(using: SeededRandomSource())
        #expect(key.digits.count == 25)
        #expect(key.digits.allSatisfy { $0.isNumber })
        let groups = key.description.split(separator: "-")
        #expect(groups.count == 5 && groups.allSatisfy { $0.count == 5 })
    }

    @Test func carriesAtLeastEightyBitsOfEntropy() {
        // 25 uniform decimal digits.
        #expect(Double(FollowUpKey.digitCount) * log2(10) >= 80)
    }

    @Test func skipsBytesThatWouldBiasTheDigits() {
        // 250...255 would make 0–5 more likely than 6–9; they must be skipped.
        let bytes: [UInt8] = [255, 250, 7] + Array(repeating: 13, count: 24)
        let key = FollowUpKey.generate(using: ScriptedRandomSource(bytes))
        #expect(key.digits == "7" + String(repeating: "3", count: 24))
    }

    @Test func parsesWhatAPersonTypesBack() throws {
        let key = FollowUpKey.generate(using: SeededRandomSource())
        let typed = key.description.replacingOccurrences(of: "-", with: " ")
        #expect(try FollowUpKey(parsing: typed) == key)
        // Pasted with a line break, spaces, tabs, a byte-order mark or typographic dashes.
        for pasted in [
            key.description + "\r\n", "  " + key.description + " \n", "\t" + key.description + "\t",
            "\u{FEFF}" + key.description + "\u{200B}", key.description.replacingOccurrences(of: "-", with: "\u{2013}"),
            key.description.replacingOccurrences(of: "-", with: "\u{00A0}"),
            // A joiner after a digit is one character with it, but still nothing.
            key.description.replacingOccurrences(of: "-", with: "\u{200D}-"),
        ] {
            #expect(try FollowUpKey(parsing: pasted) == key)
        }
        #expect(throws: InputError.self) { try FollowUpKey(parsing: "12345-67890") }
        #expect(throws: InputError.self) { try FollowUpKey(parsing: String(repeating: "a", count: 25)) }
    }
}

@Suite struct ParsableValueTests {
    @Test func acceptsKebabCamelAndAnyCase() throws {
        #expect(try Category.parse("rights-request") == .rightsRequest)
        #expect(try Category.parse("rightsRequest") == .rightsRequest)
        #expect(try CaseStatus.parse("In-Progress") == .inProgress)
        #expect(try OfficerRole.parse("privacy-officer") == .privacyOfficer)
        #expect(try Country.parse("se") == .sweden)
    }

    @Test func unknownValueListsTheValidOnes() {
        #expect {
            try Category.parse("breech")
        } throws: { error in
            let error = error as? InputError
            return error?.field == "category" && error?.message.contains("breach, deviation, complaint") == true
        }
    }

    @Test func aSubsetListsOnlyItsOwnValues() {
        #expect {
            try Category.parse("unclassified", among: Category.assignable)
        } throws: { error in
            let message = (error as? InputError)?.message ?? ""
            return message.hasPrefix("category 'unclassified' cannot be chosen here")
                && !message.hasSuffix("unclassified")
        }
        #expect(
            throws: InputError(
                field: "status",
                message: "status is required; valid values: triaged, in-progress, awaiting-reporter, resolved, closed")
        ) {
            try CaseStatus.parse(" ", among: CaseStatus.settable)
        }
    }

    @Test func errorMessagesNeutraliseControlCharacters() {
        #expect {
            try CaseStatus.parse("\u{1B}[31mred")
        } throws: { error in
            (error as? InputError)?.message.contains("\u{1B}") == false
        }
    }
}

@Suite struct TerminalTextTests {
    @Test func escapesControlCharactersInALine() {
        #expect(TerminalText.line("a\u{1B}[2Jb\nc\u{202E}") == "a\\u{1b}[2Jb\\u{a}c\\u{202e}")
    }

    @Test func keepsLineBreaksInABlock() {
        #expect(TerminalText.block("one\ntwo\r\u{7}") == "one\ntwo\\u{d}\\u{7}")
    }

    @Test func alignsTableColumns() {
        let table = TextTable.render(header: ["A", "BB"], rows: [["xxx", "y"], ["z", "w\u{1B}"]])
        #expect(table == "A    BB\nxxx  y\nz    w\\u{1b}\n")
    }
}
