import ArgumentParser
import Foundation
import TrustCenter

extension Trustctl {
    /// `trustctl clock NAME --start …`: when is this due? Computed here, without a server.
    struct Clock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute a deadline without a server: when is this due?",
            discussion: """
                Clocks: \(ClockName.validValues.joined(separator: ", ")). Uses the default policies of \
                DOMAIN.md (trustd's configuration may change them). Hour clocks are exact instants; day and month \
                clocks end at 23:59:59 local time and move off weekends and the country's public holidays. \
                For whistleblowing-feedback, --start is the acknowledgement.
                """)

        @Argument(help: "The clock.") var name: String
        @Option(help: "When it starts (ISO 8601); a time without an offset is local to the country.") var start: String
        @Option(help: "NO, SE or DK.") var country = "NO"
        @Flag(help: "With the extension (rights-request: two further months).") var extended = false
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingFailures {
                // An action's clock runs to the day its officer sets; there is nothing to compute.
                let clock = try ClockName.parse(
                    name, field: "clock", among: ClockName.allCases.filter { $0 != .action })
                let country = try Country.parse(country, field: "country")
                guard let policy = ClockPolicies.standard(clock, in: country) else {
                    throw InputError(
                        field: "clock", message: "\(clock.rawValue) has no default clock in \(country.rawValue)")
                }
                var span = policy.span
                if extended {
                    guard case .months(let months) = span, case .months(let more)? = policy.extensionSpan else {
                        throw InputError(field: "extended", message: "\(clock.rawValue) cannot be extended")
                    }
                    span = .months(months + more)
                }
                let zone = country.timeZone
                let started = try ISOTime.parse(start, field: "start", timeZone: zone)
                let deadline = DeadlineCalculator(country: country, timeZone: zone)
                    .deadline(from: started, span: span, movesToWorkingDay: policy.movesToWorkingDay)
                let result = ClockResult(
                    clock: clock.rawValue, start: ISOTime.format(started, in: zone),
                    due: ISOTime.format(deadline.due, in: zone), dueDate: deadline.dueDate?.description)
                if json {
                    Output.json(result)
                } else {
                    Output.text(
                        "\(clock.rawValue): due \(ISOTime.local(deadline.due, in: zone)) (\(result.due)), "
                            + "\(span.description) from \(ISOTime.local(started, in: zone))\n")
                }
            }
        }
    }
}

/// `trustctl clock --json`.
struct ClockResult: Encodable {
    var clock: String
    var start: String
    var due: String
    var dueDate: String?
}
