import Foundation
import TrustCenter

extension Configuration {
    /// Reads the `clocks` list: changes to the default clock policies. Each entry names a clock
    /// and optionally a country, and sets what differs: its span, whether a due day moves off
    /// weekends and holidays, its extension, its stages, or `off: true`.
    static func clockOverrides(_ items: [ConfigValue], source: String) throws(ConfigurationError)
        -> [ClockPolicies.Override]
    {
        var overrides: [ClockPolicies.Override] = []
        for (index, item) in items.enumerated() {
            var reader = try ConfigReader(source: source, path: "clocks[\(index)]", value: item)
            let clock = try reader.parse(ClockName.self, try reader.requiredString("clock"), key: "clock")
            let country = try reader.string("country").map { text throws(ConfigurationError) in
                try reader.parse(Country.self, text, key: "country")
            }
            if try reader.bool("off") == true {
                try reader.rejectUnknownKeys()
                overrides.append(.init(clock: clock, country: country, policy: nil))
                continue
            }
            let base =
                ClockPolicies.standard(clock, in: country ?? .norway)
                ?? Country.allCases.lazy.compactMap { ClockPolicies.standard(clock, in: $0) }.first
            var spans: [ClockSpan] = []
            if let hours = try reader.integer("hours", in: 1...8760) { spans.append(.hours(hours)) }
            if let days = try reader.integer("days", in: 1...3650) { spans.append(.days(days)) }
            if let months = try reader.integer("months", in: 1...120) { spans.append(.months(months)) }
            guard spans.count <= 1 else {
                throw ConfigurationError(
                    source: source, key: "clocks[\(index)]", problem: "give only one of hours, days or months")
            }
            guard let span = spans.first ?? base?.span else {
                throw reader.error("days", "is required: the clock has no default span here (hours, days or months)")
            }
            var policy = base ?? ClockPolicy(clock: clock, span: span, stages: [])
            policy.span = span
            if let moves = try reader.bool("movesToWorkingDay") { policy.movesToWorkingDay = moves }
            if let months = try reader.integer("extensionMonths", in: 0...12) {
                policy.extensionSpan = months == 0 ? nil : .months(months)
            }
            if let stages = try reader.list("stages") {
                policy.stages = try stagePolicies(stages, source: source, path: reader.key("stages"))
            }
            try reader.rejectUnknownKeys()
            overrides.append(.init(clock: clock, country: country, policy: policy))
        }
        return overrides
    }

    private static func stagePolicies(_ items: [ConfigValue], source: String, path: String)
        throws(ConfigurationError) -> [StagePolicy]
    {
        var stages: [StagePolicy] = []
        for (index, item) in items.enumerated() {
            var reader = try ConfigReader(source: source, path: "\(path)[\(index)]", value: item)
            let kind = try reader.parse(NoticeKind.self, try reader.requiredString("kind"), key: "kind")
            let after = try reader.string("after").map { text throws(ConfigurationError) in
                try duration(text, reader: reader, key: "after")
            }
            let before = try reader.string("before").map { text throws(ConfigurationError) in
                try duration(text, reader: reader, key: "before")
            }
            let timing: StageTiming
            switch (after, before) {
            case (let after?, nil): timing = .after(after)
            case (nil, let before?): timing = .before(before)
            default: throw reader.error("after", "give exactly one of after or before, such as after: \"24h\"")
            }
            guard let names = try reader.list("notify"), !names.isEmpty else {
                throw reader.error(
                    "notify", "must list who is told: \(RecipientRole.validValues.joined(separator: ", "))")
            }
            var notify: [RecipientRole] = []
            for name in names {
                guard case .string(let text) = name else { throw reader.error("notify", "must be a list of names") }
                notify.append(try reader.parse(RecipientRole.self, text, key: "notify"))
            }
            let repeatEvery = try reader.string("repeat").map { text throws(ConfigurationError) in
                try duration(text, reader: reader, key: "repeat")
            }
            let urgentOnly = try reader.bool("urgentOnly") ?? false
            try reader.rejectUnknownKeys()
            stages.append(
                StagePolicy(kind, timing, notify: notify, repeatEvery: repeatEvery, onlyWhenUrgent: urgentOnly))
        }
        return stages
    }

    /// `"24h"` or `"7d"`.
    private static func duration(_ text: String, reader: ConfigReader, key: String) throws(ConfigurationError)
        -> ClockSpan
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let hours = trimmed.hasSuffix("h") ? Int(trimmed.dropLast()) : nil, (0...8760).contains(hours) {
            return .hours(hours)
        }
        if let days = trimmed.hasSuffix("d") ? Int(trimmed.dropLast()) : nil, (0...3650).contains(days) {
            return .days(days)
        }
        throw reader.error(key, "'\(text)' is not a duration; write hours or days, such as \"24h\" or \"7d\"")
    }
}
