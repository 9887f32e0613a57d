import Foundation

/// Writes the email for a notice, in the language and time zone of the recipient's entity. It
/// says that a case needs attention and where to find it: the reference, the category, the
/// entity, what is due and when, and the command that opens it. Never the reporter's identity,
/// answers, messages or notes: ordinary email is not encrypted.
public struct NoticeMail: Sendable {
    /// The catalogue keys of mail texts, which the form check requires in every language.
    public static let keys: [String] =
        [
            "mail.greeting", "mail.body", "mail.due", "mail.noDue", "mail.open", "mail.footer", "mail.timeLeft",
            "mail.overdueBy", "mail.unit.days", "mail.unit.hours", "mail.unit.minutes", "mail.test.subject",
            "mail.test.body",
        ]
        + NoticeKind.allCases.map { "mail.subject.\($0.rawValue)" }
        + Category.allCases.map { "mail.category.\($0.rawValue)" }
        + ClockName.allCases.map { "mail.duty.\($0.rawValue)" }

    let catalogue: Catalogue
    let from: MailAddress

    public init(catalogue: Catalogue, from: MailAddress) {
        self.catalogue = catalogue
        self.from = from
    }

    /// The email for `notice`, written at `now`.
    public func message(for notice: Notice, entity: Entity, now: Date) -> MailMessage {
        let language = entity.country.language
        let category = catalogue.text("mail.category.\(notice.category.rawValue)", language)
        let values = [
            "reference": notice.reference.description, "category": category, "entity": entity.name,
            "command": "trustctl show \(notice.reference)",
        ]
        var lines = [
            catalogue.text("mail.greeting", language, ["name": notice.recipient.contact.name]), "",
            catalogue.text("mail.body", language, values),
        ]
        if let clock = notice.clock, let due = notice.due {
            lines.append(
                catalogue.text(
                    "mail.due", language,
                    [
                        "duty": catalogue.text("mail.duty.\(clock.rawValue)", language),
                        "due": entity.localMinute(due), "left": timeLeft(from: now, to: due, language: language),
                    ]))
        } else {
            lines.append(catalogue.text("mail.noDue", language))
        }
        lines += ["", catalogue.text("mail.open", language, values), "", catalogue.text("mail.footer", language)]
        return MailMessage(
            from: from, to: MailAddress(notice.recipient.contact.email, name: notice.recipient.contact.name),
            subject: catalogue.text("mail.subject.\(notice.kind.rawValue)", language, values),
            body: lines.joined(separator: "\n") + "\n",
            messageID: "notice-\(notice.id)-\(Int64(notice.createdAt.timeIntervalSince1970))@\(from.domain)",
            date: now)
    }

    /// The relay check of `trustctl mail test`.
    public func testMessage(to address: String, language: Language, now: Date, id: String) -> MailMessage {
        MailMessage(
            from: from, to: MailAddress(address), subject: catalogue.text("mail.test.subject", language),
            body: catalogue.text("mail.test.body", language) + "\n", messageID: "test-\(id)@\(from.domain)", date: now)
    }

    /// "2 d 3 t igjen", "forfalt for 5 t siden": the two largest units, in the language.
    func timeLeft(from now: Date, to due: Date, language: Language) -> String {
        let seconds = Int(due.timeIntervalSince(now))
        let span = ISOTime.duration(max(abs(seconds), 60)) { unit, count in
            catalogue.text("mail.unit.\(unit.rawValue)", language, ["n": String(count)])
        }
        return catalogue.text(seconds >= 0 ? "mail.timeLeft" : "mail.overdueBy", language, ["time": span])
    }
}

extension MailAddress {
    /// The part after the @, for Message-IDs.
    var domain: String { address.split(separator: "@").last.map(String.init) ?? "trustcenter.invalid" }
}

extension Country {
    /// The language of mail to people of an entity in this country.
    public var language: Language {
        switch self {
        case .norway: .nb
        case .sweden: .sv
        case .denmark: .da
        }
    }
}
