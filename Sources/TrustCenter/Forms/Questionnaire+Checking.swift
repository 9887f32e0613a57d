import Foundation

extension Questionnaire {
    /// Checks and normalises the answers to one page's visible questions, in place. Returns the
    /// problems; none means the reporter may go on.
    public func check(page: Page, answers: inout AnswerSet) -> [FieldProblem] {
        visibleQuestions(of: page, for: answers).compactMap { question in
            switch Self.checked(question, values: answers.values(question.id)) {
            case .success(let values):
                answers.set(question.id, values)
                return nil
            case .failure(let problem):
                return problem
            }
        }
    }

    /// Checks every page the reporter would see, as at the final submission.
    public func checkAll(_ answers: inout AnswerSet) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for page in visiblePages(for: answers) {
            problems += check(page: page, answers: &answers)
        }
        return problems
    }

    static func checked(_ question: Question, values raw: [String]) -> Result<[String], FieldProblem> {
        let values = raw.filter { !TextCheck.isBlank($0) }
        func problem(_ key: String, _ placeholders: [String: String] = [:]) -> Result<[String], FieldProblem> {
            .failure(FieldProblem(question: question.id, key: key, values: placeholders))
        }
        guard !values.isEmpty else {
            return question.required
                ? problem(question.type == .consent ? "error.consent" : "error.required") : .success([])
        }
        switch question.type {
        case .shortText, .longText:
            guard values.count == 1 else { return problem("error.unknownOption") }
            switch TextCheck.normalized(
                values[0], maximumLength: question.effectiveMaxLength, multiline: question.type == .longText)
            {
            case .success(let text): return .success(text.map { [$0] } ?? [])
            case .failure(.tooLong(let maximum)): return problem("error.tooLong", ["max": String(maximum)])
            case .failure(.controlCharacters):
                return TextCheck.hasLineBreak(values[0]) && question.type == .shortText
                    ? problem("error.singleLine") : problem("error.controlCharacters")
            }
        case .singleChoice:
            guard values.count == 1, question.options.contains(values[0]) else { return problem("error.unknownOption") }
            return .success(values)
        case .yesNo:
            guard values.count == 1, ["yes", "no"].contains(values[0]) else { return problem("error.unknownOption") }
            return .success(values)
        case .consent:
            guard values == ["yes"] else { return problem("error.unknownOption") }
            return .success(values)
        case .multipleChoice:
            guard values.allSatisfy(question.options.contains) else { return problem("error.unknownOption") }
            // In the questionnaire's order, each once.
            return .success(question.options.filter(values.contains))
        case .number:
            let text = values[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard values.count == 1, let number = Double(text), number.isFinite else { return problem("error.number") }
            if let min = question.min, number < min { return problem("error.range", Self.range(question)) }
            if let max = question.max, number > max { return problem("error.range", Self.range(question)) }
            return .success([Self.format(number)])
        case .dateTime:
            guard values.count == 1, let normalized = Self.localDateTime(values[0]) else {
                return problem("error.dateTime")
            }
            return .success([normalized])
        }
    }

    static func range(_ question: Question) -> [String: String] {
        ["min": question.min.map(format) ?? "0", "max": question.max.map(format) ?? "∞"]
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// Accepts `YYYY-MM-DDTHH:MM` (what a datetime-local input sends) or `YYYY-MM-DD HH:MM`, for a
    /// real calendar date, and returns the first form. It stays local time: the reporter's clock.
    static func localDateTime(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let parts = trimmed.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, (2..<4).contains(time.count), (1900...2999).contains(date[0]),
            (0...23).contains(time[0]), (0...59).contains(time[1])
        else { return nil }
        // A real calendar date: 2026-02-30 would come back from the calendar as 2026-03-02.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        guard let day = calendar.date(from: DateComponents(year: date[0], month: date[1], day: date[2])) else {
            return nil
        }
        let back = calendar.dateComponents([.year, .month, .day], from: day)
        guard back.year == date[0], back.month == date[1], back.day == date[2] else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d", date[0], date[1], date[2], time[0], time[1])
    }
}
