import Foundation

/// A screen for texts that go to the authority or into the breach register, which must not
/// name people (Art. 33(3); IMY: a notification becomes a public document). It finds what
/// most often slips in: email addresses, Nordic national identity numbers and phone numbers.
/// It cannot find names; the officer is told so in the docs.
public enum PersonalDataScreen {
    /// What was found, as words for an error message; nil when nothing was.
    public static func finding(in text: String) -> String? {
        if text.firstMatch(of: emailAddress) != nil { return "an email address" }
        for match in text.matches(of: digitGroup) {
            if isIdentityNumber(String(match.output.1.filter(\.isNumber))) {
                return "what looks like a national identity number"
            }
        }
        for match in text.matches(of: phoneNumber) where !isDate(String(match.output.filter(\.isNumber))) {
            return "what looks like a phone number"
        }
        return nil
    }

    /// Refuses `text` for `field` when it holds personal data the screen can see.
    public static func check(_ text: String?, field: String) throws(InputError) {
        guard let text, let finding = finding(in: text) else { return }
        throw InputError(
            field: field,
            message: "\(field) holds \(finding); texts for the authority and the breach register must not name people")
    }

    /// Norwegian fødselsnummer and D-numbers (DDMMYY + 5 digits), Swedish personnummer and
    /// samordningsnummer (YYMMDD or YYYYMMDD, an optional dash or plus, 4 digits) and Danish CPR
    /// numbers (DDMMYY, an optional dash, 4 digits), each with a date that can be a birth date.
    /// A Swedish organisation number (its "month" is 20 or more) is not one.
    static func isIdentityNumber(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        func number(_ at: Int) -> Int { values[at] * 10 + values[at + 1] }
        func dayMonth(day: Int, month: Int) -> Bool {
            (1...12).contains(month) && ((1...31).contains(day) || (41...71).contains(day) || (61...91).contains(day))
        }
        switch values.count {
        case 11: return dayMonth(day: number(0), month: number(2))
        case 10: return dayMonth(day: number(4), month: number(2)) || dayMonth(day: number(0), month: number(2))
        case 12: return (18...20).contains(number(0)) && dayMonth(day: number(6), month: number(4))
        default: return false
        }
    }

    /// `20260310`: a compact date, not a phone number.
    static func isDate(_ text: String) -> Bool {
        let values = text.compactMap(\.wholeNumberValue)
        guard values.count == 8 else { return false }
        let year = values[0...3].reduce(0) { $0 * 10 + $1 }
        let month = values[4] * 10 + values[5]
        let day = values[6] * 10 + values[7]
        return (1900...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    nonisolated(unsafe) private static let emailAddress = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/
    /// 10 to 12 digits, alone or as 6 or 8 digits, a dash, plus or space, and 4 or 5 digits.
    nonisolated(unsafe) private static let digitGroup =
        /(?:^|[^0-9])([0-9]{10,12}|[0-9]{6}(?:[0-9]{2})?[\-+ ][0-9]{4,5})(?:$|[^0-9])/
    /// Nordic numbers as they are written: a country code and digits, 8 digits together (starting 2–9), the
    /// groups "12 34 56 78" and "123 45 678", or a Swedish area code and groups ("070-123 45 67").
    /// Amounts ("12 000 000") do not match.
    nonisolated(unsafe) private static let phoneNumber =
        /\+[0-9]{2}[ ]?[0-9]{2,3}(?:[ ]?[0-9]{2,3}){2,3}|(?:^|[^0-9])[2-9][0-9]{7}(?:$|[^0-9])|[0-9]{2}(?: [0-9]{2}){3}|[0-9]{3} [0-9]{2} [0-9]{3}|0[0-9]{1,3}-[0-9]{2,3}(?: [0-9]{2}){2}/
}
