import Foundation

/// A screen for texts that go to the authority or into the breach register, which must not
/// name people (Art. 33(3); IMY: a notification becomes a public document). It finds what
/// most often slips in: email addresses, phone numbers and national identity numbers. It
/// cannot find names; the officer is told so in the docs.
public enum PersonalDataScreen {
    /// What was found, as words for an error message; nil when nothing was.
    public static func finding(in text: String) -> String? {
        if text.firstMatch(of: emailAddress) != nil { return "an email address" }
        if text.firstMatch(of: identityNumber) != nil { return "what looks like a national identity number" }
        if text.firstMatch(of: phoneNumber) != nil { return "what looks like a phone number" }
        return nil
    }

    /// Refuses `text` for `field` when it holds personal data the screen can see.
    public static func check(_ text: String?, field: String) throws(InputError) {
        guard let text, let finding = finding(in: text) else { return }
        throw InputError(
            field: field,
            message: "\(field) holds \(finding); texts for the authority and the breach register must not name people")
    }

    nonisolated(unsafe) private static let emailAddress = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/
    /// Norwegian fødselsnummer (11 digits), Swedish personnummer (6 or 8 digits, a dash or plus,
    /// 4 digits) and Danish CPR numbers (6 digits, a dash, 4 digits).
    nonisolated(unsafe) private static let identityNumber =
        /(?:^|[^0-9])([0-9]{11}|([0-9]{2})?[0-9]{6}[\-+ ][0-9]{4})(?:$|[^0-9])/
    /// Nordic numbers as they are written: a country code and digits, 8 digits together, or in
    /// the groups "12 34 56 78" and "123 45 678". Amounts ("12 000 000") and dates do not match.
    nonisolated(unsafe) private static let phoneNumber =
        /(?:^|[^0-9])(\+[0-9]{2}[ ]?[0-9]{2,3}([ ]?[0-9]{2,3}){2,3}|[0-9]{8}|[0-9]{2}( [0-9]{2}){3}|[0-9]{3} [0-9]{2} [0-9]{3})(?:$|[^0-9])/
}
