import Foundation

/// Date-time answers say when something happened, so none may lie in the future. They are read
/// as local time in the entity's time zone; a few minutes of clock difference are allowed.
public enum DateTimeCheck {
    static let tolerance: TimeInterval = 5 * 60

    /// A problem for each of `questions`' date-time answers that lies after `now`.
    public static func futureProblems(
        in questions: [Question], answers: AnswerSet, now: Date, timeZone: TimeZone
    ) -> [FieldProblem] {
        questions.filter { $0.type == .dateTime }.compactMap { question in
            guard let text = answers.values(question.id).first, let date = instant(text, in: timeZone),
                date > now.addingTimeInterval(tolerance)
            else { return nil }
            return FieldProblem(question: question.id, key: "error.dateTimeFuture")
        }
    }

    /// The instant of a checked answer (`YYYY-MM-DDTHH:MM`) in `timeZone`.
    public static func instant(_ text: String, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = LocalDate(String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2 else { return nil }
        return day.instant(hour: time[0], minute: time[1], second: 0, in: timeZone)
    }
}
