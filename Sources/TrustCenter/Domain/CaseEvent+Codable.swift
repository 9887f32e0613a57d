/// The stable JSON shapes of events, on the wire and sealed in storage. Each is a flat object
/// with a `kind`, so that clients can switch on it and stored history stays readable.
extension CaseEvent.Actor {
    private enum Keys: String, CodingKey {
        case kind, officer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "reporter": self = .reporter
        case "system": self = .system
        case "officer": self = .officer(try container.decode(OfficerSummary.self, forKey: .officer))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown actor kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .reporter: try container.encode("reporter", forKey: .kind)
        case .system: try container.encode("system", forKey: .kind)
        case .officer(let officer):
            try container.encode("officer", forKey: .kind)
            try container.encode(officer, forKey: .officer)
        }
    }
}

extension CaseEvent.Change {
    private enum Keys: String, CodingKey {
        case kind, category, from, to, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "received":
            self = .received(category: try container.decode(Category.self, forKey: .category))
        case "classified":
            self = .classified(
                from: try container.decode(Category.self, forKey: .from),
                to: try container.decode(Category.self, forKey: .to),
                reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "assigned":
            self = .assigned(
                from: try container.decodeIfPresent(OfficerSummary.self, forKey: .from),
                to: try container.decode(OfficerSummary.self, forKey: .to))
        case "status-changed":
            self = .statusChanged(
                from: try container.decode(CaseStatus.self, forKey: .from),
                to: try container.decode(CaseStatus.self, forKey: .to))
        case "note-added":
            self = .noteAdded
        case "message-sent":
            self = .messageSent
        case "message-received":
            self = .messageReceived
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown event kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .received(let category):
            try container.encode(category, forKey: .category)
        case .classified(let from, let to, let reason):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .assigned(let from, let to):
            try container.encodeIfPresent(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .statusChanged(let from, let to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .noteAdded, .messageSent, .messageReceived:
            break
        }
    }
}
