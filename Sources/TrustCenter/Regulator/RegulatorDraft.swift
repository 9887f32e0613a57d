import Foundation

/// A draft of a breach notification to the data protection authority (Art. 33), in the fields of
/// the entity's authority's form: Datatilsynet's Altinn form (NO), IMY's e-service (SE) or
/// Datatilsynet's Virk form (DK). Every field has its label in the authority's language and in
/// English; values made from recorded facts are given in both, the officers' texts as recorded.
///
/// A field whose fact is not recorded yet is "to follow" by a date (Art. 33(4)); a field Trust
/// Center cannot know (IMY's organisation number, the reasons for a delay not yet given) is to be
/// filled in by hand. A supplement or final notice carries only what is new or changed since the
/// last notice. The rules are in `docs/drafts.md`.
///
/// A draft holds no personal data of the data subjects nor anything about the reporter: it is
/// built only from what officers recorded for the authority and the breach register.
public struct RegulatorDraft: Codable, Sendable, Hashable {
    public var reference: CaseReference
    /// Which authority's form the fields follow.
    public var authority: Authority
    /// The authority as the entity names it: "Datatilsynet (NO)".
    public var authorityName: String
    public var country: Country
    public var stage: NotificationStage
    /// The authority's language: `nb`, `sv` or `da`.
    public var language: Language
    /// The entity's time zone (IANA name), in which `text` shows times.
    public var timeZone: String
    /// Whether the initial notice is, or was, after the 72-hour deadline (Art. 33(1)).
    public var late: Bool
    /// The reasons for the delay recorded with the initial notification.
    public var lateReason: String?
    /// The 72-hour deadline of Art. 33(1), when the breach clock ran.
    public var due: Date?
    /// For a supplement or final notice: when the running supplement clock is due (IMY: 4 weeks).
    public var supplementDue: Date?
    public var preparedAt: Date
    /// For a supplement or final notice: the time of the last notice; only what changed after it is carried.
    public var sinceLastNotice: Date?
    /// For a supplement or final notice: the authority's reference for the initial notification.
    public var authorityReference: String?
    public var fields: [Field]
    /// For a supplement or final notice: the keys of the form's fields left out because nothing
    /// about them changed since the last notice.
    public var unchanged: [String]?

    /// Drafts the `stage` notification of a breach case for `entity`'s authority, as at `now`.
    ///
    /// Fails with an ``InputError`` on `stage` when the case is not a breach, when a supplement
    /// or final notice is asked for before the initial notification is recorded or after the final
    /// one, and when an initial notice is asked for but one is recorded already.
    public init(_ caseFile: CaseFile, stage: NotificationStage, entity: Entity, now: Date) throws(InputError) {
        let reference = caseFile.reference
        guard caseFile.summary.category == .breach else {
            throw InputError(
                field: "stage",
                message: "\(reference) is a \(caseFile.summary.category.rawValue) case, not a breach; only a personal "
                    + "data breach is notified to the authority (Art. 33)")
        }
        guard caseFile.summary.entityID == entity.id else {
            throw InputError(
                field: "entity", message: "\(reference) belongs to \(caseFile.summary.entityID), not to \(entity.id)")
        }
        let initial = caseFile.notifications.first { $0.stage == .initial }
        switch stage {
        case .initial:
            if let initial {
                throw InputError(
                    field: "stage",
                    message: "the initial notification of \(reference) is already recorded "
                        + "(\(entity.localMinute(initial.notifiedAt))); draft what is new with --stage supplement")
            }
        case .supplement, .final:
            guard initial != nil else {
                throw InputError(
                    field: "stage",
                    message: "no notification of \(reference) is recorded yet; "
                        + "record the initial notification first: trustctl notify")
            }
            if caseFile.notifications.contains(where: { $0.stage == .final }) {
                throw InputError(
                    field: "stage",
                    message: "the final notification of \(reference) is already recorded; nothing follows it")
            }
        }

        let authority = Authority(entity.country)
        let zone = entity.zone
        let breachClock = caseFile.clocks.last { $0.clock == .breach }
        let lastNotice = caseFile.notifications.map(\.notifiedAt).max()
        // A stage other than the initial needs a recorded notice, checked above.
        let since = stage == .initial ? nil : lastNotice
        let supplementClock = caseFile.clocks.running(.breachSupplement)

        self.reference = reference
        self.authority = authority
        authorityName = entity.authority
        country = entity.country
        self.stage = stage
        language = authority.language
        timeZone = entity.timeZone
        due = breachClock?.due
        late = breachClock.map { (initial?.notifiedAt ?? now) > $0.due } ?? false
        lateReason = initial?.lateReason
        supplementDue = stage == .initial ? nil : supplementClock?.due
        preparedAt = now
        sinceLastNotice = since
        authorityReference = initial?.authorityReference

        let material = DraftMaterial(
            caseFile, entity: entity, authority: authority, late: late, lateReason: lateReason,
            authorityReference: authorityReference,
            followBy: Self.followBy(now: now, supplementClock: supplementClock, country: entity.country, zone: zone),
            since: since)
        let all = material.fields()
        if since == nil {
            fields = all.map(\.field)
            unchanged = nil
        } else {
            let carried = all.filter { $0.carried }
            fields = carried.map(\.field)
            let carriedKeys = Set(carried.map(\.field.key))
            unchanged = all.map(\.field.key).filter { !carriedKeys.contains($0) }
        }
    }

    /// The date by which missing facts follow: the due time of a running supplement clock (IMY's
    /// four weeks) when it is still ahead and comes first; otherwise the end of the local day 14
    /// days from now (NO, DK: "without undue further delay") or 28 days from now (SE: 4 weeks).
    static func followBy(now: Date, supplementClock: CaseClock?, country: Country, zone: TimeZone) -> Date {
        let days = country == .sweden ? 28 : 14
        let fallback = LocalDate(now, in: zone).adding(days: days).instant(hour: 23, minute: 59, second: 59, in: zone)
        guard let due = supplementClock?.due, due > now else { return fallback }
        return min(due, fallback)
    }

    // MARK: Types

    /// The authority whose form a draft follows.
    public enum Authority: String, Codable, CaseIterable, Sendable {
        /// Datatilsynet, Norway: the Altinn form.
        case datatilsynetNO = "datatilsynet-no"
        /// Integritetsskyddsmyndigheten, Sweden: the e-service.
        case imy
        /// Datatilsynet, Denmark: the Virk form.
        case datatilsynetDK = "datatilsynet-dk"

        /// The authority of a country.
        public init(_ country: Country) {
            switch country {
            case .norway: self = .datatilsynetNO
            case .sweden: self = .imy
            case .denmark: self = .datatilsynetDK
            }
        }

        /// The language of its form.
        public var language: Language {
            switch self {
            case .datatilsynetNO: .nb
            case .imy: .sv
            case .datatilsynetDK: .da
            }
        }
    }

    /// One field of the authority's form.
    public struct Field: Codable, Sendable, Hashable {
        /// A stable name of the field: `cause`, `discovered`, `subjectsCount`, …
        public var key: String
        public var label: Wording
        /// The value; nil when it is to follow or to be filled in.
        public var value: Wording?
        /// When `value` is nil: the time by which the missing fact will follow in a supplement.
        public var toFollow: Date?
        /// When `value` is nil: Trust Center cannot know it, so the officer fills it in on the form.
        public var fillIn: Bool

        public init(key: String, label: Wording, value: Wording?, toFollow: Date? = nil, fillIn: Bool = false) {
            self.key = key
            self.label = label
            self.value = value
            self.toFollow = toFollow
            self.fillIn = fillIn
        }

        private enum CodingKeys: String, CodingKey {
            case key, label, value, toFollow, fillIn
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(String.self, forKey: .key)
            label = try container.decode(Wording.self, forKey: .label)
            value = try container.decodeIfPresent(Wording.self, forKey: .value)
            toFollow = try container.decodeIfPresent(Date.self, forKey: .toFollow)
            fillIn = try container.decodeIfPresent(Bool.self, forKey: .fillIn) ?? false
        }

        /// `fillIn` is written only when true, so that a field reads `{key, label, value}`,
        /// `{key, label, toFollow}` or `{key, label, fillIn: true}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(label, forKey: .label)
            try container.encodeIfPresent(value, forKey: .value)
            try container.encodeIfPresent(toFollow, forKey: .toFollow)
            if fillIn { try container.encode(true, forKey: .fillIn) }
        }
    }

    /// A text in the authority's language and in English, written in JSON as
    /// `{"nb": "Hovedårsak", "en": "Main cause"}`. An officer's text is recorded once, so both
    /// hold the same.
    public struct Wording: Codable, Sendable, Hashable {
        public var language: Language
        public var local: String
        public var english: String

        public init(_ language: Language, local: String, english: String) {
            self.language = language
            self.local = local
            self.english = english
        }

        /// The same text in both, such as an officer's text or a time.
        public init(_ language: Language, same text: String) {
            self.init(language, local: text, english: text)
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            english = try container.decode(String.self, forKey: Key(Language.en.rawValue))
            guard
                let key = container.allKeys.first(where: { $0.stringValue != Language.en.rawValue }),
                let language = Language(rawValue: key.stringValue)
            else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath, debugDescription: "expected a text in nb, sv or da beside en")
                )
            }
            self.language = language
            local = try container.decode(String.self, forKey: key)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(local, forKey: Key(language.rawValue))
            try container.encode(english, forKey: Key(Language.en.rawValue))
        }
    }
}

// MARK: - Plain text

extension RegulatorDraft {
    /// The draft for a terminal: a header with the authority, case, stage, time prepared and any
    /// lateness, then every field as "label / English label" and its value in both languages, or
    /// when it will follow. Stored texts are made safe with `TerminalText`; lines are wrapped at
    /// 100 columns. No newline at the end.
    public var text: String {
        let zone = TimeZone(identifier: timeZone) ?? .gmt
        func time(_ date: Date) -> String { ISOTime.local(date, in: zone) }
        let title = authority.title
        var lines: [String] = []
        lines.append("\(authorityName): \(title.local) / \(title.english)")
        lines.append(String(repeating: "=", count: min(100, lines[0].count)))
        lines.append("Case: \(reference)")
        lines.append("Stage: \(authority.stageName(stage)) / \(stage.rawValue)")
        lines.append("Prepared: \(time(preparedAt))")
        if let authorityReference {
            lines.append("Authority's reference: \(TerminalText.line(authorityReference))")
        }
        if let sinceLastNotice {
            lines.append("Only what is new or changed since the last notice of \(time(sinceLastNotice)).")
        }
        if let due {
            lines.append("Deadline (72 hours, Art. 33(1)): \(time(due))")
        }
        if let supplementDue {
            let overdue = supplementDue < preparedAt ? " (passed)" : ""
            lines.append("Supplement due: \(time(supplementDue))\(overdue)")
        }
        if late {
            let due = due.map(time) ?? "unknown"
            if stage == .initial {
                lines.append(
                    "LATE: the 72-hour deadline (\(due)) has passed. The reasons for the delay are required "
                        + "(Art. 33(1)): fill them in on the form and record them with trustctl notify --late-reason.")
            } else {
                lines.append("LATE: the initial notification came after the 72-hour deadline (\(due)).")
            }
            if let lateReason {
                lines.append("Reasons for the delay, as recorded: \(TerminalText.line(lateReason))")
            }
        }
        lines.append(
            "Draft only: check every field, then submit it on the authority's form. It names no data subject and "
                + "not the reporter; keep it so.")
        var out = lines.flatMap { Self.wrap($0, indent: "") }
        if fields.isEmpty {
            out.append("")
            out.append("Nothing is new since the last notice.")
        }
        for field in fields {
            out.append("")
            out += Self.wrap("\(field.label.local) / \(field.label.english)", indent: "")
            if let value = field.value {
                let local = TerminalText.block(value.local)
                let english = TerminalText.block(value.english)
                if local == english {
                    out += Self.wrap(local, indent: "    ")
                } else {
                    out += Self.wrap(local, indent: "    \(value.language.rawValue): ", rest: "        ")
                    out += Self.wrap(english, indent: "    en: ", rest: "        ")
                }
            } else if field.fillIn {
                out.append("    FILL IN on the authority's form")
            } else if let toFollow = field.toFollow {
                out.append("    TO FOLLOW by \(time(toFollow))")
            } else {
                out.append("    TO FOLLOW")
            }
        }
        if let unchanged, !unchanged.isEmpty {
            out.append("")
            out += Self.wrap(
                "Not repeated, unchanged since the last notice: \(unchanged.joined(separator: ", "))", indent: "")
        }
        return out.joined(separator: "\n")
    }

    /// Greedy word wrap of every line of `text` at `width` columns; a word longer than a line stays
    /// whole. The first line starts with `first`, every other line with `rest` (`first` by default).
    static func wrap(_ text: String, indent first: String, rest: String? = nil, width: Int = 100) -> [String] {
        let rest = rest ?? first
        var lines: [String] = []
        var prefix = first
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = prefix
            for word in paragraph.split(separator: " ") {
                if line.count > prefix.count, line.count + 1 + word.count > width {
                    lines.append(line)
                    prefix = rest
                    line = prefix
                }
                line += (line.count > prefix.count ? " " : "") + word
            }
            lines.append(line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : line)
            prefix = rest
        }
        return lines
    }
}
