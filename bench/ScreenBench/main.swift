import Foundation
import TrustCenter

/// The personal-data screen's worst cases against ordinary prose of the same length, timed in
/// the same run. A linear screen gives ratios near 1 against the prose, and about 10 from 20,000
/// to 200,000 characters. Run it with `bench/screen.sh`.
let lengths = [20_000, 200_000]

/// Texts of `length` characters, each built to make some part of the screen work hardest.
func inputs(_ length: Int) -> [(name: String, text: String)] {
    func repeated(_ unit: String) -> String {
        String(String(repeating: unit, count: length / unit.count + 1).prefix(length))
    }
    return [
        ("prose (reference)", repeated("The newsletter went out to 150 recipients with every address visible. ")),
        ("address characters, no @", repeated("a")),
        ("@ after @", repeated("a@")),
        ("one domain, no dot", "a@" + repeated("b-")),
        ("dots without labels", "a@" + repeated("b..")),
        ("digit groups, single spaces", repeated("1 ")),
        ("country codes", repeated("+12 ")),
        ("area codes", repeated("01-23 ")),
        ("identity-number shapes", repeated("123456-")),
        ("one run of digits", repeated("7")),
    ]
}

/// The fastest of five runs, in milliseconds.
func milliseconds(_ text: String) -> Double {
    let clock = ContinuousClock()
    var best = Duration.seconds(3600)
    for _ in 0..<5 {
        let start = clock.now
        precondition(PersonalDataScreen.finding(in: text) != "unreachable")
        best = min(best, clock.now - start)
    }
    return Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1000
}

var times: [Int: [String: Double]] = [:]
print("input                              length   ms      vs prose")
for length in lengths {
    let cases = inputs(length)
    let reference = milliseconds(cases[0].text)
    for (name, text) in cases {
        let time = name == cases[0].name ? reference : milliseconds(text)
        times[length, default: [:]][name] = time
        print(
            name.padding(toLength: 34, withPad: " ", startingAt: 0),
            String(length).padding(toLength: 8, withPad: " ", startingAt: 0),
            String(format: "%-7.2f %.2f", time, time / reference))
    }
}
print("\ngrowth from \(lengths[0]) to \(lengths[1]) characters (10 is linear):")
var worst = 0.0
for (name, _) in inputs(1) {
    let growth = (times[lengths[1]]?[name] ?? 0) / max(times[lengths[0]]?[name] ?? 1, 0.001)
    worst = max(worst, growth)
    print("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0), String(format: "%.1f", growth))
}
print(String(format: "worst growth: %.1f", worst))
