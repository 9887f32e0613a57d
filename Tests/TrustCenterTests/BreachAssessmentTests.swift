import Foundation
import Testing
import TrustCenter

@Suite struct BreachAssessmentTests {
    @Test(arguments: BreachScenario.all)
    func scenarioGetsTheGuidancesOutcome(_ scenario: BreachScenario) {
        let assessment = BreachAssessment.evaluate(scenario.facts)
        #expect(assessment.level == scenario.level, "\(assessment.reasons.joined(separator: "\n"))")
        #expect(assessment.notifyAuthority == scenario.authority)
        #expect(assessment.notifySubjects == scenario.subjects)
    }

    @Test func theScenariosCoverEveryLevel() {
        #expect(BreachScenario.all.count >= 12)
        for level in RiskLevel.allCases { #expect(BreachScenario.all.contains { $0.level == level }) }
    }

    @Test(arguments: BreachScenario.all)
    func reasonsShowTheSeverityBandAndTheRecommendation(_ scenario: BreachScenario) {
        let assessment = BreachAssessment.evaluate(scenario.facts)
        #expect(!assessment.reasons.isEmpty)
        #expect(assessment.enisaBand == SeverityBand(severity: assessment.severity))
        #expect(
            assessment.reasons.contains {
                $0.hasPrefix("severity \(String(format: "%.2f", assessment.severity).trimmingZeros)")
                    && $0.hasSuffix("is \(assessment.enisaBand.words)")
            })
        #expect(assessment.reasons.contains { $0.contains("Art. 33") })
        #expect(assessment.notifyAuthority == (assessment.level != .none))
        #expect(!assessment.notifySubjects || assessment.level == .high)
    }

    @Test func computesENISAStepByStep() {
        // docs/assessment.md, example 1: job applicants' data exfiltrated.
        let applicants = BreachAssessment.evaluate(BreachScenario.named("job applicants' data exfiltrated"))
        #expect((applicants.dpc, applicants.ei, applicants.cb, applicants.severity) == (3, 1, 1, 4))
        #expect(applicants.enisaBand == .veryHigh)
        #expect(
            applicants.reasons.prefix(5) == [
                "data processing context 3.0: identity numbers",
                "ease of identification 1.0 (full)",
                "circumstances +0.5 for confidentiality: unknown recipients, exfiltration confirmed",
                "circumstances +0.5: malicious intent",
                "severity 4.0 = 3.0 × 1.0 + 1.0 is very high (ENISA 4 and over)",
            ])
        // Example 2: the former employee.
        let employee = BreachAssessment.evaluate(BreachScenario.named("former employee takes the customer list"))
        #expect((employee.dpc, employee.ei, employee.cb, employee.severity) == (1, 1, 0.75, 1.75))
        #expect(employee.reasons.contains("raised to a risk by 500 data subjects (100 or more); malicious intent"))
        // Example 3: the encrypted tape.
        let tape = BreachAssessment.evaluate(BreachScenario.named("encrypted patient tape lost, serious consequences"))
        #expect((tape.dpc, tape.ei, tape.cb, tape.severity) == (4, 0.25, 0, 1))
        #expect(tape.exceptionA)
        #expect(
            tape.reasons.contains(
                "the data were unintelligible with the key safe: Art. 34(3)(a) applies, data subjects need not be told")
        )
        // Vulnerable people add 1, at most 4; limited identifiability halves.
        let usb = BreachAssessment.evaluate(BreachScenario.named("unencrypted USB stick with children's data lost"))
        #expect((usb.dpc, usb.severity) == (4, 4.5))
        let research = BreachAssessment.evaluate(BreachScenario.named("pseudonymised health data to the wrong partner"))
        #expect((research.dpc, research.ei, research.severity) == (4, 0.5, 2.25))
    }

    @Test func lowSeverityStaysUnlikelyWithoutARaisingFactor() {
        let letter = BreachAssessment.evaluate(BreachScenario.named("letter with basic data to the wrong person"))
        #expect(letter.severity == 1.25 && letter.level == .none)
        var many = BreachScenario.named("letter with basic data to the wrong person")
        many.dataSubjects = BreachAssessment.largeNumber
        #expect(BreachAssessment.evaluate(many).level == .risk)
        many.dataSubjects = BreachAssessment.largeNumber - 1
        many.malicious = true
        #expect(BreachAssessment.evaluate(many).level == .risk)
    }

    @Test func containedBreachesAreLoweredWhateverTheirSeverity() {
        let trusted = BreachAssessment.evaluate(
            BreachScenario.named("health data emailed to a trusted recipient who deleted it"))
        #expect(trusted.enisaBand == .veryHigh && trusted.level == .none)
        #expect(
            trusted.reasons.contains(
                "lowered to unlikely to result in a risk: the recipient is trusted and confirmed deletion"))
        // The same email to a known recipient who did not confirm deletion is a high risk.
        var untrusted = BreachScenario.named("health data emailed to a trusted recipient who deleted it")
        untrusted.recipient = .known
        #expect(BreachAssessment.evaluate(untrusted).level == .high)
        // Logs that rule exfiltration out lower an exposure of the same data to the public.
        var exposed = untrusted
        exposed.recipient = .public
        exposed.exfiltration = .ruledOut
        #expect(BreachAssessment.evaluate(exposed).level == .none)
    }

    @Test func unintelligibleDataDoNotExcuseLossOrAlteration() {
        let noBackup = BreachAssessment.evaluate(BreachScenario.named("encrypted laptop stolen, no backup"))
        #expect((noBackup.ei, noBackup.severity) == (0.25, 2))
        var serious = BreachScenario.named("encrypted laptop stolen, no backup")
        serious.seriousConsequences = true
        let assessment = BreachAssessment.evaluate(serious)
        #expect(assessment.level == .high && assessment.notifySubjects && !assessment.exceptionA)
        #expect(assessment.reasons.contains { $0.hasPrefix("Art. 34(3)(a) does not apply") })
        // Unintelligible data do not lower a breach that is not one of confidentiality.
        var ransomware = BreachScenario.named("payroll bank accounts altered")
        ransomware.unintelligible = true
        #expect(BreachAssessment.evaluate(ransomware).ei == 1)
    }

    @Test func seriousConsequencesMeanTellingTheSubjects() {
        var letter = BreachScenario.named("letter with basic data to the wrong person")
        letter.seriousConsequences = true
        let assessment = BreachAssessment.evaluate(letter)
        #expect(assessment.level == .high && assessment.notifySubjects)
        #expect(assessment.reasons.contains { $0.contains("Danish guidance") })
    }

    @Test func isDeterministicWhateverTheOrderOfTheFacts() {
        for scenario in BreachScenario.all {
            var reordered = scenario.facts
            reordered.breachTypes.reverse()
            reordered.dataCategories.reverse()
            #expect(BreachAssessment.evaluate(reordered) == BreachAssessment.evaluate(scenario.facts))
        }
    }

    @Test func reasonsHoldOnlyWordsOfTheMethod() {
        // The facts carry no personal data, and the reasons are built from fixed words and numbers.
        for scenario in BreachScenario.all {
            for reason in BreachAssessment.evaluate(scenario.facts).reasons {
                #expect(reason.unicodeScalars.allSatisfy { $0.isASCII || "×–".unicodeScalars.contains($0) })
                #expect(!reason.contains("@") && !reason.contains("\n"))
            }
        }
    }

    @Test func assessmentEncodesTheAgreedKeys() throws {
        let assessment = BreachAssessment.evaluate(BreachScenario.named("ransomware without backup"))
        let data = try JSONEncoder().encode(assessment)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "severity", "level", "notifyAuthority", "notifySubjects", "reasons", "dpc", "ei", "cb", "enisaBand",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["level"] as? String == "risk")
        #expect(object["severity"] as? Double == 1.75)
        #expect(try JSONDecoder().decode(BreachAssessment.self, from: data) == assessment)
        let veryHigh = try JSONEncoder().encode(
            BreachAssessment.evaluate(BreachScenario.named("job applicants' data exfiltrated")))
        #expect(String(decoding: veryHigh, as: UTF8.self).contains(#""enisaBand":"very-high""#))
    }
}
