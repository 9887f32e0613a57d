/// The stable JSON shape of a reporter, on the wire and sealed in storage:
/// `{"anonymous": true}`, `{"anonymous": false, "name": …, "email"?: …, "phone"?: …}`, or
/// `{"anonymous": false, "withheld": true}` for a whistleblower's identity not revealed.
extension Reporter {
    private enum Keys: String, CodingKey {
        case anonymous, name, email, phone, withheld
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if try container.decode(Bool.self, forKey: .anonymous) {
            self = .anonymous
        } else if try container.decodeIfPresent(Bool.self, forKey: .withheld) == true {
            self = .withheld
        } else {
            self = .named(
                ReporterContact(
                    name: try container.decode(String.self, forKey: .name),
                    email: try container.decodeIfPresent(String.self, forKey: .email),
                    phone: try container.decodeIfPresent(String.self, forKey: .phone)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .anonymous:
            try container.encode(true, forKey: .anonymous)
        case .withheld:
            try container.encode(false, forKey: .anonymous)
            try container.encode(true, forKey: .withheld)
        case .named(let contact):
            try container.encode(false, forKey: .anonymous)
            try container.encode(contact.name, forKey: .name)
            try container.encodeIfPresent(contact.email, forKey: .email)
            try container.encodeIfPresent(contact.phone, forKey: .phone)
        }
    }
}
