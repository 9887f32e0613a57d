/// Checks a reporter's contact details and decides whether the report is anonymous. Problems
/// are catalogue keys, named by the field.
public enum ReporterCheck {
    public static let fieldKeys = ["identity", "name", "email", "phone"]

    public static func reporter(from contact: ReporterContact?, category: Category) -> Result<
        Reporter, SubmissionProblems
    > {
        var problems: [FieldProblem] = []
        func text(_ value: String?, _ field: String, _ limit: Int) -> String? {
            switch TextCheck.normalized(value ?? "", maximumLength: limit, multiline: false) {
            case .success(let text): return text
            case .failure(.tooLong(let maximum)):
                problems.append(FieldProblem(question: field, key: "error.tooLong", values: ["max": String(maximum)]))
            case .failure(.controlCharacters):
                problems.append(FieldProblem(question: field, key: "error.controlCharacters"))
            }
            return nil
        }
        guard let contact else {
            if category == .rightsRequest {
                return .failure(SubmissionProblems([FieldProblem(question: "name", key: "error.name")]))
            }
            return .success(.anonymous)
        }
        let name = text(contact.name, "name", 200)
        let email = text(contact.email, "email", 254)
        let phone = text(contact.phone, "phone", 40)
        if name == nil, !problems.contains(where: { $0.question == "name" }) {
            problems.append(FieldProblem(question: "name", key: "error.name"))
        }
        if let email, !TextCheck.isPlausibleEmail(email) {
            problems.append(FieldProblem(question: "email", key: "error.email"))
        }
        if let phone, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-().".contains($0)) }) {
            problems.append(FieldProblem(question: "phone", key: "error.phone"))
        }
        if category == .rightsRequest, email == nil, phone == nil, problems.isEmpty {
            problems.append(FieldProblem(question: "email", key: "error.contact"))
        }
        guard problems.isEmpty, let name else { return .failure(SubmissionProblems(problems)) }
        return .success(.named(ReporterContact(name: name, email: email, phone: phone)))
    }
}
