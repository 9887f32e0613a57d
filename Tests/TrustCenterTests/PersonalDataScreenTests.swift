import Foundation
import Testing
import TrustCenter

@Suite struct PersonalDataScreenTests {
    @Test(arguments: [
        ("write to ola.nordmann@example.no", "an email address"),
        ("fødselsnummer 01017012345", "what looks like a national identity number"),
        ("personnummer 19700101-1234", "what looks like a national identity number"),
        ("CPR 010170-1234", "what looks like a national identity number"),
        ("call +47 912 34 567", "what looks like a phone number"),
        ("call 91234567", "what looks like a phone number"),
        ("ring 12 34 56 78", "what looks like a phone number"),
        ("personnummer 197001011234", "what looks like a national identity number"),
        ("personnummer 7001011234", "what looks like a national identity number"),
        ("CPR 0101701234", "what looks like a national identity number"),
        ("ring 070-123 45 67", "what looks like a phone number"),
    ])
    func findsWhatNamesPeople(text: String, finding: String) {
        #expect(PersonalDataScreen.finding(in: text) == finding)
    }

    @Test(arguments: [
        "40 employees, 12 000 000 records", "discovered 2026-03-10 at 08:15", "organisation 995 944 383",
        "version 2.28.1", "case TC-2026-00042", "on 20260310", "12000000 records",
        "Acme Sverige AB, 556036-0793",
    ])
    func letsOrdinaryFactsThrough(text: String) {
        #expect(PersonalDataScreen.finding(in: text) == nil)
    }
}
