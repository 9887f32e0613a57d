import Foundation

/// A screen for texts that go to the authority or into the breach register, which must not
/// name people (Art. 33(3); IMY: a notification becomes a public document). It finds what
/// most often slips in: email addresses, Nordic national identity numbers and phone numbers.
/// It cannot find names; the officer is told so in the docs.
public enum PersonalDataScreen {
    /// What was found, as words for an error message; nil when nothing was.
    ///
    /// One pass over the text, then one over its runs of digits: the time grows with the length
    /// and nothing else, so no text can hold a writer (`bench/screen.sh` checks the worst cases).
    public static func finding(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if containsEmailAddress(scalars) { return "an email address" }
        let runs = DigitRun.runs(in: scalars)
        if containsIdentityNumber(runs, scalars) { return "what looks like a national identity number" }
        if containsPhoneNumber(runs, scalars) { return "what looks like a phone number" }
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

    /// `local@domain.tld`: a character of an address before an `@`, and after it labels of
    /// letters, digits and dashes with at least one dot between them. The scan after each `@`
    /// stops at the first character that cannot be in a domain (another `@` among them), so the
    /// scans never overlap.
    static func containsEmailAddress(_ scalars: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in scalars.enumerated() where scalar == "@" {
            guard index > 0, isLocalPart(scalars[index - 1]) else { continue }
            var labelLength = 0
            var dotted = false
            var position = index + 1
            while position < scalars.count, isDomainPart(scalars[position]) || scalars[position] == "." {
                if scalars[position] == "." {
                    if labelLength == 0 { break }
                    dotted = true
                    labelLength = 0
                } else {
                    labelLength += 1
                    if dotted { return true }
                }
                position += 1
            }
        }
        return false
    }

    /// Norwegian, Swedish and Danish identity numbers: 10 to 12 digits together, or 6 or 8
    /// digits, a dash, plus or space, and 4 or 5 digits.
    static func containsIdentityNumber(_ runs: [DigitRun], _ scalars: [Unicode.Scalar]) -> Bool {
        for (index, run) in runs.enumerated() {
            if (10...12).contains(run.count), isIdentityNumber(run.digits(scalars)) { return true }
            if [6, 8].contains(run.count), index + 1 < runs.count, let separator = run.separator(to: runs[index + 1]),
                "-+ ".unicodeScalars.contains(scalars[separator]), (4...5).contains(runs[index + 1].count),
                isIdentityNumber(run.digits(scalars) + runs[index + 1].digits(scalars))
            {
                return true
            }
        }
        return false
    }

    /// Nordic numbers as they are written: a country code and digits (`+47 912 34 567`), 8 digits
    /// together starting 2–9, the groups `12 34 56 78` and `123 45 678`, or a Swedish area code
    /// and groups (`070-123 45 67`). Amounts (`12 000 000`) and compact dates (`20260310`) are not.
    static func containsPhoneNumber(_ runs: [DigitRun], _ scalars: [Unicode.Scalar]) -> Bool {
        func spaced(_ index: Int, _ count: Int) -> Bool {
            index + count <= runs.count
                && (index..<(index + count - 1)).allSatisfy {
                    runs[$0].separator(to: runs[$0 + 1]).map { scalars[$0] } == " "
                }
        }
        for (index, run) in runs.enumerated() {
            let next = { (offset: Int) in runs[index + offset] }
            // +CC and at least six more digits, in groups with single spaces between them.
            if run.start > 0, scalars[run.start - 1] == "+", run.count >= 2 {
                var digits = run.count
                var last = index
                while last + 1 < runs.count, spaced(last, 2) {
                    last += 1
                    digits += runs[last].count
                }
                if digits >= 8 { return true }
            }
            if run.count == 8, ("2"..."9").contains(scalars[run.start]), !isDate(run.digits(scalars)) { return true }
            if run.count >= 2, spaced(index, 4), next(1).count == 2, next(2).count == 2, next(3).count >= 2,
                !isDate(
                    String(run.digits(scalars).suffix(2)) + next(1).digits(scalars) + next(2).digits(scalars)
                        + String(next(3).digits(scalars).prefix(2)))
            {
                return true
            }
            if run.count >= 3, spaced(index, 3), next(1).count == 2, next(2).count >= 3 { return true }
            if index + 3 < runs.count, run.separator(to: next(1)).map({ scalars[$0] }) == "-",
                (2...3).contains(next(1).count), spaced(index + 1, 3), next(2).count == 2, next(3).count >= 2,
                (2...4).contains(where: { $0 <= run.count && scalars[run.end - $0] == "0" })
            {
                return true
            }
        }
        return false
    }

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isDomainPart(scalar) || "._%+".unicodeScalars.contains(scalar)
    }

    private static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
    }
}

/// A maximal run of ASCII digits in a text, by position.
struct DigitRun {
    /// The first digit's position and the position after the last.
    let start: Int
    let end: Int

    var count: Int { end - start }

    func digits(_ scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The position of the one character between this run and `next`, when there is exactly one.
    func separator(to next: DigitRun) -> Int? {
        next.start == end + 1 ? end : nil
    }

    static func runs(in scalars: [Unicode.Scalar]) -> [DigitRun] {
        var runs: [DigitRun] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit, start == nil { start = index }
            if !isDigit, let first = start {
                runs.append(DigitRun(start: first, end: index))
                start = nil
            }
        }
        if let first = start { runs.append(DigitRun(start: first, end: scalars.count)) }
        return runs
    }
}
