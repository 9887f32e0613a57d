/// The checks that stop start-up when the form definitions are wrong.
enum FormCheck {
    static func check(_ questionnaire: Questionnaire, file: String) throws(FormDefinitionError) {
        func fail(_ question: String?, _ problem: String) -> FormDefinitionError {
            FormDefinitionError(file: file, question: question, problem: problem)
        }
        guard !questionnaire.pages.isEmpty else { throw fail(nil, "has no pages") }
        var pageIDs: Set<String> = []
        let reservedPages = [FormFlow.identityStep, FormFlow.reviewStep]
        // Conditions may refer only to questions on earlier pages: without script, a page is drawn
        // before any of its own answers exist.
        var asked: [String] = []
        for page in questionnaire.pages {
            guard pageIDs.insert(page.id).inserted else { throw fail(nil, "page id '\(page.id)' is used twice") }
            guard isIdentifier(page.id) else { throw fail(nil, "page id '\(page.id)' is not a plain identifier") }
            guard !reservedPages.contains(page.id) else {
                throw fail(nil, "page id '\(page.id)' is reserved for the form's own steps")
            }
            if let missing = page.showIf?.questions.first(where: { !asked.contains($0) }) {
                throw fail(
                    nil, "page '\(page.id)' has a condition on '\(missing)', which is not asked on an earlier page")
            }
            var onPage: [String] = []
            for question in page.questions {
                guard isIdentifier(question.id) else { throw fail(question.id, "the id is not a plain identifier") }
                guard !(["entity"] + ReporterCheck.fieldKeys).contains(question.id) else {
                    throw fail(question.id, "the id is reserved for the form's own fields")
                }
                guard !asked.contains(question.id), !onPage.contains(question.id) else {
                    throw fail(question.id, "the id is used twice")
                }
                if let missing = question.showIf?.questions.first(where: { !asked.contains($0) }) {
                    throw fail(
                        question.id, "the condition refers to '\(missing)', which is not asked on an earlier page")
                }
                let isChoice = question.type == .singleChoice || question.type == .multipleChoice
                if isChoice, question.options.isEmpty { throw fail(question.id, "a choice question needs options") }
                if !isChoice, !question.options.isEmpty {
                    throw fail(question.id, "only choice questions have options")
                }
                if Set(question.options).count != question.options.count {
                    throw fail(question.id, "an option id is used twice")
                }
                if let bad = question.options.first(where: { !isIdentifier($0) }) {
                    throw fail(question.id, "option '\(bad)' is not a plain identifier")
                }
                onPage.append(question.id)
            }
            asked += onPage
        }
        for rule in questionnaire.categories {
            if let missing = rule.when.questions.first(where: { !asked.contains($0) }) {
                throw fail(nil, "a category rule refers to '\(missing)', which is not a question")
            }
        }
        if let missing = questionnaire.urgent?.questions.first(where: { !asked.contains($0) }) {
            throw fail(nil, "the urgent rule refers to '\(missing)', which is not a question")
        }
        if let awareness = questionnaire.awareness, questionnaire.question(awareness)?.type != .dateTime {
            throw fail(awareness, "awareness must name a dateTime question")
        }
        let concerns = CaseRouter.concernsQuestion
        let roles = CaseRouter.concernsOptions.keys.sorted()
        guard let question = questionnaire.question(concerns),
            [.singleChoice, .multipleChoice].contains(question.type),
            roles.allSatisfy(question.options.contains)
        else {
            throw fail(
                concerns,
                "routing needs a choice question '\(concerns)' with the options \(roles.joined(separator: ", ")): "
                    + "it says whom a report concerns, so that they never receive it")
        }
    }

    /// Every language has every text, none empty, each with the same `{placeholders}` as English.
    static func check(_ catalogue: Catalogue, for questionnaire: Questionnaire) throws(FormDefinitionError) {
        let required =
            Catalogue.keys(for: questionnaire) + Catalogue.pageKeys + FieldProblem.keys + NoticeMail.keys
            + ReporterLetters.keys
        let english = catalogue.texts[.en] ?? [:]
        for language in Language.allCases {
            let texts = catalogue.texts[language] ?? [:]
            func fail(_ key: String, _ problem: String) -> FormDefinitionError {
                let question = key.hasPrefix("question.") ? key.split(separator: ".")[1] : nil
                return FormDefinitionError(
                    file: "translations/\(language.rawValue).json", question: question.map(String.init),
                    problem: problem)
            }
            if let missing = required.first(where: { (texts[$0] ?? "").allSatisfy(\.isWhitespace) }) {
                throw fail(missing, "missing translation '\(missing)'")
            }
            if let key = required.first(where: { placeholders(texts[$0] ?? "") != placeholders(english[$0] ?? "") }) {
                throw fail(
                    key,
                    "'\(key)' must have the placeholders \(placeholders(english[key] ?? "").sorted()) as in English")
            }
        }
    }

    /// The `{name}` placeholders of a text.
    static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// Lowercase letters, digits and dashes, starting with a letter; camelCase allowed.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.count <= 60 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
