import Foundation

/// The words of a draft: facts' values in the authority's language and English, and the
/// helpers that pair a text with its English.
extension DraftMaterial {
    func words(_ type: BreachType) -> Wording {
        switch type {
        case .confidentiality:
            say(
                "brudd på konfidensialiteten (uautorisert tilgang eller utlevering)",
                "brott mot konfidentialiteten (obehörig åtkomst eller obehörigt röjande)",
                "brud på fortroligheden (uautoriseret adgang eller videregivelse)",
                "confidentiality (unauthorised disclosure or access)")
        case .integrity:
            say(
                "brudd på integriteten (uautorisert endring)", "brott mot riktigheten (obehörig ändring)",
                "brud på integriteten (uautoriseret ændring)", "integrity (unauthorised alteration)")
        case .availability:
            say(
                "brudd på tilgjengeligheten (tap eller ødeleggelse)",
                "brott mot tillgängligheten (förlust eller förstöring)",
                "brud på tilgængeligheden (tab eller tilintetgørelse)", "availability (loss or destruction)")
        }
    }

    func words(_ category: DataCategory) -> Wording {
        switch category {
        case .basic:
            say(
                "alminnelige personopplysninger (navn, kontaktopplysninger, fødselsdato o.l.)",
                "vanliga personuppgifter (namn, kontaktuppgifter, födelsedatum o.d.)",
                "almindelige personoplysninger (navn, kontaktoplysninger, fødselsdato o.l.)",
                "basic data (name, contact details, date of birth and the like)")
        case .identityNumber:
            say(
                "fødselsnummer eller andre nasjonale identifikasjonsnumre",
                "personnummer eller andra nationella identifikationsnummer",
                "CPR-numre eller andre nationale identifikationsnumre", "national identity numbers")
        case .financial:
            say(
                "økonomiske opplysninger (kontonummer, kortdata, inntekt)",
                "ekonomiska uppgifter (kontonummer, kortuppgifter, inkomst)",
                "økonomiske oplysninger (kontonumre, kortdata, indkomst)",
                "financial data (account numbers, card data, income)")
        case .credentials:
            say(
                "brukernavn og passord eller andre påloggingsopplysninger",
                "användarnamn och lösenord eller andra inloggningsuppgifter",
                "brugernavne og adgangskoder eller andre loginoplysninger",
                "credentials (user names with passwords or other secrets)")
        case .location:
            say("lokasjonsdata", "platsuppgifter", "lokaliseringsdata", "location data")
        case .communication:
            say(
                "kommunikasjonsdata (innhold i meldinger, trafikkdata)",
                "kommunikationsuppgifter (innehåll i meddelanden, trafikuppgifter)",
                "kommunikationsdata (indhold af beskeder, trafikdata)",
                "communication data (message content, traffic data)")
        case .specialCategory:
            say(
                "særlige kategorier av personopplysninger (artikkel 9, for eksempel helseopplysninger)",
                "känsliga personuppgifter (artikel 9, till exempel hälsouppgifter)",
                "følsomme personoplysninger (artikel 9, for eksempel helbredsoplysninger)",
                "special categories of data (Art. 9, such as health data)")
        case .criminal:
            say(
                "opplysninger om straffedommer og lovovertredelser (artikkel 10)",
                "personuppgifter om lagöverträdelser (artikel 10)", "oplysninger om strafbare forhold (artikel 10)",
                "data on criminal convictions and offences (Art. 10)")
        }
    }

    /// The text for the authority's language, with the English.
    func say(_ nb: String, _ sv: String, _ da: String, _ en: String) -> Wording {
        let local =
            switch language {
            case .nb: nb
            case .sv: sv
            case .da: da
            case .en: en
            }
        return Wording(language, local: local, english: en)
    }

    /// An officer's text or a time: the same in both.
    func same(_ text: String) -> Wording { Wording(language, same: text) }

    func about(_ count: Int) -> Wording {
        say("ca. \(count)", "cirka \(count)", "ca. \(count)", "about \(count)")
    }

    func minute(_ date: Date) -> String { ISOTime.local(date, in: zone) }

    /// Items of a list, separated by semicolons.
    func list(_ items: [Wording]) -> Wording {
        Wording(
            language, local: items.map(\.local).joined(separator: "; "),
            english: items.map(\.english).joined(separator: "; "))
    }

    /// Parts on lines of their own; nil when there are none.
    func join(_ parts: [Wording]) -> Wording? {
        guard !parts.isEmpty else { return nil }
        return Wording(
            language, local: parts.map(\.local).joined(separator: "\n"),
            english: parts.map(\.english).joined(separator: "\n"))
    }

    /// A score with two decimals, independent of locale: "3,25" or "3.25".
    static func decimal(_ value: Double, separator: String) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        let sign = hundredths < 0 ? "-" : ""
        return "\(sign)\(abs(hundredths / 100))\(separator)\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
