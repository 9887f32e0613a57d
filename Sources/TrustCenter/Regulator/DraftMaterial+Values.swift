import Foundation

/// The value of each field of a draft, from what officers recorded.
extension DraftMaterial {
    typealias Wording = RegulatorDraft.Wording

    func value(_ key: DraftKey) -> Wording? {
        let facts = assessment?.facts
        switch key {
        case .controller: return same(entityName)
        case .organisationNumber, .postalAddress: return nil
        case .ownReference: return same(reference.description)
        case .authorityReference: return authorityReference.map(same)
        case .contact: return same("\(contact.name) <\(contact.email)>")
        case .whatHappened: return account.whatHappened.map(same)
        case .cause: return account.cause.map(same)
        case .breachType: return facts.map { list($0.breachTypes.map(words)) }
        case .period: return period()
        case .occurredAt: return account.occurredFrom.map { same(minute($0)) }
        case .ended: return account.occurredUntil.map { same(minute($0)) }
        case .discovered: return same(minute(discovered))
        case .subjectCategories:
            guard let groups = account.subjectGroups else { return nil }
            guard facts?.vulnerableSubjects == true else { return same(groups) }
            return join([
                same(groups),
                say(
                    "Blant de berørte er sårbare personer (for eksempel barn eller pasienter).",
                    "Bland de registrerade finns sårbara personer (till exempel barn eller patienter).",
                    "Blandt de berørte er sårbare personer (for eksempel børn eller patienter).",
                    "The affected include vulnerable people (such as children or patients)."),
            ])
        case .subjectsCount: return facts.map { about($0.dataSubjects) }
        case .dataCategories: return facts.map { list($0.dataCategories.map(words)) }
        case .recordsCount: return facts?.records.map(about)
        case .whereNow: return facts.map(whereNow)
        case .consequences: return account.consequences.map(same)
        case .riskLevel: return assessment.map { risk($0.result) }
        case .measuresTaken:
            return join((account.immediateMeasures.map { [same($0)] } ?? []) + actions.compactMap(done))
        case .mitigation: return account.immediateMeasures.map(same)
        case .measuresBefore: return account.measuresBefore.map(same)
        case .measuresPlanned:
            if let planned = join(actions.compactMap(planned)) { return planned }
            guard !actions.isEmpty else { return nil }
            return say(
                "Ingen åpne tiltak; alle registrerte tiltak er gjennomført.",
                "Inga öppna åtgärder; alla registrerade åtgärder är genomförda.",
                "Ingen åbne foranstaltninger; alle registrerede foranstaltninger er gennemført.",
                "None open; every recorded measure is done.")
        case .measures: return join(actions.compactMap(done) + actions.compactMap(planned))
        case .subjectsInformed: return subjectsInformed()
        case .missingInfo: return nil
        case .delayReason: return lateReason.map(same)
        }
    }

    private func period() -> Wording? {
        switch (account.occurredFrom, account.occurredUntil) {
        case (let from?, let until?): return same("\(minute(from)) – \(minute(until))")
        case (let from?, nil):
            let from = minute(from)
            return say(
                "Fra \(from); slutten er ikke kjent ennå", "Från \(from); slutet är ännu inte känt",
                "Fra \(from); afslutningen kendes endnu ikke", "From \(from); the end is not known yet")
        case (nil, let until?):
            let until = minute(until)
            return say(
                "Til \(until); starten er ikke kjent ennå", "Till \(until); början är ännu inte känd",
                "Til \(until); begyndelsen kendes endnu ikke", "Until \(until); the start is not known yet")
        case (nil, nil): return nil
        }
    }

    private func whereNow(_ facts: BreachFacts) -> Wording {
        var parts: [Wording] = []
        switch facts.recipient {
        case .none:
            parts.append(
                say(
                    "Opplysningene har ikke kommet uvedkommende i hende.",
                    "Uppgifterna har inte kommit obehöriga till del.",
                    "Oplysningerne er ikke kommet uvedkommende i hænde.",
                    "The data have not reached anyone not entitled to them."))
        case .trusted:
            parts.append(
                say(
                    "Opplysningene kom til en mottaker med taushetsplikt, som har bekreftet at de er slettet eller "
                        + "returnert.",
                    "Uppgifterna kom till en mottagare med tystnadsplikt, som har bekräftat att de är raderade eller "
                        + "återlämnade.",
                    "Oplysningerne kom til en modtager med tavshedspligt, som har bekræftet, at de er slettet eller "
                        + "returneret.",
                    "The data reached a recipient bound to confidentiality, who confirmed deleting or returning them."))
        case .known:
            parts.append(
                say(
                    "Opplysningene har kommet til et kjent antall identifiserte mottakere som ikke har bekreftet "
                        + "sletting.",
                    "Uppgifterna har kommit till ett känt antal identifierade mottagare som inte har bekräftat "
                        + "radering.",
                    "Oplysningerne er kommet til et kendt antal identificerede modtagere, som ikke har bekræftet "
                        + "sletning.",
                    "The data reached a known number of identified recipients who have not confirmed deletion."))
        case .unknown:
            parts.append(
                say(
                    "Opplysningene kan være hos ukjente mottakere.", "Uppgifterna kan finnas hos okända mottagare.",
                    "Oplysningerne kan være hos ukendte modtagere.", "The data may be with unknown recipients."))
        case .public:
            parts.append(
                say(
                    "Opplysningene er gjort offentlig tilgjengelige (for eksempel på internett).",
                    "Uppgifterna har offentliggjorts (till exempel på internet).",
                    "Oplysningerne er gjort offentligt tilgængelige (for eksempel på internettet).",
                    "The data were made public (for example on the internet)."))
        }
        if facts.breachTypes.contains(.confidentiality) {
            switch facts.exfiltration {
            case .ruledOut:
                parts.append(
                    say(
                        "Det er utelukket at opplysningene ble lest eller kopiert.",
                        "Det är uteslutet att uppgifterna lästes eller kopierades.",
                        "Det er udelukket, at oplysningerne blev læst eller kopieret.",
                        "It is ruled out that the data were read or copied."))
            case .possible:
                parts.append(
                    say(
                        "Det kan ikke utelukkes at opplysningene ble lest eller kopiert.",
                        "Det kan inte uteslutas att uppgifterna lästes eller kopierades.",
                        "Det kan ikke udelukkes, at oplysningerne blev læst eller kopieret.",
                        "It cannot be ruled out that the data were read or copied."))
            case .confirmed:
                parts.append(
                    say(
                        "Opplysningene ble lest eller kopiert.", "Uppgifterna lästes eller kopierades.",
                        "Oplysningerne blev læst eller kopieret.", "The data were read or copied."))
            }
            if facts.unintelligible {
                parts.append(
                    say(
                        "Opplysningene var kryptert eller på annen måte uleselige, og nøkkelen er ikke kompromittert.",
                        "Uppgifterna var krypterade eller på annat sätt oläsliga, och nyckeln har inte röjts.",
                        "Oplysningerne var krypterede eller på anden måde ulæselige, og nøglen er ikke kompromitteret.",
                        "The data were encrypted or otherwise unintelligible, and the key was not compromised."))
            }
        }
        switch facts.availability {
        case .none: break
        case .hours:
            parts.append(
                say(
                    "Opplysningene var utilgjengelige i noen timer og er gjenopprettet.",
                    "Uppgifterna var otillgängliga i några timmar och har återställts.",
                    "Oplysningerne var utilgængelige i nogle timer og er genskabt.",
                    "The data were unavailable for some hours and have been restored."))
        case .days:
            parts.append(
                say(
                    "Opplysningene var utilgjengelige i flere dager.", "Uppgifterna var otillgängliga i flera dagar.",
                    "Oplysningerne var utilgængelige i flere dage.", "The data were unavailable for days."))
        case .permanent:
            parts.append(
                say(
                    "Opplysningene er tapt for godt.", "Uppgifterna har gått förlorade för gott.",
                    "Oplysningerne er gået tabt for altid.", "The data are lost for good."))
        }
        switch facts.integrity {
        case .none: break
        case .recoverable:
            parts.append(
                say(
                    "Opplysningene ble endret; de riktige opplysningene kan gjenopprettes.",
                    "Uppgifterna ändrades; de korrekta uppgifterna kan återställas.",
                    "Oplysningerne blev ændret; de korrekte oplysninger kan genskabes.",
                    "The data were altered; the correct data can be restored."))
        case .unrecoverable:
            parts.append(
                say(
                    "Opplysningene ble endret, og de riktige opplysningene kan ikke gjenopprettes.",
                    "Uppgifterna ändrades, och de korrekta uppgifterna kan inte återställas.",
                    "Oplysningerne blev ændret, og de korrekte oplysninger kan ikke genskabes.",
                    "The data were altered, and the correct data cannot be restored."))
        }
        return Wording(
            language, local: parts.map(\.local).joined(separator: " "),
            english: parts.map(\.english).joined(separator: " "))
    }

    private func risk(_ result: BreachAssessment) -> Wording {
        let level =
            switch result.level {
            case .none:
                say(
                    "lite sannsynlig at bruddet medfører en risiko", "osannolikt att incidenten medför en risk",
                    "usandsynligt, at bruddet indebærer en risiko", "unlikely to result in a risk")
            case .risk: say("risiko", "risk", "risiko", "a risk")
            case .high: say("høy risiko", "hög risk", "høj risiko", "a high risk")
            }
        let band =
            switch result.enisaBand {
            case .low: say("lav", "låg", "lav", "low")
            case .medium: say("middels", "medel", "middel", "medium")
            case .high: say("høy", "hög", "høj", "high")
            case .veryHigh: say("svært høy", "mycket hög", "meget høj", "very high")
            }
        let local = Self.decimal(result.severity, separator: ",")
        let english = Self.decimal(result.severity, separator: ".")
        return say(
            "\(level.local.capitalizedFirst) (alvorlighetsgrad etter ENISA-metoden: \(local), \(band.local))",
            "\(level.local.capitalizedFirst) (allvarlighetsgrad enligt ENISA:s metod: \(local), \(band.local))",
            "\(level.local.capitalizedFirst) (alvorlighed efter ENISA-metoden: \(local), \(band.local))",
            "\(level.english.capitalizedFirst) (severity by the ENISA method: \(english), \(band.english))")
    }

    private func subjectsInformed() -> Wording? {
        var parts: [Wording] = []
        if let decision {
            switch decision.subjects {
            case .yes:
                if subjectsTold.isEmpty {
                    parts.append(
                        say(
                            "Ikke ennå. De berørte vil bli informert uten ugrunnet opphold.",
                            "Inte ännu. De registrerade kommer att informeras utan onödigt dröjsmål.",
                            "Ikke endnu. De registrerede vil blive underrettet uden unødig forsinkelse.",
                            "Not yet. They will be told without undue delay."))
                }
            case .no:
                parts.append(say("Nei.", "Nej.", "Nej.", "No."))
                if assessment?.result.level != .high {
                    parts.append(
                        say(
                            "Bruddet er ikke vurdert å medføre høy risiko for dem (artikkel 34 nr. 1).",
                            "Incidenten bedöms inte medföra en hög risk för dem (artikel 34.1).",
                            "Bruddet vurderes ikke at indebære en høj risiko for dem (artikel 34, stk. 1).",
                            "The breach is not assessed as likely to result in a high risk to them (Art. 34(1))."))
                }
            case .exceptionA:
                parts.append(
                    say(
                        "Nei. Unntaket i artikkel 34 nr. 3 bokstav a gjelder: opplysningene var uforståelige for "
                            + "uvedkommende (for eksempel kryptert).",
                        "Nej. Undantaget i artikel 34.3 a gäller: uppgifterna var obegripliga för obehöriga (till "
                            + "exempel krypterade).",
                        "Nej. Undtagelsen i artikel 34, stk. 3, litra a, gælder: oplysningerne var uforståelige for "
                            + "uvedkommende (for eksempel krypterede).",
                        "No. \(SubjectsDecision.exceptionA.explanation)."))
            case .exceptionB:
                parts.append(
                    say(
                        "Nei. Unntaket i artikkel 34 nr. 3 bokstav b gjelder: senere tiltak har sørget for at den "
                            + "høye risikoen ikke lenger er sannsynlig.",
                        "Nej. Undantaget i artikel 34.3 b gäller: efterföljande åtgärder har säkerställt att den höga "
                            + "risken inte längre är sannolik.",
                        "Nej. Undtagelsen i artikel 34, stk. 3, litra b, gælder: efterfølgende foranstaltninger har "
                            + "sikret, at den høje risiko ikke længere er sandsynlig.",
                        "No. \(SubjectsDecision.exceptionB.explanation)."))
            case .exceptionC:
                parts.append(
                    say(
                        "Unntaket i artikkel 34 nr. 3 bokstav c gjelder: å informere hver enkelt ville kreve "
                            + "uforholdsmessig stor innsats, så det gis offentlig informasjon i stedet.",
                        "Undantaget i artikel 34.3 c gäller: att informera var och en skulle innebära en "
                            + "oproportionerligt stor ansträngning, så informationen lämnas offentligt i stället.",
                        "Undtagelsen i artikel 34, stk. 3, litra c, gælder: at underrette hver enkelt ville kræve en "
                            + "uforholdsmæssig stor indsats, så der gives en offentlig meddelelse i stedet.",
                        "\(SubjectsDecision.exceptionC.explanation)."))
            }
            if decision.subjects != .yes, let reason = decision.reason {
                parts.append(
                    say(
                        "Begrunnelse: \(reason)", "Motivering: \(reason)", "Begrundelse: \(reason)", "Reason: \(reason)"
                    ))
            }
        }
        for told in subjectsTold {
            let when = minute(told.at)
            parts.append(
                say(
                    "Informert \(when): \(told.how)", "Informerades \(when): \(told.how)",
                    "Underrettet \(when): \(told.how)", "Told on \(when): \(told.how)"))
        }
        return join(parts)
    }

    func missingInfo(_ missing: [Wording]) -> Wording {
        guard !missing.isEmpty else {
            return say(
                "Ingen opplysninger mangler.", "Inga uppgifter saknas.", "Der mangler ingen oplysninger.",
                "No information is missing.")
        }
        let by = minute(followBy)
        let local = missing.map(\.local).joined(separator: "; ")
        let english = missing.map(\.english).joined(separator: "; ")
        return say(
            "Følgende ettersendes senest \(by): \(local)", "Följande kompletteras senast \(by): \(local)",
            "Følgende eftersendes senest \(by): \(local)", "The following will follow by \(by): \(english)")
    }

    private func done(_ action: Action) -> Wording? {
        guard let doneAt = action.doneAt else { return nil }
        let day = LocalDate(doneAt, in: zone).description
        return say(
            "Gjennomført \(day): \(action.what)", "Genomförd \(day): \(action.what)",
            "Gennemført \(day): \(action.what)", "Done \(day): \(action.what)")
    }

    private func planned(_ action: Action) -> Wording? {
        guard action.doneAt == nil else { return nil }
        let day = action.dueDate.description
        return say(
            "Planlagt innen \(day): \(action.what)", "Planerad senast \(day): \(action.what)",
            "Planlagt senest \(day): \(action.what)", "Planned by \(day): \(action.what)")
    }
}
