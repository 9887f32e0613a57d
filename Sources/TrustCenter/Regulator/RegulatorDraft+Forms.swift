import Foundation

/// The fields of the authorities' forms, in their order: `docs/drafts.md` lists them.
enum DraftKey: String, CaseIterable, Sendable {
    case controller, organisationNumber, postalAddress, ownReference, authorityReference, contact
    case whatHappened, cause, breachType, period, occurredAt, discovered, ended
    case subjectCategories, subjectsCount, dataCategories, recordsCount, whereNow
    case consequences, riskLevel
    case measuresTaken, measuresPlanned, measures, mitigation, measuresBefore
    case subjectsInformed, missingInfo, delayReason

    /// What a missing value means: it follows later, or the officer fills it in on the form
    /// because Trust Center does not know it (the organisation number) or it is due now (the
    /// reasons for a late notice).
    var fillIn: Bool { self == .organisationNumber || self == .postalAddress || self == .delayReason }
}

extension RegulatorDraft.Authority {
    /// The fields of the authority's form, in the form's order.
    var keys: [DraftKey] {
        switch self {
        case .datatilsynetNO:
            [
                .controller, .ownReference, .authorityReference, .contact, .cause, .period, .discovered,
                .subjectsCount, .recordsCount, .whatHappened, .breachType, .dataCategories, .subjectCategories,
                .whereNow, .consequences, .riskLevel, .measuresTaken, .measuresPlanned, .subjectsInformed,
                .delayReason,
            ]
        case .imy:
            [
                .controller, .organisationNumber, .postalAddress, .ownReference, .authorityReference, .contact,
                .occurredAt, .discovered, .ended, .whatHappened, .cause, .breachType, .subjectCategories,
                .subjectsCount, .dataCategories, .recordsCount, .consequences, .riskLevel, .measuresTaken,
                .measuresPlanned, .subjectsInformed, .delayReason,
            ]
        case .datatilsynetDK:
            [
                .controller, .ownReference, .authorityReference, .contact, .whatHappened, .cause, .breachType,
                .period, .discovered, .subjectCategories, .subjectsCount, .dataCategories, .recordsCount,
                .consequences, .riskLevel, .measures, .measuresBefore, .mitigation, .subjectsInformed, .missingInfo,
                .delayReason,
            ]
        }
    }

    /// The form's title.
    var title: RegulatorDraft.Wording {
        switch self {
        case .datatilsynetNO:
            .init(
                .nb, local: "Melding om brudd på personopplysningssikkerheten",
                english: "Notification of a personal data breach")
        case .imy:
            .init(.sv, local: "Anmälan av personuppgiftsincident", english: "Notification of a personal data breach")
        case .datatilsynetDK:
            .init(
                .da, local: "Anmeldelse af brud på persondatasikkerheden",
                english: "Notification of a personal data breach")
        }
    }

    /// The stage as the authority calls it: "Første melding", "Komplettering", "Endelig anmeldelse".
    func stageName(_ stage: NotificationStage) -> String {
        switch (self, stage) {
        case (.datatilsynetNO, .initial): "Foreløpig melding"
        case (.datatilsynetNO, .supplement): "Ettersending av opplysninger"
        case (.datatilsynetNO, .final): "Endelig melding"
        case (.imy, .initial): "Första anmälan"
        case (.imy, .supplement): "Komplettering"
        case (.imy, .final): "Slutlig anmälan"
        case (.datatilsynetDK, .initial): "Foreløbig anmeldelse"
        case (.datatilsynetDK, .supplement): "Supplerende anmeldelse"
        case (.datatilsynetDK, .final): "Endelig anmeldelse"
        }
    }

    /// The label of a field on this authority's form, in its language and in English.
    func label(_ key: DraftKey) -> RegulatorDraft.Wording {
        let (local, english) =
            switch self {
            case .datatilsynetNO: Self.norwegian(key)
            case .imy: Self.swedish(key)
            case .datatilsynetDK: Self.danish(key)
            }
        return RegulatorDraft.Wording(language, local: local, english: english)
    }

    private static func norwegian(_ key: DraftKey) -> (String, String) {
        switch key {
        case .controller: ("Virksomhetens navn", "Name of the organisation")
        case .organisationNumber: ("Organisasjonsnummer", "Organisation number")
        case .postalAddress: ("Postadresse", "Postal address")
        case .ownReference: ("Virksomhetens egen referanse", "The organisation's own reference")
        case .authorityReference: ("Datatilsynets saksnummer", "Datatilsynet's case number")
        case .contact: ("Kontaktperson", "Contact person")
        case .whatHappened: ("Hva har skjedd, og hvordan skjedde det?", "What happened, and how did it happen?")
        case .cause: ("Hovedårsak", "Main cause")
        case .breachType: ("Type brudd", "Type of breach")
        case .period, .occurredAt, .ended: ("Tidsrom for bruddet", "Time period of the breach")
        case .discovered: ("Når ble bruddet oppdaget?", "When was the breach discovered?")
        case .subjectCategories:
            ("Virksomhetens forhold til de berørte", "The organisation's relation to the affected persons")
        case .subjectsCount: ("Antall berørte personer", "Number of affected persons")
        case .dataCategories:
            ("Hvilke typer personopplysninger er berørt?", "Which types of personal data are affected?")
        case .recordsCount: ("Antall berørte registreringer", "Number of records affected")
        case .whereNow: ("Hvor er personopplysningene nå?", "Where are the personal data now?")
        case .consequences: ("Mulige konsekvenser for de berørte", "Possible consequences for the affected persons")
        case .riskLevel: ("Vurdert risiko for de berørte", "Assessed risk to the affected persons")
        case .measuresTaken, .mitigation:
            (
                "Tiltak som er iverksatt for å begrense skadevirkningene og hindre gjentakelse",
                "Measures taken to limit the harm and prevent a recurrence"
            )
        case .measuresPlanned, .measures: ("Planlagte tiltak", "Measures planned")
        case .measuresBefore: ("Tiltak som var på plass før bruddet", "Measures in place before the breach")
        case .subjectsInformed:
            (
                "Er de berørte informert, og i så fall hvordan?",
                "Have the affected persons been informed, and if so how?"
            )
        case .missingInfo: ("Når ettersendes manglende opplysninger?", "When will the missing information follow?")
        case .delayReason:
            (
                "Årsak til at meldingen kommer senere enn 72 timer etter at bruddet ble oppdaget",
                "Reasons why the notification comes later than 72 hours after the breach was discovered"
            )
        }
    }

    private static func swedish(_ key: DraftKey) -> (String, String) {
        switch key {
        case .controller: ("Personuppgiftsansvarig", "Controller")
        case .organisationNumber: ("Organisationsnummer", "Organisation number")
        case .postalAddress: ("Postadress", "Postal address")
        case .ownReference: ("Egen referens", "Own reference")
        case .authorityReference: ("IMY:s diarienummer", "IMY's reference number")
        case .contact: ("Kontaktperson", "Contact person")
        case .whatHappened: ("Beskrivning av incidenten", "Description of the incident")
        case .cause: ("Orsak till incidenten", "Cause of the incident")
        case .breachType: ("Typ av incident", "Type of incident")
        case .period: ("Tidsperiod för incidenten", "Period of the incident")
        case .occurredAt: ("När inträffade incidenten?", "When did the incident happen?")
        case .discovered: ("När upptäcktes den?", "When was it discovered?")
        case .ended: ("När upphörde den?", "When did it end?")
        case .subjectCategories: ("Kategorier av registrerade", "Categories of data subjects")
        case .subjectsCount: ("Ungefärligt antal registrerade", "Approximate number of data subjects")
        case .dataCategories: ("Kategorier av personuppgifter", "Categories of personal data")
        case .recordsCount: ("Ungefärligt antal personuppgiftsposter", "Approximate number of personal data records")
        case .whereNow: ("Var finns personuppgifterna nu?", "Where are the personal data now?")
        case .consequences: ("Sannolika konsekvenser för de registrerade", "Likely consequences for the data subjects")
        case .riskLevel: ("Bedömd allvarlighetsgrad", "Assessed severity")
        case .measuresTaken, .mitigation: ("Vidtagna åtgärder", "Measures taken")
        case .measuresPlanned, .measures: ("Planerade åtgärder", "Measures planned")
        case .measuresBefore: ("Åtgärder som fanns före incidenten", "Measures in place before the incident")
        case .subjectsInformed:
            (
                "När informerades eller kommer de registrerade att informeras, eller varför inte?",
                "When were or will the data subjects be informed, or why not?"
            )
        case .missingInfo: ("När kompletteras anmälan?", "When will the notification be supplemented?")
        case .delayReason:
            (
                "Skäl till att anmälan görs senare än 72 timmar efter att incidenten upptäcktes",
                "Reasons why the notification is made later than 72 hours after the incident was discovered"
            )
        }
    }

    private static func danish(_ key: DraftKey) -> (String, String) {
        switch key {
        case .controller: ("Dataansvarlig", "Controller")
        case .organisationNumber: ("CVR-nummer", "Company registration number")
        case .postalAddress: ("Postadresse", "Postal address")
        case .ownReference: ("Egen reference", "Own reference")
        case .authorityReference: ("Datatilsynets journalnummer", "Datatilsynet's reference number")
        case .contact: ("Kontaktperson", "Contact person")
        case .whatHappened: ("Beskrivelse af bruddet", "Description of the breach")
        case .cause: ("Årsag til bruddet", "Cause of the breach")
        case .breachType: ("Type af brud", "Type of breach")
        case .period, .occurredAt, .ended: ("Tidsrum for bruddet", "Period of the breach")
        case .discovered: ("Hvornår blev bruddet opdaget?", "When was the breach discovered?")
        case .subjectCategories: ("Kategorier af berørte personer", "Categories of persons affected")
        case .subjectsCount: ("Antal berørte personer", "Number of persons affected")
        case .dataCategories: ("Kategorier af personoplysninger", "Categories of personal data")
        case .recordsCount: ("Antal berørte registreringer", "Number of records affected")
        case .whereNow: ("Hvor er personoplysningerne nu?", "Where are the personal data now?")
        case .consequences: ("Sandsynlige konsekvenser af bruddet", "Likely consequences of the breach")
        case .riskLevel: ("Vurdering af risikoen for de registrerede", "Assessment of the risk to the data subjects")
        case .measuresTaken, .measures: ("Trufne eller foreslåede foranstaltninger", "Measures taken or proposed")
        case .measuresPlanned: ("Planlagte foranstaltninger", "Measures planned")
        case .measuresBefore:
            ("Sikkerhedsforanstaltninger, der var på plads før bruddet", "Security measures in place before the breach")
        case .mitigation:
            (
                "Foranstaltninger til at begrænse bruddets mulige skadevirkninger",
                "Measures to limit the possible adverse effects of the breach"
            )
        case .subjectsInformed:
            (
                "Er de registrerede underrettet? Hvordan og hvornår, eller hvorfor ikke?",
                "Have the data subjects been told? How and when, or why not?"
            )
        case .missingInfo:
            ("Hvornår eftersendes de manglende oplysninger?", "When will the missing information follow?")
        case .delayReason:
            (
                "Begrundelse for, at anmeldelsen sker senere end 72 timer efter, at bruddet blev opdaget",
                "Reasons why the notification comes later than 72 hours after the breach was discovered"
            )
        }
    }
}
