/// The reporter's secret for coming back to a case: 25 random decimal digits (83 bits) in five
/// groups of five, such as `48213-90577-13360-72941-05826`. Digits read the same in every
/// language and are easy to write down. It is shown once, on the receipt, and stored only as a
/// keyed hash (see `SecretHasher`).
public struct FollowUpKey: Sendable, Hashable, CustomStringConvertible {
    public static let digitCount = 25
    public static let groupSize = 5

    /// The digits without separators.
    public let digits: String

    /// Draws a new key. Each digit comes from one random byte below 250 (rejection sampling), so
    /// every digit is uniform.
    public static func generate(using random: any RandomSource) -> FollowUpKey {
        var digits = ""
        while digits.count < digitCount {
            for byte in random.bytes(count: digitCount) where byte < 250 && digits.count < digitCount {
                digits.append(Character(String(byte % 10)))
            }
        }
        return FollowUpKey(uncheckedDigits: digits)
    }

    private init(uncheckedDigits: String) {
        self.digits = uncheckedDigits
    }

    /// Parses a key as a person types or pastes it back: spaces, line breaks, dashes of every
    /// kind and invisible characters anywhere are ignored.
    public init(parsing text: String) throws(InputError) {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isSeparator($0) }))
        guard kept.count == Self.digitCount, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputError(field: "followUpKey", message: "a follow-up key has 25 digits, in groups of five")
        }
        self.digits = kept
    }

    /// A space, line break, tab, invisible character or dash (hyphen, en and em dash, minus),
    /// taken one code point at a time: a joiner attaches to the digit before it as one character.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        TextCheck.isInvisible(scalar) || scalar == "-" || (0x2010...0x2015).contains(scalar.value)
            || scalar.value == 0x2212
    }

    /// The grouped form shown to the reporter.
    public var description: String {
        var groups: [Substring] = []
        var rest = Substring(digits)
        while !rest.isEmpty {
            groups.append(rest.prefix(Self.groupSize))
            rest = rest.dropFirst(Self.groupSize)
        }
        return groups.joined(separator: "-")
    }
}
